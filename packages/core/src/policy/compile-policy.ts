/**
 * Compiles a loaded policy once: resolves every name, type-checks every formula, orders the dependency graph
 * (reporting a cycle with its whole path), assigns group stages, and reports every problem at once.
 * @example const { compiled, problems } = compilePolicy(loaded)
 */
import type { Expr } from "../formula/ast.js";
import { type BatchFn, type BatchState, compileBatch } from "../formula/batch.js";
import { type CompileState, compileExpr } from "../formula/compile.js";
import { parseFormula } from "../formula/parser.js";
import { makeProblem, type Problem } from "../formula/problems.js";
import type { AggregateSpec, Binding, Display, Scope, SlotBinding, SourceKind } from "../formula/scope.js";
import type { Compiled, ValueType } from "../formula/types.js";
import { closureOf, orderNodes } from "./graph.js";
import type { LoadedPolicy, YamlPath } from "./load.js";
import { buildNodes } from "./nodes.js";
import { attachBatch } from "./nodes-batch.js";
import type { PolicyDoc } from "./schema.js";
import { expandStatutory } from "./statutory.js";
import { buildParam, buildTable } from "./tables.js";
import type { CompiledPolicy, PolicyNode } from "./types.js";

/** Built-in employee fields every policy can read. Blank optional dates are blank (ISBLANK), not defaulted. */
export const EMPLOYEE_FIELDS: { name: string; type: ValueType; required: boolean }[] = [
  { name: "工号", type: "text", required: true },
  { name: "姓名", type: "text", required: true },
  { name: "团队", type: "text", required: false },
  { name: "部门", type: "text", required: false },
  { name: "职级", type: "text", required: false },
  { name: "职级生效日期", type: "date", required: false },
  { name: "用工类型", type: "text", required: false },
  { name: "入职日期", type: "date", required: false },
  { name: "转正日期", type: "date", required: false },
  { name: "离职日期", type: "date", required: false },
  { name: "参保城市", type: "text", required: false },
];

/** Period values every policy can read; filled once per run. */
export const CONTEXT_NAMES: { name: string; type: ValueType; display: Display; zh: string }[] = [
  { name: "期间", type: "text", display: "text", zh: "薪资期间，如 2026-10" },
  { name: "期间开始", type: "date", display: "date", zh: "期间第一天" },
  { name: "期间结束", type: "date", display: "date", zh: "期间最后一天" },
  { name: "本月天数", type: "number", display: "integer", zh: "本月日历天数" },
  { name: "本月工作日", type: "number", display: "integer", zh: "本月法定工作日（含调休上班日）" },
  { name: "计薪天数", type: "number", display: "number", zh: "月计薪天数 21.75" },
  {
    name: "本月法定节假日",
    type: "number",
    display: "integer",
    zh: "本月法定节假日天数（加班按 300%，不含补假日），如 2026-10 为 3",
  },
  {
    name: "月工作小时",
    type: "number",
    display: "number",
    zh: "月平均工作小时 165.33（人社部发〔2025〕2号，自 2025-01 起；不是计薪小时 174）",
  },
];

/** Node kinds computed only when a formula reads them, like spreadsheet cells. */
const LAZY_KINDS = new Set(["calc", "field", "context"]);

/** Helpers shared with node builders: register slots and compile formulas with positions. */
export type Builder = {
  doc: PolicyDoc;
  problems: Problem[];
  bindings: Map<string, Binding>;
  newSlot: () => number;
  report: (path: YamlPath, zh: string, en: string, severity?: "error" | "warning") => void;
  define: (name: string, path: YamlPath, b: Binding) => boolean;
  slotBinding: (
    name: string,
    type: ValueType,
    display: Display,
    source: SourceKind,
    node: string,
  ) => SlotBinding;
  compileFormula: (
    text: string,
    path: YamlPath,
    allowGroups?: boolean,
  ) => { compiled: Compiled; deps: Set<string>; ast: Expr } | null;
};

/**
 * Compiles a loaded policy. `compiled` is null when there is any error; warnings come with a compiled policy.
 * @example compilePolicy(loadPolicyText(text, "p.yaml").policy!).problems
 */
export function compilePolicy(original: LoadedPolicy): {
  compiled: CompiledPolicy | null;
  problems: Problem[];
} {
  const expanded = expandStatutory(original);
  if (expanded.problems.length) return { compiled: null, problems: expanded.problems };
  const loaded = expanded.loaded;
  const { file } = loaded;
  const doc = withBuiltInChecks(loaded.doc);
  const problems: Problem[] = [];
  const bindings = new Map<string, Binding>();
  const aggregates: (AggregateSpec & { id: number })[] = [];
  let slots = 0;

  const report: Builder["report"] = (path, zh, en, severity = "error") => {
    const p = makeProblem("SCHEMA", loaded.locate(path) ?? { file, line: 1, column: 1 }, zh, en);
    problems.push({ ...p, severity });
  };
  const define: Builder["define"] = (name, path, b) => {
    const existing = bindings.get(name);
    if (existing) {
      const builtIn =
        existing.kind === "slot" && (existing.source === "field" || existing.source === "context");
      const p = makeProblem(
        "DUPLICATE_NAME",
        loaded.locateKey(path),
        builtIn
          ? `名称“${name}”与内置的${existing.source === "field" ? "员工信息" : "期间"}字段重名，请换一个名称`
          : `名称“${name}”重复定义`,
        builtIn ? `name "${name}" clashes with a built-in field` : `name "${name}" is defined more than once`,
      );
      problems.push(p);
      return false;
    }
    bindings.set(name, b);
    return true;
  };
  const scope: Scope = {
    resolve: (n) => bindings.get(n),
    names: () => bindings.keys(),
    addAggregate: (spec) => {
      const id = aggregates.length;
      aggregates.push({ ...spec, id });
      return id;
    },
  };
  const b: Builder = {
    doc,
    problems,
    bindings,
    newSlot: () => slots++,
    report,
    define,
    slotBinding: (_name, type, display, source, node) => ({
      kind: "slot",
      type,
      slot: slots++,
      display,
      source,
      node,
    }),
    compileFormula: (text, path, allowGroups = true) => {
      const parsed = parseFormula(text);
      const fix = (p: Problem): Problem => {
        const loc = p.at ? loaded.locateInFormula(path, p.at.line, p.at.column) : loaded.locate(path);
        return loc ? { ...p, at: { ...loc, ...(p.at?.length ? { length: p.at.length } : {}) } } : p;
      };
      if (!parsed.ast) {
        problems.push(...parsed.problems.map(fix));
        return null;
      }
      const local: Problem[] = [];
      const st: CompileState = { scope, problems: local, deps: new Set(), allowGroups };
      const compiled = compileExpr(parsed.ast, st);
      problems.push(...local.map(fix));
      return compiled && local.length === 0 ? { compiled, deps: st.deps, ast: parsed.ast } : null;
    },
  };

  for (const [name, p] of Object.entries(doc.params)) {
    const c = buildParam(name, p, report);
    if (c) define(name, ["params", name], c);
  }
  for (const [name, t] of Object.entries(doc.tables)) {
    const tb = buildTable(name, t, report);
    if (tb) define(name, ["tables", name], tb);
  }
  const nodes = buildNodes(b);
  if (problems.some((p) => p.severity === "error")) return { compiled: null, problems };

  const deps = new Map<string, readonly string[]>();
  for (const n of nodes) deps.set(n.id, n.deps);
  for (const a of aggregates) deps.set(`agg:${a.id}`, [...a.deps]);
  const g = orderNodes(deps);
  if (g.cycle) {
    const names = g.cycle.map((id) => nodeName(id, nodes, aggregates));
    const first = nodes.find((n) => n.id === g.cycle![0]);
    problems.push(
      makeProblem(
        "CYCLE",
        first?.path ? loaded.locate(first.path) : undefined,
        `循环引用：${names.join(" → ")}`,
        `circular reference: ${names.join(" -> ")}`,
      ),
    );
    return { compiled: null, problems };
  }
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const n of nodes) n.stage = g.stage.get(n.id) ?? 0;
  const aggStage = aggregates.map((a) => g.stage.get(`agg:${a.id}`) ?? 0);
  const maxStage = Math.max(0, ...nodes.map((n) => n.stage));
  const passes: PolicyNode[][] = [];
  for (let s = 0; s <= maxStage; s++) {
    const targets =
      s === maxStage
        ? nodes.filter((n) => !LAZY_KINDS.has(n.kind) || n.name === "工号").map((n) => n.id)
        : aggregates.filter((_, i) => aggStage[i] === s).flatMap((a) => [...a.deps]);
    const closure = closureOf(targets, deps, g.order);
    const eager = closure.flatMap((id) => byId.get(id) ?? []);
    passes.push(eager.filter((n) => !LAZY_KINDS.has(n.kind)));
  }

  warnUnusedInputs(nodes, deps, g.order, loaded, problems);

  const items = nodes.filter((n) => n.item).map((n) => n.item!);
  const bySlot: PolicyNode[] = [];
  for (const n of nodes) bySlot[n.slot] = n;
  const reachable = new Set(
    closureOf(
      passes[passes.length - 1]!.map((n) => n.id),
      deps,
      g.order,
    ),
  );
  const lazySlots = new Set(nodes.filter((n) => LAZY_KINDS.has(n.kind)).map((n) => n.slot));
  const batch = attachBatch(nodes, scope, lazySlots);
  const batchState: BatchState = { scope, problems: [], deps: new Set(), allowGroups: true, lazySlots };
  const batchAggregates = batch
    ? aggregates.map((a) => a.argAsts.map((ast) => compileBatch(ast, batchState)?.fn ?? null))
    : null;
  const aggsReady = batchAggregates?.every((fs) => fs.every((f) => f !== null)) ?? false;
  const compiled: CompiledPolicy = {
    batch: aggsReady ? batch : null,
    batchAggregates: aggsReady ? (batchAggregates as BatchFn[][]) : null,
    doc,
    file,
    slotCount: slots,
    nodes,
    // A state name means last month's value; its `next` node (same name) is reached through policy.nodes.
    byName: new Map(nodes.filter((n) => n.kind !== "next").map((n) => [n.name, n])),
    aggregates: aggregates.map((a, i) => ({ ...a, stage: aggStage[i]! })),
    passes,
    items,
    checks: nodes.filter((n) => n.kind === "check"),
    register: registerColumns(doc, nodes, report),
    bySlot,
    usesContext: new Set(nodes.filter((n) => n.kind === "context" && reachable.has(n.id)).map((n) => n.name)),
    locateInFormula: loaded.locateInFormula,
    locate: loaded.locate,
  };
  return { compiled: problems.some((p) => p.severity === "error") ? null : compiled, problems };
}

const NEGATIVE_NET = {
  name: "实发工资为负",
  when: "实发工资 < 0",
  message:
    "实发工资 {实发工资} 为负：扣款合计 {扣款合计} 超过应发工资 {应发工资}；请核对扣款，或与员工约定补缴",
};

/** Every policy warns about a negative net pay unless it defines its own check of that name. */
function withBuiltInChecks(doc: PolicyDoc): PolicyDoc {
  if (doc.checks.some((c) => c.name === NEGATIVE_NET.name)) return doc;
  return { ...doc, checks: [...doc.checks, NEGATIVE_NET] };
}

function nodeName(id: string, nodes: PolicyNode[], aggs: (AggregateSpec & { id: number })[]): string {
  if (id.startsWith("agg:")) return aggs[Number(id.slice(4))]?.text ?? id;
  return nodes.find((n) => n.id === id)?.name ?? id;
}

function warnUnusedInputs(
  nodes: PolicyNode[],
  deps: Map<string, readonly string[]>,
  order: string[],
  loaded: LoadedPolicy,
  problems: Problem[],
): void {
  const roots = nodes
    .filter((n) => n.kind === "item" || n.kind === "next" || n.kind === "check")
    .map((n) => n.id);
  const used = new Set(closureOf(roots, deps, order));
  for (const n of nodes) {
    if (n.kind === "input" && !used.has(n.id)) {
      problems.push({
        code: "UNUSED_INPUT",
        severity: "warning",
        at: loaded.locateKey(["inputs", n.name]),
        zh: `输入“${n.name}”没有被任何工资项用到`,
        en: `input "${n.name}" is not used by any pay item`,
      });
    }
  }
}

function registerColumns(doc: PolicyDoc, nodes: PolicyNode[], report: Builder["report"]): string[] {
  const itemNames = nodes.filter((n) => n.item).map((n) => n.name);
  const defaults = ["工号", "姓名", ...itemNames, "应发工资", "扣款合计", "实发工资"];
  if (!doc.register) return defaults;
  const known = new Set(nodes.map((n) => n.name));
  doc.register.forEach((c, i) => {
    if (!known.has(c))
      report(["register", i], `工资表列“${c}”不是已定义的名称`, `register column "${c}" is not defined`);
  });
  return doc.register;
}
