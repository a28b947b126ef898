/**
 * A read-only view of a loaded policy for the labour-law rules: every formula parsed once (a "site" with its path),
 * param values, what each name is, the local minimum wage, and positions in the YAML file.
 * @example const v = policyView(loaded); v.sites.filter((s) => s.kind === "item")
 */
import { type MinimumWage, minimumWage } from "../cn/social/min-wage.js";
import type { Expr } from "../formula/ast.js";
import { parseFormula } from "../formula/parser.js";
import type { LoadedPolicy, YamlPath } from "../policy/load.js";
import type { ItemKind, PolicyDoc } from "../policy/schema.js";
import { refsOf } from "./ast-utils.js";
import { type ParamInfo, paramInfo } from "./policy-values.js";

/** Where a formula lives. @example const k: SiteKind = "item" */
export type SiteKind = "item" | "calc" | "score" | "state" | "fallback";

/** One parsed formula of the policy, with its YAML path and its explanation text. @example v.sites[0]?.path // ["items", 0, "formula"] */
export type Site = {
  kind: SiteKind;
  name: string;
  itemKind?: ItemKind;
  path: YamlPath;
  text: string;
  ast: Expr;
  /** The item's explain or the calc's description ("" when none). */
  note: string;
};

/** What a name refers to. @example kindOf(v, "出勤天数") === "input" */
export type NameKind = "param" | "table" | "input" | "calc" | "item" | "score" | "state" | "other";

/** The view the rules read. @example policyView(loaded).minWage?.monthly === "2500.00" */
export type PolicyView = {
  loaded: LoadedPolicy;
  doc: PolicyDoc;
  sites: Site[];
  calcs: Map<string, Site>;
  params: Map<string, ParamInfo>;
  /** Formulas behind each computed name (calcs, score items, scorecards, state, input fallbacks). */
  defs: Map<string, Expr[]>;
  /** The city's minimum wage on effectiveFrom; null without statutory.city or data. */
  minWage: MinimumWage | null;
};

function site(
  sites: Site[],
  kind: SiteKind,
  name: string,
  path: YamlPath,
  text: string,
  note: string,
  itemKind?: ItemKind,
): Site | null {
  const { ast } = parseFormula(text);
  if (!ast) return null;
  const s: Site = { kind, name, path, text, ast, note, ...(itemKind ? { itemKind } : {}) };
  sites.push(s);
  return s;
}

/**
 * Builds the view (parses every formula; unparsable ones are skipped: the compiler reports them).
 * @example policyView(loadPolicyText(text, "p.yaml").policy!).sites.length
 */
export function policyView(loaded: LoadedPolicy): PolicyView {
  const { doc } = loaded;
  const sites: Site[] = [];
  const calcs = new Map<string, Site>();
  const defs = new Map<string, Expr[]>();
  const addDef = (name: string, e: Expr) => defs.set(name, [...(defs.get(name) ?? []), e]);
  doc.items.forEach((it, i) => {
    site(sites, "item", it.name, ["items", i, "formula"], it.formula, it.explain ?? "", it.kind);
  });
  for (const [name, c] of Object.entries(doc.calcs)) {
    const [text, path, note] =
      typeof c === "string"
        ? [c, ["calcs", name], ""]
        : [c.formula, ["calcs", name, "formula"], c.description ?? ""];
    const s = site(sites, "calc", name, path, text, note);
    if (s) {
      calcs.set(name, s);
      addDef(name, s.ast);
    }
  }
  for (const [name, sc] of Object.entries(doc.scorecards)) {
    sc.items.forEach((it, i) => {
      const s = site(
        sites,
        "score",
        it.name,
        ["scorecards", name, "items", i, "formula"],
        it.formula,
        it.label ?? "",
      );
      if (s) addDef(it.name, s.ast);
      addDef(name, { kind: "name", name: it.name, span: { start: 0, end: 0, line: 1, column: 1 } });
    });
    const t = sc.total ? site(sites, "score", name, ["scorecards", name, "total"], sc.total, "") : null;
    if (t) addDef(name, t.ast);
  }
  for (const [name, st] of Object.entries(doc.state)) {
    const s = site(sites, "state", name, ["state", name, "next"], st.next, st.description ?? "");
    if (s) addDef(name, s.ast);
  }
  for (const [name, inp] of Object.entries(doc.inputs)) {
    if (!inp.fallback) continue;
    const s = site(
      sites,
      "fallback",
      name,
      ["inputs", name, "fallback"],
      inp.fallback,
      inp.description ?? "",
    );
    if (s) addDef(name, s.ast);
  }
  const params = new Map(Object.entries(doc.params).map(([n, p]) => [n, paramInfo(n, p)] as const));
  const city = doc.statutory?.city;
  const mw = city ? minimumWage(city, doc.effectiveFrom) : null;
  return { loaded, doc, sites, calcs, params, defs, minWage: mw?.ok ? mw : null };
}

/** What a name is. @example kindOf(v, "底薪标准") === "table" */
export function kindOf(v: PolicyView, name: string): NameKind {
  const d = v.doc;
  if (name in d.params) return "param";
  if (name in d.tables) return "table";
  if (name in d.inputs) return "input";
  if (name in d.calcs) return "calc";
  if (name in d.state) return "state";
  if (d.items.some((it) => it.name === name)) return "item";
  if (v.defs.has(name)) return "score";
  return "other";
}

/**
 * Every name a set of formulas reads, directly or through calcs, scorecards, state and input fallbacks.
 * @example closureOf(v, [site.ast]).has("出勤天数")
 */
export function closureOf(v: PolicyView, roots: Expr[]): Set<string> {
  const seen = new Set<string>();
  const stack = roots.flatMap((r) => refsOf(r).map((x) => x.name));
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (seen.has(n)) continue;
    seen.add(n);
    for (const e of v.defs.get(n) ?? []) stack.push(...refsOf(e).map((x) => x.name));
  }
  return seen;
}
