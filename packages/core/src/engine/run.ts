/**
 * The pay engine: a pure function from (compiled policy, period, employees with their inputs, prior-period
 * state) to payslip values. Each employee's bad data is reported against that employee and never stops the
 * others. Values are kept compactly (integers of each column's unit) so a million payslips fit in memory;
 * explanations are rendered on demand from the same data (see explain.ts).
 * @example const r = runPayroll(compiled, { period: "2026-10", employees }); if (r.ok) getPayslip(r.run, 0)
 */

import { CALENDAR_YEARS, countWorkdays } from "../cn/calendar.js";
import { countStatutoryHolidays, STATUTORY_YEARS } from "../cn/holidays.js";
import { dateToDays } from "../formula/compile.js";
import type { Location } from "../formula/problems.js";
import { GROUP_LEVELS } from "../formula/scope.js";
import { CellError, type Val } from "../formula/types.js";
import { formatValue } from "../formula/values.js";
import { Dec } from "../money/decimal.js";
import { CONTEXT_NAMES } from "../policy/compile-policy.js";
import type { CompiledPolicy, PeriodContext, PolicyNode } from "../policy/types.js";
import { AggregateResults, buildGroups, type Groups } from "./groups.js";
import { NextStateCollector } from "./next-state.js";
import { evaluateBatch, type RunSetup } from "./run-batch.js";
import { evaluateScalar } from "./run-scalar.js";

/**
 * One employee's raw values (built-in fields and inputs, as text) and where they came from: `source` is the row
 * of the import, `notes` a value's own provenance that the explanation shows instead (an approved claim and its
 * approver, an adjustment and its reason, another file's row).
 * @example const e: EmployeeInput = { values: { 工号: "E1", 加分项数: "1" }, notes: { 加分项数: "申报 #12，王主管批准" } }
 */
export type EmployeeInput = {
  values: Record<string, string | undefined>;
  source?: { file: string; row: number };
  notes?: Record<string, string>;
};

/** State carried from the previous period, by employee (工号) and by group level and group name. */
export type PriorState = {
  employees?: Record<string, Record<string, string>>;
  groups?: Record<string, Record<string, Record<string, string>>>;
};

export type EmployeeError = {
  code: string;
  /** The node being computed, e.g. 岗位工资. */
  item?: string;
  zh: string;
  en: string;
  /** Position in the policy file of the formula that failed. */
  at?: Location;
  source?: { file: string; row: number };
};

export type Column = {
  name: string;
  places: number;
  kind: "earning" | "deduction" | "withholding" | "info" | "total";
};

export type PayrollRun = {
  policy: CompiledPolicy;
  period: PeriodContext;
  employees: readonly EmployeeInput[];
  prior: PriorState;
  groups: Groups;
  aggregates: AggregateResults;
  /** Items in policy order, then 应发工资, 应税收入, 扣款合计, 实发工资. */
  columns: Column[];
  /** Column values as integers of 10^-places (e.g. 分), row-major; a Float64Array holds every such integer below 2^53 exactly. */
  units: Float64Array;
  errors: (EmployeeError | null)[];
  errorCount: number;
  /** One byte per employee and policy check (policy.checks order): 1 when the warning applies; see listWarnings. */
  checkFlags: Uint8Array;
  nextState: PriorState;
};

export type RunProblem = { code: "PERIOD" | "CALENDAR"; zh: string; en: string };

const PERIOD_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** First period of 月工作小时 165.33 (人社部发〔2025〕2号, in force 2025-01-01; earlier figures differ). */
const WORK_HOURS_FROM = "2025-01";

/** Why a period value can be missing, for the run-level refusal of a policy that reads it. */
const MISSING_WHY: Record<string, (period: string) => { zh: string; en: string }> = {
  本月工作日: (p) => ({
    zh: `节假日数据只覆盖 ${CALENDAR_YEARS.from}–${CALENDAR_YEARS.to} 年，无法确定 ${p} 的工作日；请更新日历数据`,
    en: `holiday data covers ${CALENDAR_YEARS.from}-${CALENDAR_YEARS.to} only; cannot count workdays of ${p}`,
  }),
  本月法定节假日: (p) => ({
    zh: `法定节假日表只覆盖 ${STATUTORY_YEARS.from}–${STATUTORY_YEARS.to} 年，无法确定 ${p} 的法定节假日天数；请更新法定节假日表`,
    en: `the statutory holiday table covers ${STATUTORY_YEARS.from}-${STATUTORY_YEARS.to} only; cannot count statutory holidays of ${p}`,
  }),
  月工作小时: (p) => ({
    zh: `月工作小时 165.33 自 ${WORK_HOURS_FROM} 起适用（人社部发〔2025〕2号），${p} 没有该值；更早的期间请用参数设定`,
    en: `月工作小时 165.33 applies from ${WORK_HOURS_FROM} (人社部发〔2025〕2号); set a parameter for ${p}`,
  }),
};

/**
 * Builds the period values (期间, 期间开始, 本月工作日 …). A value whose data does not cover the month (本月工作日,
 * 本月法定节假日, 月工作小时) is left out, and a policy reading it is refused for that period.
 * @example periodContext("2026-10").values.get("本月天数")?.toString() === "31"
 */
export function periodContext(period: string): PeriodContext | null {
  const m = PERIOD_RE.exec(period);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  const values = new Map<string, Val>([
    ["期间", period],
    ["期间开始", dateToDays(`${period}-01`)],
    ["期间结束", dateToDays(`${period}-${String(days).padStart(2, "0")}`)],
    ["本月天数", Dec.fromInt(days)],
    ["计薪天数", Dec.parse("21.75")],
  ]);
  const wd = countWorkdays(y, mo);
  if (wd !== null) values.set("本月工作日", Dec.fromInt(wd));
  const sh = countStatutoryHolidays(y, mo);
  if (sh !== null) values.set("本月法定节假日", Dec.fromInt(sh));
  if (period >= WORK_HOURS_FROM) values.set("月工作小时", Dec.parse("165.33"));
  return { period, values };
}

/**
 * Runs payroll for one period. Run-level problems (a bad period, a month the calendar lacks) come back as values.
 * @example runPayroll(compiled, { period: "2026-10", employees: [{ values: { 工号: "A1", 姓名: "张三", 岗位级别: "E", 阶: "3", 工龄: "0" } }] })
 */
export function runPayroll(
  policy: CompiledPolicy,
  input: {
    period: string;
    employees: readonly EmployeeInput[];
    prior?: PriorState;
    /** "scalar" forces the row-by-row evaluator (the reference the batch evaluator is tested against). */
    mode?: "batch" | "scalar";
  },
): { ok: true; run: PayrollRun } | { ok: false; problem: RunProblem } {
  const period = periodContext(input.period);
  if (!period) {
    return {
      ok: false,
      problem: {
        code: "PERIOD",
        zh: `期间“${input.period}”格式不对，应为 YYYY-MM，如 2026-10`,
        en: `period "${input.period}" must be YYYY-MM`,
      },
    };
  }
  const missing = CONTEXT_NAMES.find((c) => policy.usesContext.has(c.name) && !period.values.has(c.name));
  if (missing) {
    const why = MISSING_WHY[missing.name]?.(input.period) ?? {
      zh: `${input.period} 没有“${missing.name}”`,
      en: `no "${missing.name}" for ${input.period}`,
    };
    return { ok: false, problem: { code: "CALENDAR", ...why } };
  }
  const employees = input.employees;
  const prior = input.prior ?? {};
  const n = employees.length;
  const groups = buildGroups(employees);
  const aggregates = new AggregateResults(policy.aggregates, groups, n);
  const columns: Column[] = [
    ...policy.items.map((i) => ({ name: i.name, places: i.places, kind: i.kind })),
    ...["应发工资", "应税收入", "扣款合计", "实发工资"].map((name) => ({
      name,
      places: 2,
      kind: "total" as const,
    })),
  ];
  const colNodes = columns.map((c) => policy.byName.get(c.name)!);
  const width = columns.length;
  const units = new Float64Array(n * width);
  const errors: (EmployeeError | null)[] = new Array(n).fill(null);
  const nextNodes = policy.nodes.filter((x) => x.kind === "next");
  const stateScope = new Map(
    policy.nodes.filter((x) => x.kind === "state").map((x) => [x.name, x.stateScope ?? -1]),
  );

  const priorOf = (e: number, name: string): string | undefined => {
    const scope = stateScope.get(name) ?? -1;
    if (scope < 0) return prior.employees?.[String(employees[e]!.values.工号 ?? "").trim()]?.[name];
    const level = GROUP_LEVELS[scope]!;
    const key = groups.keys[scope]![groups.of[scope]![e]!]!;
    return prior.groups?.[level]?.[key]?.[name];
  };
  const next = new NextStateCollector(nextNodes, groups, prior);
  const checkFlags = new Uint8Array(n * policy.checks.length);
  const setup: RunSetup = {
    policy,
    employees,
    groups,
    aggregates,
    columns,
    colNodes,
    units,
    errors,
    next,
    nextNodes,
    period,
    priorOf,
    toError: (e, node, row) => toEmployeeError(e, node, policy, row),
    checkFlags,
  };
  const errorCount =
    policy.batch !== null && input.mode !== "scalar" ? evaluateBatch(setup) : evaluateScalar(setup);
  return {
    ok: true,
    run: {
      policy,
      period,
      employees,
      prior,
      groups,
      aggregates,
      columns,
      units,
      errors,
      errorCount,
      checkFlags,
      nextState: next.finish(),
    },
  };
}

function toEmployeeError(
  e: Error,
  node: PolicyNode | null,
  policy: CompiledPolicy,
  row: EmployeeInput,
): EmployeeError {
  const ce =
    e instanceof CellError ? e : new CellError("VALUE", undefined, `数值超出范围：${e.message}`, e.message);
  const out: EmployeeError = { code: ce.code, zh: ce.zh, en: ce.en };
  if (node) out.item = node.name;
  if (row.source) out.source = row.source;
  if (node?.path && ce.span) {
    const fpath = node.formulaPath ?? node.path;
    const loc = policy.locateInFormula(fpath, ce.span.line, ce.span.column);
    if (loc) out.at = loc;
  }
  return out;
}

/** One employee's payslip values. */
export type Payslip = {
  index: number;
  工号: string;
  姓名: string;
  lines: { name: string; kind: Column["kind"]; value: Dec }[];
  gross: Dec;
  deductions: Dec;
  net: Dec;
  error: EmployeeError | null;
};

/** Reads one employee's payslip from a run. @example getPayslip(run, 0).net.toFixed(2) */
export function getPayslip(run: PayrollRun, index: number): Payslip {
  const row = run.employees[index]!;
  const width = run.columns.length;
  const val = (k: number) => Dec.fromCoefficient(run.units[index * width + k]!, run.columns[k]!.places);
  const lines = run.columns
    .map((c, k) => ({ name: c.name, kind: c.kind, value: val(k) }))
    .filter((l) => l.kind !== "total");
  const at = (name: string) => val(run.columns.findIndex((c) => c.name === name));
  return {
    index,
    工号: String(row.values.工号 ?? ""),
    姓名: String(row.values.姓名 ?? ""),
    lines,
    gross: at("应发工资"),
    deductions: at("扣款合计"),
    net: at("实发工资"),
    error: run.errors[index] ?? null,
  };
}

/** Renders an employee error as one line: who, where in the input, which item, what. */
export function formatEmployeeError(run: PayrollRun, index: number, lang: "zh" | "en" = "zh"): string {
  const e = run.errors[index];
  if (!e) return "";
  const row = run.employees[index]!;
  const who = `${row.values.姓名 ?? ""}（${row.values.工号 ?? ""}）`;
  const src = e.source ? `${e.source.file} 第${e.source.row}行 ` : "";
  const item = e.item ? `计算“${e.item}”时：` : "";
  const pos = e.at ? `（方案 ${e.at.file ?? ""}:${e.at.line}:${e.at.column}）` : "";
  if (lang === "en")
    return `${e.source ? `${e.source.file} row ${e.source.row} ` : ""}${row.values.工号 ?? ""}: ${e.item ? `${e.item}: ` : ""}${e.en}`;
  return `${src}${who}${item}${e.zh}${pos}`;
}

export { formatValue };
