/**
 * Builds the per-employee nodes of a policy in two phases: first every name gets a slot (so a formula may use a
 * name defined further down), then every formula is compiled against the complete scope.
 * @example buildNodes(builder).map((n) => n.id) // ["field:工号", …, "item:岗位工资", "total:实发工资"]
 */

import type { Display, SourceKind } from "../formula/scope.js";
import { GROUP_LEVELS } from "../formula/scope.js";
import { CellError, TYPE_ZH, type Val, type ValueType } from "../formula/types.js";
import { Dec, type RoundingMode } from "../money/decimal.js";
import { UNIT_PLACES } from "../money/rounding.js";
import { buildChecks } from "./checks.js";
import { type Builder, CONTEXT_NAMES, EMPLOYEE_FIELDS } from "./compile-policy.js";
import { inputNodeEval, trimCell } from "./input-node.js";
import type { YamlPath } from "./load.js";
import type { InputType } from "./schema.js";
import type { NodeKind, PolicyNode, RowEnv } from "./types.js";
import { parsePolicyScalar, parseScalar, valueTypeOf } from "./values.js";

type Pending = { node: PolicyNode; compile: () => void };

/** Creates all nodes; problems go to the builder. */
export function buildNodes(b: Builder): PolicyNode[] {
  const { doc } = b;
  const nodes: PolicyNode[] = [];
  const pending: Pending[] = [];
  const add: Add = (kind, name, type, display, source, path, compile) => {
    const id = `${kind}:${name}`;
    const binding = b.slotBinding(name, type, display, source, id);
    if (kind !== "next" && !b.define(name, path ?? [], binding)) return null;
    const node: PolicyNode = {
      id,
      name,
      kind,
      slot: binding.slot,
      type,
      display,
      deps: [],
      stage: 0,
      evaluate: () => {
        throw new Error(`node ${id} not compiled`);
      },
      ...(path ? { path } : {}),
    };
    nodes.push(node);
    pending.push({ node, compile: () => compile(node) });
    return node;
  };
  const withFormula = (n: PolicyNode, text: string, path: YamlPath, groups = true) => {
    const r = b.compileFormula(text, path, groups);
    if (!r) return null;
    n.deps = [...r.deps];
    n.formula = { text, ast: r.ast, compiled: r.compiled };
    n.formulaPath = path;
    return r.compiled.fn;
  };

  for (const f of EMPLOYEE_FIELDS) {
    if (doc.inputs[f.name]) continue;
    add("field", f.name, f.type, f.type === "date" ? "date" : "text", "field", undefined, (n) => {
      const type: InputType = f.type === "date" ? "date" : "text";
      n.evaluate = (_c, env) => {
        const cell = env.values[f.name];
        const raw = cell === undefined ? "" : trimCell(cell);
        if (raw === "") {
          if (f.required) throw new CellError("INPUT", undefined, `缺少“${f.name}”`, `missing "${f.name}"`);
          return type === "date" ? null : "";
        }
        if (type === "text") return raw;
        const r = parseScalar(raw, type);
        if (!r.ok)
          throw new CellError("INPUT", undefined, `“${f.name}”列：${r.zh}`, `column "${f.name}": ${r.en}`);
        return r.value;
      };
    });
  }
  for (const c of CONTEXT_NAMES) {
    add("context", c.name, c.type, c.display, "context", undefined, (n) => {
      n.evaluate = (_c, env) => {
        const v = env.period.values.get(c.name);
        if (v === undefined)
          throw new CellError("VALUE", undefined, `本期没有“${c.name}”`, `no "${c.name}" for this period`);
        return v;
      };
    });
  }
  for (const [name, def] of Object.entries(doc.inputs)) {
    const path = ["inputs", name];
    const display: Display = def.type;
    add("input", name, valueTypeOf(def.type), display, "input", path, (n) => {
      const fb = def.fallback ? withFormula(n, def.fallback, [...path, "fallback"], false) : null;
      if (def.fallback && !fb) return;
      const ev = inputNodeEval(name, def, fb, b, path);
      if (ev) n.evaluate = ev;
      if (def.description) n.description = def.description;
    });
  }
  for (const [name, s] of Object.entries(doc.state)) {
    const path = ["state", name];
    const scope = s.scope === "员工" ? -1 : GROUP_LEVELS.indexOf(s.scope);
    const t: InputType = s.type === "text" ? "text" : "number";
    const display: Display = s.display ?? (t === "text" ? "text" : "number");
    const node = add("state", name, t, display, "state", path, (n) => {
      const init = parsePolicyScalar(s.initial, t);
      if (!init.ok) return b.report([...path, "initial"], init.zh, init.en);
      const initial = init.value;
      n.evaluate = (_c, env: RowEnv) => {
        const raw = env.prior(name);
        if (raw === undefined || raw.trim() === "") return initial;
        const r = parseScalar(raw.trim(), t);
        if (!r.ok)
          throw new CellError(
            "INPUT",
            undefined,
            `上期状态“${name}”：${r.zh}`,
            `prior state "${name}": ${r.en}`,
          );
        return r.value;
      };
      if (s.description) n.description = s.description;
    });
    if (node) node.stateScope = scope;
    add("next", name, t, display, "state", [...path, "next"], (n) => {
      const fn = withFormula(n, s.next, [...path, "next"]);
      if (fn) n.evaluate = (c) => fn(c);
      n.stateScope = scope;
    });
  }
  for (const [name, c] of Object.entries(doc.calcs)) {
    const path = ["calcs", name];
    const text = typeof c === "string" ? c : c.formula;
    const display: Display = typeof c === "string" ? "number" : (c.display ?? "number");
    const type = valueTypeOf(display === "integer" ? "number" : display);
    add("calc", name, type, display, "calc", path, (n) => {
      const fpath = typeof c === "string" ? path : [...path, "formula"];
      const fn = withFormula(n, text, fpath);
      if (!fn) return;
      if (n.formula!.compiled.type !== type) {
        const got = n.formula!.compiled.type;
        b.report(
          fpath,
          `计算项“${name}”的公式得出${TYPE_ZH[got]}，请写 display: ${got === "number" ? "number" : got}`,
          `calc "${name}" yields ${got}; declare display: ${got}`,
        );
        return;
      }
      n.evaluate = (ctx) => fn(ctx);
      if (typeof c === "object" && c.description) n.description = c.description;
    });
  }
  buildScorecards(b, add, withFormula);
  buildItems(b, add, withFormula);
  buildChecks(b, add, withFormula);
  for (const p of pending) p.compile();
  return nodes;
}

export type Add = (
  kind: NodeKind,
  name: string,
  type: ValueType,
  display: Display,
  source: SourceKind,
  path: YamlPath | undefined,
  compile: (n: PolicyNode) => void,
) => PolicyNode | null;
export type WithFormula = (
  n: PolicyNode,
  text: string,
  path: YamlPath,
  groups?: boolean,
) => ((c: never) => Val) | null;

/** A number written directly or as the name of a numeric param (e.g. `points: 加分上限`). */
function decimalOf(v: number | string, b: Builder, path: YamlPath): Dec | null {
  const named = typeof v === "string" ? b.bindings.get(v.trim()) : undefined;
  if (named?.kind === "const" && named.value instanceof Dec) return named.value;
  const r = parsePolicyScalar(v, "number");
  if (!r.ok || !(r.value instanceof Dec)) {
    b.report(
      path,
      `“${v}”应为数字或数值参数的名称`,
      `"${v}" must be a number or the name of a numeric param`,
    );
    return null;
  }
  return r.value;
}

function buildScorecards(b: Builder, add: Add, withFormula: WithFormula): void {
  for (const [name, sc] of Object.entries(b.doc.scorecards)) {
    const path = ["scorecards", name];
    const itemNodes: PolicyNode[] = [];
    sc.items.forEach((it, i) => {
      const ipath = [...path, "items", i];
      const node = add("score", it.name, "number", "number", "score", ipath, (n) => {
        const points = decimalOf(it.points, b, [...ipath, "points"]);
        const fn = withFormula(n, it.formula, [...ipath, "formula"]);
        if (!fn || !points) return;
        if (n.formula!.compiled.type !== "number") {
          b.report(
            [...ipath, "formula"],
            `考核项“${it.name}”的公式应得出分数`,
            `score item "${it.name}" must be a number`,
          );
          return;
        }
        n.evaluate = (c) => Dec.ZERO.max(points.min(fn(c as never) as Dec));
        n.post = (v) => Dec.ZERO.max(points.min(v as Dec));
        n.description = [it.label, `满分 ${points.toString()}`, it.evidence ? `依据：${it.evidence}` : ""]
          .filter(Boolean)
          .join("；");
      });
      if (node) itemNodes.push(node);
    });
    add("scorecard", name, "number", "number", "score", path, (n) => {
      const max = decimalOf(sc.max, b, [...path, "max"]);
      const min = sc.min === undefined ? Dec.ZERO : decimalOf(sc.min, b, [...path, "min"]);
      if (!max || !min) return;
      if (sc.total !== undefined) {
        // A policy's own total (e.g. weights over the items), clamped like the plain sum.
        const fn = withFormula(n, sc.total, [...path, "total"]);
        if (!fn) return;
        if (n.formula!.compiled.type !== "number") {
          b.report(
            [...path, "total"],
            `考核“${name}”的合计公式应得出分数`,
            `scorecard "${name}" total must be a number`,
          );
          return;
        }
        n.evaluate = (c) => min.max(max.min(fn(c as never) as Dec));
        n.post = (v) => min.max(max.min(v as Dec));
        n.description = `${sc.description ?? ""}（合计：${sc.total.trim()}，上限 ${max.toString()}，下限 ${min.toString()}）`;
        return;
      }
      n.deps = itemNodes.map((x) => x.id);
      const slots = itemNodes.map((x) => x.slot);
      n.evaluate = (c) => {
        let sum = Dec.ZERO;
        for (const s of slots) sum = sum.add((c.slots[s] ?? c.compute(s)) as Dec);
        return min.max(max.min(sum));
      };
      n.sum = { plus: slots, minus: [] };
      n.post = (v) => min.max(max.min(v as Dec));
      n.description = `${sc.description ?? ""}（各项合计，上限 ${max.toString()}，下限 ${min.toString()}）`;
    });
  }
}

function buildItems(b: Builder, add: Add, withFormula: WithFormula): void {
  const itemNodes: PolicyNode[] = [];
  b.doc.items.forEach((it, i) => {
    const path = ["items", i];
    const money = it.kind !== "info";
    const display: Display = it.display ?? (money ? "money" : "number");
    const node = add("item", it.name, "number", display, "item", path, (n) => {
      const fn = withFormula(n, it.formula, [...path, "formula"]);
      if (!fn) return;
      if (n.formula!.compiled.type !== "number") {
        b.report(
          [...path, "formula"],
          `工资项“${it.name}”的公式应得出数值`,
          `pay item "${it.name}" must be a number`,
        );
        return;
      }
      let places = money ? 2 : (it.decimals ?? 2);
      let mode: RoundingMode = "half-up";
      if (it.round && it.round !== "none") {
        const r = typeof it.round === "string" ? { unit: it.round, mode: "half-up" as const } : it.round;
        places = UNIT_PLACES[r.unit];
        mode = r.mode;
      } else if (it.round === "none") {
        b.report([...path, "round"], "工资项必须取整到分、角或元", "pay items must round to 分, 角 or 元");
      }
      n.evaluate = (c) => (fn(c as never) as Dec).round(places, mode);
      n.post = (v) => (v as Dec).round(places, mode);
      n.item = {
        name: it.name,
        kind: it.kind,
        places,
        mode,
        taxable: it.tax === undefined && (it.taxable ?? (it.kind === "earning" || it.kind === "deduction")),
        annualBonus: it.tax === "全年一次性奖金",
        display,
        index: i,
        node: n,
        ...(it.explain ? { explain: it.explain } : {}),
      };
    });
    if (node) itemNodes.push(node);
  });
  const sumOf = (name: string, pick: (n: PolicyNode) => boolean, zh: string) =>
    add("total", name, "number", "money", "total", undefined, (n) => {
      const picked = itemNodes.filter((x) => x.item && pick(x));
      n.deps = picked.map((x) => x.id);
      const slots = picked.map((x) => x.slot);
      n.evaluate = (c) => {
        let sum = Dec.ZERO;
        for (const s of slots) sum = sum.add((c.slots[s] ?? c.compute(s)) as Dec);
        return sum;
      };
      n.sum = { plus: slots, minus: [] };
      n.description = zh;
    });
  sumOf("应发工资", (x) => x.item!.kind === "earning", "所有应发项目合计");
  sumOf("应税收入", (x) => x.item!.kind === "earning" && x.item!.taxable, "计税的应发项目合计");
  sumOf(
    "免税收入",
    (x) => x.item!.kind === "earning" && !x.item!.taxable && !x.item!.annualBonus,
    "不计税的应发项目合计（免税收入）",
  );
  sumOf(
    "全年一次性奖金",
    (x) => x.item!.kind === "earning" && x.item!.annualBonus,
    "单独计税的全年一次性奖金合计",
  );
  sumOf(
    "税前扣款",
    (x) => x.item!.kind === "deduction" && x.item!.taxable,
    "减少计税收入的扣款合计（如缺勤扣款；taxable: false 的扣款不减少计税收入）",
  );
  sumOf(
    "扣款合计",
    (x) => x.item!.kind === "deduction" || x.item!.kind === "withholding",
    "所有扣款和代扣项目合计",
  );
  add("total", "实发工资", "number", "money", "total", undefined, (n) => {
    n.deps = ["total:应发工资", "total:扣款合计"];
    const gross = b.bindings.get("应发工资");
    const ded = b.bindings.get("扣款合计");
    if (gross?.kind !== "slot" || ded?.kind !== "slot") return;
    n.evaluate = (c) =>
      ((c.slots[gross.slot] ?? c.compute(gross.slot)) as Dec).sub(
        (c.slots[ded.slot] ?? c.compute(ded.slot)) as Dec,
      );
    n.description = "应发工资 − 扣款合计";
    n.sum = { plus: [gross.slot], minus: [ded.slot] };
  });
}
