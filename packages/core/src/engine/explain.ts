/**
 * Explained payslips: every line with its formula, the values substituted, where each came from, and a sentence
 * such as `岗位工资 = 级别工资[E] 800.00 × 阶系数[3] 75% = 600.00`. Rendered on demand by recomputing the one
 * employee against the run's stored group results, so it always matches the run.
 * @example explainPayslip(run, 0).lines[0].sentence
 */

import type { Expr } from "../formula/ast.js";
import type { Display } from "../formula/scope.js";
import type { TraceEntry, Val } from "../formula/types.js";
import { formatValue } from "../formula/values.js";
import type { Dec } from "../money/decimal.js";
import { ROUNDING_MODE_ZH } from "../money/rounding.js";
import type { PolicyNode } from "../policy/types.js";
import { recomputeEmployee } from "./recompute.js";
import type { EmployeeError, PayrollRun } from "./run.js";

export type ExplainedRef = { label: string; value: string; source: string };
export type ExplainedLine = {
  name: string;
  kind: string;
  value: string;
  formula: string;
  substituted: string;
  sentence: string;
  refs: ExplainedRef[];
  note?: string;
  /** What functions said while computing the line: a clamped base, a rate and its source and confidence. */
  notes?: string[];
  description?: string;
};
export type ExplainedPayslip = {
  工号: string;
  姓名: string;
  period: string;
  policy: string;
  lines: ExplainedLine[];
  /** Intermediate values (calcs, scores, derived inputs) the lines used. */
  details: ExplainedLine[];
  error: EmployeeError | null;
};

const SOURCE_ZH: Record<string, string> = {
  param: "方案参数",
  table: "方案表格",
  input: "输入列",
  field: "员工信息",
  context: "本期",
  calc: "计算项",
  item: "工资项",
  score: "考核项",
  total: "合计",
  state: "上期结转",
  group: "分组汇总",
};

/**
 * Explains one employee's payslip line by line.
 * @example explainPayslip(run, 0).lines.find((l) => l.name === "岗位工资")?.sentence
 */
export function explainPayslip(run: PayrollRun, index: number): ExplainedPayslip {
  const policy = run.policy;
  const row = run.employees[index]!;
  const { slots, ctx } = recomputeEmployee(run, index);
  const error = run.errors[index] ?? null;
  const done = { has: (id: string) => slots[policy.nodes.find((n) => n.id === id)!.slot] !== undefined };
  const source = row.source;
  const explainNode = (n: PolicyNode): ExplainedLine => {
    const value = done.has(n.id) ? formatValue(slots[n.slot] ?? null, n.display) : "（未算出）";
    if (!n.formula) {
      const text =
        n.kind === "input" || n.kind === "field"
          ? (row.notes?.[n.name] ?? inputSource(n, source))
          : (n.description ?? "");
      return {
        name: n.name,
        kind: n.kind,
        value,
        formula: "",
        substituted: "",
        sentence: `${n.name} = ${value}（${text}）`,
        refs: [],
      };
    }
    const trace: TraceEntry[] = [];
    const notes: string[] = [];
    ctx.trace = trace;
    ctx.notes = notes;
    let raw: Val = null;
    try {
      raw = n.formula.compiled.fn(ctx);
    } catch {
      raw = null;
    }
    ctx.trace = null;
    ctx.notes = null;
    const bySpan = new Map(trace.map((t) => [t.span.start, t]));
    const substituted = render(n.formula.ast, bySpan);
    const refs = dedupe(trace).map((t) => ({
      label: t.label,
      value: formatValue(t.value, displayOf(t.source)),
      source: sourceText(t, policy.byName.get(t.label), source, row.values, row.notes),
    }));
    const line: ExplainedLine = {
      name: n.name,
      kind: n.item?.kind ?? n.kind,
      value,
      formula: n.formula.text.trim(),
      substituted,
      sentence: `${n.name} = ${substituted} = ${value}`,
      refs,
    };
    if (n.item && raw !== null && done.has(n.id) && !(raw as Dec).eq(slots[n.slot] as Dec)) {
      line.note = `${formatValue(raw, "number")} 按${ROUNDING_MODE_ZH[n.item.mode]}取到${["元", "角", "分"][n.item.places] ?? `${n.item.places}位小数`}`;
    }
    if (notes.length) line.notes = [...new Set(notes)];
    const desc = n.item?.explain ?? n.description;
    if (desc) line.description = desc;
    return line;
  };
  const lines = policy.items.map((i) => explainNode(i.node));
  for (const t of ["应发工资", "扣款合计", "实发工资"]) {
    const n = policy.byName.get(t)!;
    const parts = policy.nodes.filter((x) => n.deps.includes(x.id));
    const value = done.has(n.id) ? formatValue(slots[n.slot] ?? null, "money") : "（未算出）";
    const substituted =
      parts.map((p) => `${p.name} ${formatValue(slots[p.slot] ?? null, "money")}`).join(" + ") || "0";
    const sentence =
      t === "实发工资" ? `实发工资 = 应发工资 − 扣款合计 = ${value}` : `${t} = ${substituted} = ${value}`;
    lines.push({
      name: t,
      kind: "total",
      value,
      formula: n.description ?? "",
      substituted,
      sentence,
      refs: [],
    });
  }
  const details: ExplainedLine[] = [];
  const seen = new Set(policy.items.map((i) => i.name));
  const queue = lines.flatMap((l) => l.refs.map((r) => r.label));
  while (queue.length) {
    const name = queue.shift()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const n = policy.byName.get(name);
    if (!n || !["calc", "score", "scorecard", "input", "state"].includes(n.kind)) continue;
    if (n.kind === "input" && (!n.formula || (row.values[n.name] ?? "").trim() !== "")) continue;
    const d = explainNode(n);
    details.push(d);
    queue.push(...d.refs.map((r) => r.label));
    if (n.kind === "scorecard")
      queue.push(...policy.nodes.filter((x) => n.deps.includes(x.id)).map((x) => x.name));
  }
  return {
    工号: String(row.values.工号 ?? ""),
    姓名: String(row.values.姓名 ?? ""),
    period: run.period.period,
    policy: `${policy.doc.name}（${policy.doc.id} v${policy.doc.version}）`,
    lines,
    details,
    error,
  };
}

function displayOf(source: string): Display {
  return (source.split(":")[1] ?? "number") as Display;
}

function dedupe(trace: TraceEntry[]): TraceEntry[] {
  const seen = new Set<string>();
  return trace.filter((t) => {
    if (seen.has(t.label)) return false;
    seen.add(t.label);
    return true;
  });
}

function inputSource(n: PolicyNode, src: { file: string; row: number } | undefined): string {
  const where = src ? `${src.file} 第${src.row}行` : "输入";
  return n.kind === "field" ? `员工信息，${where}` : `${where}“${n.name}”列`;
}

function sourceText(
  t: TraceEntry,
  n: PolicyNode | undefined,
  src: { file: string; row: number } | undefined,
  values: Record<string, string | undefined>,
  notes: Record<string, string> | undefined,
): string {
  const kind = t.source.split(":")[0] ?? "";
  if (kind === "input" || kind === "field") {
    const note = notes?.[t.label];
    if (note !== undefined) return note;
    const blank = (values[t.label] ?? "").trim() === "";
    if (n?.formula && kind === "input" && blank) return `未填写，由公式推算：${n.formula.text.trim()}`;
    if (kind === "input" && blank) return `未填写，取默认值`;
    return inputSource(n ?? ({ name: t.label, kind } as PolicyNode), src);
  }
  return SOURCE_ZH[kind] ?? kind;
}

const OPS: Record<string, string> = { "*": "×", "/": "÷", ">=": "≥", "<=": "≤", "<>": "≠" };

function render(e: Expr, bySpan: Map<number, TraceEntry>): string {
  const traced = bySpan.get(e.span.start);
  if (
    traced &&
    (e.kind === "name" || e.kind === "index" || e.kind === "call") &&
    traced.span.end === e.span.end
  ) {
    return `${traced.label} ${formatValue(traced.value, displayOf(traced.source))}`;
  }
  switch (e.kind) {
    case "number":
      return e.text + (e.percent ? "%" : "");
    case "string":
      return `"${e.value}"`;
    case "boolean":
      return e.value ? "TRUE" : "FALSE";
    case "date":
      return e.value;
    case "name":
      return e.name;
    case "index":
      return `${e.target.name}[${e.keys.map((k) => render(k, bySpan)).join(", ")}]`;
    case "paren":
      return `(${render(e.inner, bySpan)})`;
    case "unary":
      return `${e.op}${render(e.operand, bySpan)}`;
    case "binary":
      return `${render(e.left, bySpan)} ${OPS[e.op] ?? e.op} ${render(e.right, bySpan)}`;
    case "call": {
      // IF shows the branch it did not take as "…" when that branch reads values (nothing of it was computed).
      const skip = (a: Expr, i: number) =>
        e.name === "IF" && i > 0 && readsNames(a) && !hasTraceIn(a, bySpan) ? "…" : render(a, bySpan);
      return `${e.name}(${e.args.map(skip).join(", ")})`;
    }
  }
}

function readsNames(e: Expr): boolean {
  switch (e.kind) {
    case "name":
    case "index":
      return true;
    case "paren":
      return readsNames(e.inner);
    case "unary":
      return readsNames(e.operand);
    case "binary":
      return readsNames(e.left) || readsNames(e.right);
    case "call":
      return e.args.some(readsNames);
    default:
      return false;
  }
}

/** Whether any value inside the expression was recorded while computing the line. */
function hasTraceIn(e: Expr, bySpan: Map<number, TraceEntry>): boolean {
  for (const start of bySpan.keys()) if (start >= e.span.start && start < e.span.end) return true;
  return false;
}
