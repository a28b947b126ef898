/**
 * Small read-only helpers over formula syntax trees: walking, name references, literal values, and splitting an
 * expression into added terms (a + b − c, IF branches) with the conditions that chose them.
 * @example termsOf(parseFormula("底薪 - 迟到次数 * 50").ast!).map((t) => t.sign) // [1, -1]
 */
import type { Expr, NameRef } from "../formula/ast.js";
import { Dec } from "../money/decimal.js";

/** Strips parentheses and unary plus. @example unparen(parseFormula("((a))").ast!).kind === "name" */
export function unparen(e: Expr): Expr {
  let x = e;
  while (x.kind === "paren" || (x.kind === "unary" && x.op === "+"))
    x = x.kind === "paren" ? x.inner : x.operand;
  return x;
}

/** Direct children of a node. @example children(parseFormula("a + b").ast!).length === 2 */
export function children(e: Expr): Expr[] {
  switch (e.kind) {
    case "binary":
      return [e.left, e.right];
    case "unary":
      return [e.operand];
    case "paren":
      return [e.inner];
    case "call":
      return e.args;
    case "index":
      return [e.target, ...e.keys];
    default:
      return [];
  }
}

/** Every node, pre-order. @example nodesOf(parseFormula("MIN(a, 1)").ast!).length === 3 */
export function nodesOf(e: Expr): Expr[] {
  const out: Expr[] = [];
  const stack = [e];
  while (stack.length > 0) {
    const x = stack.pop()!;
    out.push(x);
    stack.push(...[...children(x)].reverse());
  }
  return out;
}

/** Every name reference (including table names in lookups). @example refsOf(parseFormula("表[职级] * a").ast!).map((r) => r.name) // ["表", "职级", "a"] */
export function refsOf(e: Expr): NameRef[] {
  return nodesOf(e).filter((x): x is NameRef => x.kind === "name");
}

/** Every function call of a name. @example callsOf(parseFormula("MIN(a, MIN(b, 1))").ast!, "MIN").length === 2 */
export function callsOf(e: Expr, name: string): Extract<Expr, { kind: "call" }>[] {
  return nodesOf(e).filter((x): x is Extract<Expr, { kind: "call" }> => x.kind === "call" && x.name === name);
}

/** Value of a number literal (80% → 0.8, -1 → -1), else null. @example literalValue(parseFormula("80%").ast!)?.toString() === "0.8" */
export function literalValue(e: Expr): Dec | null {
  const x = unparen(e);
  if (x.kind === "unary" && x.op === "-") return literalValue(x.operand)?.neg() ?? null;
  if (x.kind !== "number") return null;
  const d = Dec.tryParse(x.text);
  if (!d) return null;
  return x.percent ? d.div(Dec.HUNDRED) : d;
}

/** An added term of a formula with its sign, whether it sits under MAX(0, …), and the IF conditions above it. @example termsOf(ast)[0]!.sign === 1 */
export type Term = { expr: Expr; sign: 1 | -1; floored: boolean; conditions: Expr[] };

const PASS_THROUGH = new Set(["MIN", "SUM"]);
const ROUNDING = new Set(["ROUND", "ROUNDUP", "ROUNDDOWN", "FLOOR", "CEILING", "INT"]);

/**
 * Splits a formula into the terms that add up to its value: through + and −, IF/IFS branches, MIN/MAX/SUM and
 * rounding. Products, lookups and other calls stay whole.
 * @example termsOf(parseFormula("IF(c, a, 0) - b").ast!).length === 3
 */
export function termsOf(e: Expr): Term[] {
  const out: Term[] = [];
  const go = (x0: Expr, sign: 1 | -1, floored: boolean, conditions: Expr[]): void => {
    const x = unparen(x0);
    if (x.kind === "binary" && (x.op === "+" || x.op === "-")) {
      go(x.left, sign, floored, conditions);
      go(x.right, x.op === "-" ? (-sign as 1 | -1) : sign, floored, conditions);
    } else if (x.kind === "unary" && x.op === "-") {
      go(x.operand, -sign as 1 | -1, floored, conditions);
    } else if (x.kind === "call" && x.name === "IF" && x.args.length >= 2) {
      const c = [...conditions, x.args[0]!];
      for (const a of x.args.slice(1)) go(a, sign, floored, c);
    } else if (x.kind === "call" && x.name === "IFS") {
      for (let i = 0; i + 1 < x.args.length; i += 2)
        go(x.args[i + 1]!, sign, floored, [...conditions, x.args[i]!]);
    } else if (x.kind === "call" && x.name === "MAX") {
      const floor = x.args.some((a) => literalValue(a)?.isZero() === true);
      for (const a of x.args) go(a, sign, floored || floor, conditions);
    } else if (x.kind === "call" && PASS_THROUGH.has(x.name)) {
      for (const a of x.args) go(a, sign, floored, conditions);
    } else if (x.kind === "call" && ROUNDING.has(x.name) && x.args.length > 0) {
      go(x.args[0]!, sign, floored, conditions);
    } else {
      out.push({ expr: x, sign, floored, conditions });
    }
  };
  go(e, 1, false, []);
  return out;
}
