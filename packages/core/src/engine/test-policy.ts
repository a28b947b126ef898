/**
 * Test support: builds small policies from formulas and runs them on rows, so formula and engine tests read
 * like tables. Not used by production code.
 * @example evalItems({ items: { x: "1 + 2" } }, [{ 工号: "A1", 姓名: "甲" }]).rows[0].x === "3.00"
 */
import { stringify } from "yaml";
import { formatProblem } from "../formula/problems.js";
import { checkPolicyText } from "../policy/check.js";
import type { CompiledPolicy } from "../policy/types.js";
import { explainPayslip } from "./explain.js";
import {
  type EmployeeInput,
  formatEmployeeError,
  getPayslip,
  type PayrollRun,
  type PriorState,
  runPayroll,
} from "./run.js";

export type MiniPolicy = {
  params?: Record<string, unknown>;
  tables?: Record<string, unknown>;
  inputs?: Record<string, unknown>;
  calcs?: Record<string, unknown>;
  scorecards?: Record<string, unknown>;
  state?: Record<string, unknown>;
  statutory?: Record<string, unknown>;
  checks?: Record<string, unknown>[];
  /** Item name → formula (kind earning) or a full item object. */
  items: Record<string, string | Record<string, unknown>>;
};

/** The YAML text of a mini policy. */
export function miniPolicyYaml(p: MiniPolicy): string {
  const doc = {
    id: "t",
    name: "测试方案",
    version: 1,
    effectiveFrom: "2026-01-01",
    description: "测试",
    ...(p.params ? { params: p.params } : {}),
    ...(p.tables ? { tables: p.tables } : {}),
    ...(p.inputs ? { inputs: p.inputs } : {}),
    ...(p.calcs ? { calcs: p.calcs } : {}),
    ...(p.scorecards ? { scorecards: p.scorecards } : {}),
    ...(p.state ? { state: p.state } : {}),
    ...(p.statutory ? { statutory: p.statutory } : {}),
    ...(p.checks ? { checks: p.checks } : {}),
    items: Object.entries(p.items).map(([name, f]) =>
      typeof f === "string" ? { name, kind: "earning", formula: f } : { name, ...f },
    ),
  };
  return stringify(doc);
}

/** Compiles a mini policy; throws with every problem when it does not compile. */
export function compileMini(p: MiniPolicy): CompiledPolicy {
  const r = checkPolicyText(miniPolicyYaml(p), "t.yaml");
  if (!r.compiled) throw new Error(r.problems.map((x) => formatProblem(x)).join("\n"));
  return r.compiled;
}

/** Problems (formatted, Chinese) of a mini policy. */
export function problemsOf(p: MiniPolicy, lang: "zh" | "en" = "zh"): string[] {
  return checkPolicyText(miniPolicyYaml(p), "t.yaml").problems.map((x) => formatProblem(x, lang));
}

/** Runs a mini policy; rows of item values (toFixed at their places) and formatted errors. */
export function evalItems(
  p: MiniPolicy,
  rows: Record<string, string>[],
  opts: { period?: string; prior?: PriorState } = {},
): { run: PayrollRun; rows: Record<string, string>[]; errors: string[] } {
  const compiled = compileMini(p);
  const employees: EmployeeInput[] = rows.map((values, i) => ({
    values,
    source: { file: "in.csv", row: i + 2 },
  }));
  const r = runPayroll(compiled, {
    period: opts.period ?? "2026-10",
    employees,
    ...(opts.prior ? { prior: opts.prior } : {}),
  });
  if (!r.ok) throw new Error(r.problem.zh);
  const out = rows.map((_, i) => {
    const ps = getPayslip(r.run, i);
    return Object.fromEntries([
      ...ps.lines.map((l) => [
        l.name,
        l.value.toFixed(compiled.items.find((x) => x.name === l.name)!.places),
      ]),
      ["应发工资", ps.gross.toFixed(2)],
      ["实发工资", ps.net.toFixed(2)],
    ]);
  });
  const errors = r.run.errors.flatMap((e, i) => (e ? [formatEmployeeError(r.run, i)] : []));
  return { run: r.run, rows: out, errors };
}

/** The explanation sentence of one item for one employee. */
export function sentenceOf(run: PayrollRun, index: number, item: string): string {
  return explainPayslip(run, index).lines.find((l) => l.name === item)?.sentence ?? "";
}
