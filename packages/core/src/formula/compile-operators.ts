/**
 * Operators: arithmetic on exact decimals, `&` to join text, and comparisons of numbers, text, dates and
 * booleans (a blank date can only be compared for equality).
 * @example compileBinary(parseFormula("a * 2").ast as BinaryExpr, st)
 */
import type { Dec } from "../money/decimal.js";
import type { Expr, Span } from "./ast.js";
import { at, type CompileState, compileExpr, expectType } from "./compile.js";
import { makeProblem } from "./problems.js";
import { CellError, type Compiled, type EvalCtx, TYPE_ZH, type Val, type ValueType } from "./types.js";
import { formatValue } from "./values.js";

export function compileBinary(e: Extract<Expr, { kind: "binary" }>, st: CompileState): Compiled | null {
  const l = compileExpr(e.left, st);
  const r = compileExpr(e.right, st);
  if (!l || !r) return null;
  const lf = l.fn;
  const rf = r.fn;
  const opLabel = `运算符“${e.op}”`;
  switch (e.op) {
    case "+":
    case "-":
    case "*":
    case "/": {
      const okL = expectType(l, "number", e.left.span, opLabel, st);
      const okR = expectType(r, "number", e.right.span, opLabel, st);
      if (!okL || !okR) return null;
      if (e.op === "+") return { type: "number", fn: (c) => (lf(c) as Dec).add(rf(c) as Dec) };
      if (e.op === "-") return { type: "number", fn: (c) => (lf(c) as Dec).sub(rf(c) as Dec) };
      if (e.op === "*") return { type: "number", fn: (c) => (lf(c) as Dec).mul(rf(c) as Dec) };
      const span = e.right.span;
      return {
        type: "number",
        fn: (c) => {
          const d = rf(c) as Dec;
          const n = lf(c) as Dec;
          if (d.isZero()) throw new CellError("DIV_ZERO", span, "除数为0", "division by zero");
          return n.div(d);
        },
      };
    }
    case "&":
      return {
        type: "text",
        fn: (c) => formatValue(lf(c), displayOf(l.type)) + formatValue(rf(c), displayOf(r.type)),
      };
    default: {
      if (l.type !== r.type) {
        st.problems.push(
          makeProblem(
            "TYPE",
            at(e.span),
            `不能比较${TYPE_ZH[l.type]}和${TYPE_ZH[r.type]}`,
            `cannot compare ${l.type} with ${r.type}`,
          ),
        );
        return null;
      }
      return { type: "boolean", fn: compareFn(e.op, l.type, lf, rf, e.span) };
    }
  }
}

function displayOf(t: ValueType) {
  return t === "number" ? "number" : t;
}

export type Cmp = "=" | "<>" | "<" | "<=" | ">" | ">=";

/** Whether an ordering (-1, 0, 1) satisfies a comparison operator. @example testOrder("<=", 0) === true */
export function testOrder(op: Cmp, n: number): boolean {
  if (op === "=") return n === 0;
  if (op === "<>") return n !== 0;
  if (op === "<") return n < 0;
  if (op === "<=") return n <= 0;
  if (op === ">") return n > 0;
  return n >= 0;
}

/**
 * Compares two non-number values (text, date, boolean); a blank date only compares for (in)equality.
 * Throws a CellError for what cannot be ordered. @example compareValues("<", "date", 1, 2, span) === true
 */
export function compareValues(op: Cmp, type: ValueType, a: Val, b: Val, span: Span): boolean {
  if (a === null || b === null) {
    if (op === "=" || op === "<>") return testOrder(op, a === b ? 0 : 1);
    throw new CellError("VALUE", span, "日期为空，不能比较大小", "blank date cannot be ordered");
  }
  if (type === "boolean" && op !== "=" && op !== "<>") {
    throw new CellError("TYPE", span, "是/否值只能比较相等", "booleans can only be compared for equality");
  }
  return testOrder(op, a < b ? -1 : a > b ? 1 : 0);
}

function compareFn(op: Cmp, type: ValueType, lf: Compiled["fn"], rf: Compiled["fn"], span: Span) {
  if (type === "number") return (c: EvalCtx) => testOrder(op, (lf(c) as Dec).cmp(rf(c) as Dec));
  return (c: EvalCtx) => compareValues(op, type, lf(c), rf(c), span);
}
