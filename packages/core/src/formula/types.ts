/**
 * Value types of the formula language and the evaluation context shared by compiled closures.
 * @example const t: ValueType = "number";
 */
import type { Dec } from "../money/decimal.js";
import type { Span } from "./ast.js";
import type { ProblemCode } from "./problems.js";

/** Static types: numbers are exact decimals; dates are whole days since 1970-01-01. */
export type ValueType = "number" | "text" | "date" | "boolean";

/** A runtime value. `null` is a blank date (an employee with no 离职日期). */
export type Val = Dec | string | boolean | number | null;

/** Chinese names of the value types, for messages. */
export const TYPE_ZH: Record<ValueType, string> = {
  number: "数值",
  text: "文本",
  date: "日期",
  boolean: "是/否",
};

/**
 * A calculation problem raised while evaluating one employee. It is caught at the employee boundary and
 * becomes a value on that employee's result (the spreadsheet's #DIV/0!), never an abort of the run.
 * @example throw new CellError("DIV_ZERO", span, "除数为0", "division by zero")
 */
export class CellError extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly span: Span | undefined,
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

/** One referenced value recorded while explaining a line. */
export type TraceEntry = { span: Span; label: string; value: Val; type: ValueType; source: string };

/** What compiled closures read: the current employee's slots, group results and an optional trace. */
export type EvalCtx = {
  /** Per-employee values by slot; `undefined` means not computed yet. */
  slots: (Val | undefined)[];
  /** Computes a slot on first use (calcs, fields and period values are lazy, like spreadsheet cells). */
  compute: (slot: number) => Val;
  /** Index of the employee in the run. */
  emp: number;
  /** Group index of the employee at each grouping level (团队, 部门, 公司). */
  groupOf: (level: number) => number;
  /** Aggregate results by aggregate id. */
  aggregates: AggregateStore;
  /** Set while explaining: references are appended here. */
  trace: TraceEntry[] | null;
  /** Set while explaining: functions add sentences here (a clamped base, the rate's source). */
  notes?: string[] | null;
};

/** Results of group aggregates for the current run. */
export interface AggregateStore {
  /** Value of aggregate `id` for employee `emp` (group-level or per-member). */
  get(id: number, emp: number, groupIndex: number): Val;
}

/** A compiled expression: its static type and a closure evaluating it. */
export type Compiled = { type: ValueType; fn: (c: EvalCtx) => Val };
