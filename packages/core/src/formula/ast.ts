/**
 * Formula syntax tree. Every node carries the span of the text it came from, so that checker and
 * evaluator problems can point at a line and column.
 * @example parseFormula("级别工资[岗位级别] * 阶系数").ast.kind === "binary"
 */

/** Position of a node in the formula text: offsets are 0-based, line and column 1-based. */
export type Span = { start: number; end: number; line: number; column: number };

export type BinaryOp = "+" | "-" | "*" | "/" | "&" | "=" | "<>" | "<" | "<=" | ">" | ">=";
export type UnaryOp = "-" | "+";

/** A decimal literal exactly as written; `percent` marks `1.5%` (value 0.015). */
export type NumberLit = { kind: "number"; text: string; percent: boolean; span: Span };
export type StringLit = { kind: "string"; value: string; span: Span };
export type BooleanLit = { kind: "boolean"; value: boolean; span: Span };
/** A date literal `#2026-10-01#`; value is the ISO date text. */
export type DateLit = { kind: "date"; value: string; span: Span };
/** A reference to a param, table, input, employee field, context value or another item. */
export type NameRef = { kind: "name"; name: string; span: Span };
/** Table lookup `级别工资[岗位级别]`, or a 2-D lookup `表[行, 列]`. */
export type IndexExpr = { kind: "index"; target: NameRef; keys: Expr[]; span: Span };
export type UnaryExpr = { kind: "unary"; op: UnaryOp; operand: Expr; span: Span };
export type BinaryExpr = { kind: "binary"; op: BinaryOp; left: Expr; right: Expr; span: Span };
/** Function call; `name` is upper-cased (function names are case-insensitive). */
export type CallExpr = { kind: "call"; name: string; nameSpan: Span; args: Expr[]; span: Span };
/** Parentheses are kept so that printing preserves what the user wrote. */
export type ParenExpr = { kind: "paren"; inner: Expr; span: Span };

export type Expr =
  | NumberLit
  | StringLit
  | BooleanLit
  | DateLit
  | NameRef
  | IndexExpr
  | UnaryExpr
  | BinaryExpr
  | CallExpr
  | ParenExpr;
