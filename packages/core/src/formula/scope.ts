/**
 * What a name in a formula can refer to, as the compiler sees it. The policy compiler implements `Scope`.
 * @example scope.resolve("岗位工资") // { kind: "slot", type: "number", slot: 7, … }
 */
import type { Dec } from "../money/decimal.js";
import type { Expr, Span } from "./ast.js";
import type { Compiled, Val, ValueType } from "./types.js";

/** How a value should be shown in explanations. */
export type Display = "money" | "ratio" | "number" | "integer" | "text" | "date" | "boolean";

/** Where a referenced value comes from, for explanations. */
export type SourceKind =
  | "param"
  | "table"
  | "input"
  | "field"
  | "context"
  | "calc"
  | "item"
  | "score"
  | "total"
  | "state";

export type ConstBinding = {
  kind: "const";
  type: ValueType;
  value: Val;
  display: Display;
  source: SourceKind;
};
export type SlotBinding = {
  kind: "slot";
  type: ValueType;
  slot: number;
  display: Display;
  source: SourceKind;
  /** Dependency-graph node name. */
  node: string;
};

/** A lookup table (`级别工资[E]`) or a tier table for TIER/PROGRESSIVE. */
export type TableBinding = {
  kind: "table";
  name: string;
  tableKind: "lookup" | "tier";
  keyTypes: ValueType[];
  valueType: ValueType;
  valueDisplay: Display;
  /** Lookup rows, keyed by the normalised key text (2-D keys joined with U+0001). */
  lookup: Map<string, Val>;
  /** Tier rows ascending by threshold; `values` by column name. */
  tiers: { threshold: Dec; values: Map<string, Val> }[];
  /** Tier column names; the first is the default column. */
  columns: string[];
};

export type Binding = ConstBinding | SlotBinding | TableBinding;

/** Grouping levels of group functions: 团队, 部门, 公司. */
export const GROUP_LEVELS = ["团队", "部门", "公司"] as const;
export type GroupLevel = (typeof GROUP_LEVELS)[number];

export type AggregateKind = "sum" | "avg" | "count" | "min" | "max" | "rank" | "share";

/** A group aggregate found in a formula; its argument closures run per member. */
export type AggregateSpec = {
  kind: AggregateKind;
  level: number;
  /** Argument closures (value, or pool and weight for SHARE, or condition for COUNT). */
  args: Compiled[];
  /** The argument expressions, for the batch compiler. */
  argAsts: Expr[];
  /** Dependency nodes of the arguments. */
  deps: Set<string>;
  /** For RANK: true ranks the largest as 1. */
  descending: boolean;
  span: Span;
  text: string;
};

/** The compiler's view of the policy. */
export interface Scope {
  resolve(name: string): Binding | undefined;
  /** All names, for "did you mean" suggestions. */
  names(): Iterable<string>;
  /** Registers a group aggregate and returns its id. */
  addAggregate(spec: AggregateSpec): number;
  /** The aggregate's display kind for explanations. */
  describeAggregate?(id: number): string;
}

/** The source formula text for an expression, for messages. */
export type SourceText = { text: string; expr: Expr };
