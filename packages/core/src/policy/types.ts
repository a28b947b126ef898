/**
 * The compiled form of a policy, shared by the engine and the explainer.
 * @example compiled.items.map((i) => i.name) // ["基本工资", "津贴", …]
 */

import type { Expr } from "../formula/ast.js";
import type { BatchFn } from "../formula/batch.js";
import type { Location } from "../formula/problems.js";
import type { AggregateSpec, Display } from "../formula/scope.js";
import type { Compiled, EvalCtx, Val, ValueType } from "../formula/types.js";
import type { RoundingMode } from "../money/decimal.js";
import type { YamlPath } from "./load.js";
import type { NodeBatch } from "./nodes-batch.js";
import type { ItemKind, PolicyDoc } from "./schema.js";

/** Period values for one run. */
export type PeriodContext = {
  period: string;
  values: Map<string, Val>;
};

/** What a node can read besides slots: the employee's raw row, prior state and the period. */
export type RowEnv = {
  values: Record<string, string | undefined>;
  /** Prior-period state value by name (employee scope) or group scope. */
  prior: (name: string) => string | undefined;
  period: PeriodContext;
};

/**
 * A check that proposes a grade change: `to` is a plain grade name, or `fn` computes it (text) for the employee.
 * @example { kind: "晋升", text: "中级客服", to: "中级客服" }
 */
export type GradeRule = {
  kind: "晋升" | "降级";
  text: string;
  to?: string;
  fn?: (c: EvalCtx) => Val;
};

export type NodeKind =
  | "field"
  | "input"
  | "context"
  | "calc"
  | "score"
  | "scorecard"
  | "state"
  | "item"
  | "total"
  | "next"
  | "check";

export type ItemDef = {
  name: string;
  kind: ItemKind;
  places: number;
  mode: RoundingMode;
  taxable: boolean;
  /** An annual one-off bonus, taxed separately (not in 应税收入). */
  annualBonus: boolean;
  explain?: string;
  display: Display;
  index: number;
  node: PolicyNode;
};

export type PolicyNode = {
  id: string;
  name: string;
  kind: NodeKind;
  slot: number;
  type: ValueType;
  display: Display;
  deps: string[];
  stage: number;
  /** Where the node is defined in the policy file. */
  path?: YamlPath;
  formula?: { text: string; ast: Expr; compiled: Compiled };
  /** Where the formula text is in the policy file. */
  formulaPath?: YamlPath;
  /** Computes the node's value (items come out rounded). */
  evaluate: (c: EvalCtx, env: RowEnv) => Val;
  item?: ItemDef;
  /** Applied to the formula's value (items round, score items clamp); used by the batch engine. */
  post?: (v: Val) => Val;
  /** Sum nodes (scorecards, totals): slots added and subtracted, then `post`. */
  sum?: { plus: number[]; minus: number[] };
  /** For check nodes: the message template and legal reference. */
  check?: { message: string; ref?: string; grade?: GradeRule };
  /** For state nodes: the scope (-1 employee, else group level index). */
  stateScope?: number;
  description?: string;
};

export type CompiledAggregate = AggregateSpec & { id: number; stage: number };

export type CompiledPolicy = {
  doc: PolicyDoc;
  file: string;
  slotCount: number;
  /** All nodes in definition order. */
  nodes: PolicyNode[];
  byName: Map<string, PolicyNode>;
  aggregates: CompiledAggregate[];
  /** Nodes to evaluate in each pass, in dependency order; the last pass computes everything. */
  passes: PolicyNode[][];
  items: ItemDef[];
  /** Per-employee warnings (policy checks), evaluated for everyone, reported when true. */
  checks: PolicyNode[];
  /** Batch form of every node by id, or null when some formula has none (the engine then runs row by row). */
  batch: Map<string, NodeBatch> | null;
  /** Batch form of each aggregate's arguments. */
  batchAggregates: BatchFn[][] | null;
  /** Node of each slot, for lazy computation. */
  bySlot: PolicyNode[];
  /** Period values the policy may read (e.g. 本月工作日 needs the holiday calendar). */
  usesContext: Set<string>;
  /** Register column names in order. */
  register: string[];
  /** Positions in the policy file, for run-time problems. */
  locateInFormula: (path: YamlPath, line: number, column: number) => Location | undefined;
  locate: (path: YamlPath) => Location | undefined;
};
