/**
 * Canonical formula text: ASCII operators, single spaces around binary operators, names in 【】 when needed.
 * @example printFormula(parseFormula("a×（b＋1）").ast!) === "a * (b + 1)"
 */
import type { Expr } from "./ast.js";
import { isNameContinue, isNameStart } from "./lexer.js";

/**
 * True when `name` can be written without 【】: a letter or `_`, then letters, digits, `_`; not TRUE/FALSE.
 * @example isBareName("岗位工资") === true && isBareName("任意 文字(个人)") === false
 */
export function isBareName(name: string): boolean {
  let first = true;
  for (const ch of name) {
    const cp = ch.codePointAt(0) ?? 0;
    if (first ? !isNameStart(cp) : !isNameContinue(cp)) return false;
    first = false;
  }
  const upper = name.toUpperCase();
  return !first && upper !== "TRUE" && upper !== "FALSE";
}

function printName(name: string): string {
  return isBareName(name) ? name : `【${name}】`;
}

/**
 * Prints an expression as canonical formula text; parentheses appear exactly where paren nodes are.
 * @example printFormula({ kind: "number", text: "1.5", percent: true, span }) === "1.5%"
 */
export function printFormula(e: Expr): string {
  switch (e.kind) {
    case "number":
      return e.percent ? `${e.text}%` : e.text;
    case "string":
      return `"${e.value.replaceAll('"', '""')}"`;
    case "boolean":
      return e.value ? "TRUE" : "FALSE";
    case "date":
      return `#${e.value}#`;
    case "name":
      return printName(e.name);
    case "index":
      return `${printName(e.target.name)}[${e.keys.map(printFormula).join(", ")}]`;
    case "unary":
      return e.op + printFormula(e.operand);
    case "binary":
      return `${printFormula(e.left)} ${e.op} ${printFormula(e.right)}`;
    case "call":
      return `${e.name}(${e.args.map(printFormula).join(", ")})`;
    case "paren":
      return `(${printFormula(e.inner)})`;
  }
}

function strip(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(strip);
  if (v === null || typeof v !== "object") return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) if (k !== "span" && k !== "nameSpan") out[k] = strip(x);
  return out;
}

/**
 * Returns the tree without `span`/`nameSpan` fields, for structural comparisons in tests.
 * @example expect(stripSpans(parseFormula("a+1").ast!)).toEqual(stripSpans(parseFormula("a + 1").ast!))
 */
export function stripSpans(e: Expr): unknown {
  return strip(e);
}
