/**
 * Recursive-descent formula parser with Excel precedence: comparison < & < + - < * / < unary < primary.
 * @example parseFormula("IF(岗位工资 > 5000, 1, 0)").ast?.kind === "call"
 */
import type { BinaryOp, Expr, NameRef, Span } from "./ast.js";
import { type Token, tokenize } from "./lexer.js";
import { makeProblem, type Problem } from "./problems.js";

const LEVELS: readonly (readonly BinaryOp[])[] = [
  ["=", "<>", "<", "<=", ">", ">="],
  ["&"],
  ["+", "-"],
  ["*", "/"],
];
/** Binary operator text -> operator and precedence level (index into LEVELS). */
const BINARY = new Map(
  LEVELS.flatMap((ops, level) => ops.map((op) => [op as string, { op, level }] as const)),
);
const MAX_DEPTH = 200;

class ParseFail {
  constructor(readonly problem: Problem) {}
}

function join(a: Span, b: Span): Span {
  return { start: a.start, end: b.end, line: a.line, column: a.column };
}

function isOp(t: Token, op: string): boolean {
  return t.kind === "op" && t.value === op;
}

function isSep(t: Token): boolean {
  return t.kind === "op" && (t.value === "," || t.value === ";");
}

/** True when `t` can begin an operand. */
function canStart(t: Token): boolean {
  return t.kind === "op" ? t.value === "(" || t.value === "-" || t.value === "+" : t.kind !== "eof";
}

/**
 * Parses formula text into an AST, or returns the first syntax problem (never throws).
 * @example parseFormula("SUM(1, 2").problems[0]?.zh === "缺少右括号“)”"
 */
export function parseFormula(text: string): { ast: Expr | null; problems: Problem[] } {
  const lexed = tokenize(text);
  const first = lexed.problems[0];
  if (first) return { ast: null, problems: [first] };
  const parser = new Parser(text, lexed.tokens);
  try {
    return { ast: parser.formula(), problems: [] };
  } catch (e) {
    if (e instanceof ParseFail) return { ast: null, problems: [e.problem] };
    throw e;
  }
}

/** Parser state over a token list that ends with eof; a class so that no closures are allocated per call. */
class Parser {
  private i = 0;
  private depth = 0;
  private readonly eof: Token;

  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
  ) {
    const span = { start: 0, end: 0, line: 1, column: 1 };
    this.eof = tokens[tokens.length - 1] ?? {
      kind: "eof",
      value: "",
      percent: false,
      bracketed: false,
      span,
    };
  }

  formula(): Expr {
    if (this.peek().kind === "eof") {
      throw new ParseFail(makeProblem("SYNTAX", { line: 1, column: 1 }, "公式为空", "formula is empty"));
    }
    const ast = this.expr();
    const t = this.peek();
    if (t.kind !== "eof") this.unexpected(t, null, false);
    return ast;
  }

  private peek(): Token {
    return this.tokens[this.i] ?? this.eof;
  }

  private next(): Token {
    return this.tokens[this.i++] ?? this.eof;
  }

  /** The token's source text for messages, quoted: [zh, en]. */
  private show(t: Token): [string, string] {
    if (t.kind === "eof") return ["公式结尾", "the end of the formula"];
    const chars = Array.from(this.text.slice(t.span.start, t.span.end).replace(/\r?\n|\r/g, "↵"));
    const s = chars.length > 20 ? `${chars.slice(0, 20).join("")}…` : chars.join("");
    return [`“${s}”`, `"${s}"`];
  }

  private fail(t: Token, zh: string, en: string): never {
    const length = Array.from(this.text.slice(t.span.start, t.span.end)).length;
    const at = { line: t.span.line, column: t.span.column, ...(length > 0 ? { length } : {}) };
    throw new ParseFail(makeProblem("SYNTAX", at, zh, en));
  }

  private enter(t: Token): void {
    if (++this.depth > MAX_DEPTH) {
      this.fail(t, `嵌套层数过多（超过 ${MAX_DEPTH} 层）`, `nesting too deep (over ${MAX_DEPTH} levels)`);
    }
  }

  private missingClose(t: Token, close: ")" | "]"): never {
    if (close === ")") return this.fail(t, "缺少右括号“)”", 'missing closing ")"');
    return this.fail(t, "缺少右方括号“]”", 'missing closing "]"');
  }

  /** Reports whatever stands where an operator, a separator or `close` was expected after an operand. */
  private unexpected(t: Token, close: ")" | "]" | null, comma: boolean): never {
    const prev = this.tokens[this.i - 1] ?? this.eof;
    const [tz, te] = this.show(t);
    const [pz, pe] = this.show(prev);
    if (t.kind === "eof" && close) return this.missingClose(t, close);
    if (isOp(t, "[")) {
      const en = "only a table name can be indexed; write a 2-D lookup as table[row, column]";
      return this.fail(t, "只能对表名使用方括号查找；二维查找请写成 表[行, 列]", en);
    }
    if (isOp(t, "(") && (prev.kind === "name" || prev.kind === "boolean") && !prev.bracketed) {
      return this.fail(
        t,
        `函数名${pz}与“(”之间不能有空格`,
        `no space is allowed between the function name ${pe} and "("`,
      );
    }
    if (canStart(t)) {
      if (!comma)
        return this.fail(t, `${pz}与${tz}之间缺少运算符`, `missing operator between ${pe} and ${te}`);
      return this.fail(
        t,
        `${pz}与${tz}之间缺少运算符或逗号“,”`,
        `missing operator or "," between ${pe} and ${te}`,
      );
    }
    if (close) {
      const [wz, we] = comma ? [`“,”或“${close}”`, `"," or "${close}"`] : [`“${close}”`, `"${close}"`];
      return this.fail(t, `此处应为${wz}，却遇到${tz}`, `expected ${we} but found ${te}`);
    }
    if (isOp(t, ")")) return this.fail(t, "多余的右括号“)”", 'unmatched ")"');
    if (isOp(t, "]")) return this.fail(t, "多余的右方括号“]”", 'unmatched "]"');
    if (isSep(t))
      return this.fail(t, "逗号“,”只能用在函数参数之间", '"," is only allowed between function arguments');
    return this.fail(t, `公式在此处应当结束，却遇到${tz}`, `unexpected ${te} after the end of the formula`);
  }

  /** Parses an operand at `level`, reporting a dangling operator `op` when none can start here. */
  private operand(op: Token, level: number): Expr {
    const t = this.peek();
    if (!canStart(t)) {
      const o = this.text.slice(op.span.start, op.span.end);
      const [tz, te] = t.kind === "eof" ? ["", ""] : this.show(t);
      const [fz, fe] = t.kind === "eof" ? ["", ""] : [`，却遇到${tz}`, `, found ${te}`];
      this.fail(
        op,
        `运算符“${o}”后缺少数值或名称${fz}`,
        `missing a value or name after operator "${o}"${fe}`,
      );
    }
    return this.binary(level);
  }

  private expr(): Expr {
    return this.binary(0);
  }

  private binary(level: number): Expr {
    if (level >= LEVELS.length) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      const t = this.peek();
      const found = t.kind === "op" ? BINARY.get(t.value) : undefined;
      if (found?.level !== level) return left;
      const op = found.op;
      this.i++;
      const right = this.operand(t, level + 1);
      left = { kind: "binary", op, left, right, span: join(left.span, right.span) };
    }
  }

  private unary(): Expr {
    const t = this.peek();
    if (!isOp(t, "-") && !isOp(t, "+")) return this.primary();
    this.i++;
    this.enter(t);
    const inner = this.operand(t, LEVELS.length);
    this.depth--;
    return { kind: "unary", op: t.value === "-" ? "-" : "+", operand: inner, span: join(t.span, inner.span) };
  }

  /** Comma-separated expressions up to `close` (consumed); `fn` names the function for call arguments. */
  private list(open: Token, close: ")" | "]", max: number, fn: string): Expr[] {
    this.enter(open);
    const items: Expr[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind === "eof") this.missingClose(t, close);
      if (isSep(t) || isOp(t, close)) {
        const n = items.length + 1;
        if (close === "]" && n === 1) this.fail(t, "方括号内缺少查找键", "missing lookup key inside [ ]");
        if (close === "]") this.fail(t, "二维查找缺少第二个键", "missing the second lookup key");
        if (max === 1) this.fail(t, "括号内缺少表达式", "expression expected inside parentheses");
        this.fail(t, `函数“${fn}”的第${n}个参数为空`, `argument ${n} of ${fn} is empty`);
      }
      items.push(this.expr());
      const s = this.next();
      if (isOp(s, close)) break;
      this.i--;
      if (!isSep(s) || max === 1) this.unexpected(s, close, max > 1);
      if (items.length >= max) {
        this.fail(s, "二维查找最多两个键：表[行, 列]", "a lookup takes at most two keys: table[row, column]");
      }
      this.i++;
    }
    this.depth--;
    return items;
  }

  private primary(): Expr {
    const t = this.next();
    switch (t.kind) {
      case "number":
        return { kind: "number", text: t.value, percent: t.percent, span: t.span };
      case "string":
        return { kind: "string", value: t.value, span: t.span };
      case "date":
        return { kind: "date", value: t.value, span: t.span };
      case "boolean":
      case "name":
        return this.named(t);
      case "op":
        if (t.value === "(") return this.paren(t);
        if (this.i === 1 && t.value === "=") {
          const en = 'remove the leading "=": formulas here are written without it';
          return this.fail(t, "公式开头不需要写“=”，请删除它", en);
        }
        return this.fail(
          t,
          `此处缺少数值或名称，却遇到${this.show(t)[0]}`,
          `expected a value or name but found ${this.show(t)[1]}`,
        );
      default:
        return this.fail(
          t,
          "公式不完整，结尾缺少数值或名称",
          "incomplete formula: a value or name is missing",
        );
    }
  }

  /** A name or boolean token: a call when `(` follows immediately, a lookup when `[` follows. */
  private named(t: Token): Expr {
    const p = this.peek();
    if (!t.bracketed && isOp(p, "(") && p.span.start === t.span.end) {
      const name = t.value.toUpperCase();
      this.i++;
      const args = isOp(this.peek(), ")") ? [] : this.list(p, ")", Number.POSITIVE_INFINITY, name);
      if (args.length === 0) this.i++;
      return { kind: "call", name, nameSpan: t.span, args, span: join(t.span, this.prevSpan()) };
    }
    if (t.kind === "boolean") return { kind: "boolean", value: t.value === "TRUE", span: t.span };
    const target: NameRef = { kind: "name", name: t.value, span: t.span };
    if (!isOp(p, "[")) return target;
    this.i++;
    const keys = this.list(p, "]", 2, "");
    return { kind: "index", target, keys, span: join(t.span, this.prevSpan()) };
  }

  private paren(open: Token): Expr {
    if (isOp(this.peek(), ")")) this.fail(this.peek(), "括号内缺少表达式", "empty parentheses");
    const inner = this.list(open, ")", 1, "")[0];
    if (!inner) return this.fail(open, "括号内缺少表达式", "empty parentheses");
    return { kind: "paren", inner, span: join(open.span, this.prevSpan()) };
  }

  /** Span of the token just consumed (the closing bracket). */
  private prevSpan(): Span {
    return (this.tokens[this.i - 1] ?? this.eof).span;
  }
}
