/**
 * Formula lexer: one pass over the text with charCodeAt, accepting full-width operators and Chinese quotes.
 * @example tokenize("岗位工资 × 1.5%").tokens.map((t) => t.value) // ["岗位工资", "*", "1.5", ""]
 */
import type { Span } from "./ast.js";
import { makeProblem, type Problem } from "./problems.js";

export type TokenKind = "number" | "string" | "boolean" | "date" | "name" | "op" | "eof";

/**
 * `value` is: number digits as written (ASCII, no `%`); the unescaped string; "TRUE"/"FALSE"; the ISO date;
 * the name; the ASCII operator (full-width forms normalised); "" for eof. Offsets are UTF-16 indices,
 * columns count code points. The eof token sits right after the last real token.
 */
export type Token = { kind: TokenKind; value: string; percent: boolean; bracketed: boolean; span: Span };

const LETTER = /^[\p{L}\p{Nl}]$/u;
const CONTINUE = /^[\p{L}\p{Nl}\p{M}\p{Nd}\p{Pc}]$/u;
const DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
const NE_HINT = "Excel 公式用 = 比较，用 <> 表示不等于";
const NE_HINT_EN = "Excel formulas use = to compare and <> for not-equal";

/** Can code point `cp` start a bare name (a letter or `_`)? */
export function isNameStart(cp: number): boolean {
  if (cp < 128) return (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122) || cp === 95;
  if (cp >= 0x4e00 && cp <= 0x9fff) return true;
  return LETTER.test(String.fromCodePoint(cp));
}

/** Can code point `cp` continue a bare name (letters, digits, `_`, marks)? */
export function isNameContinue(cp: number): boolean {
  if (cp < 128) return isNameStart(cp) || (cp >= 48 && cp <= 57);
  if (cp >= 0x4e00 && cp <= 0x9fff) return true;
  return CONTINUE.test(String.fromCodePoint(cp));
}

function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x3000 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b);
}

/** ASCII digit value of `0-9` or full-width `０-９`, else -1. */
function digitOf(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10;
  return -1;
}

const OPS = new Map<number, string>();
for (const ch of "+-*/&=<>()[],;!") OPS.set(ch.charCodeAt(0), ch);
for (const m of ["−-", "×*", "÷/", "≥>=", "≧>=", "≤<=", "≦<=", "≠<>"]) OPS.set(m.charCodeAt(0), m.slice(1));

/** The ASCII operator for an ASCII, full-width (（ ＋ ＝ …) or math (× ÷ ≥ ≤ ≠) character. */
function opOf(c: number): string | undefined {
  return OPS.get(c >= 0xff01 && c <= 0xff5e && c !== 0xff02 && c !== 0xff03 ? c - 0xfee0 : c);
}

/** Validates `y-m-d` (also `y/m/d`) and returns the ISO text, or an error pair. */
function parseDate(raw: string): string | [string, string] {
  const m = DATE.exec(raw.trim());
  if (!m) {
    return [
      `日期“${raw}”格式不对，应写成 #2026-10-01# 这样的 年-月-日`,
      `bad date "${raw}": write it as #2026-10-01# (year-month-day)`,
    ];
  }
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const iso = `${m[1]}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1] ?? 0;
  return y >= 1 && d >= 1 && d <= days ? iso : [`日期“${iso}”不存在`, `date "${iso}" does not exist`];
}

const POWER: [string, string] = [
  "不支持乘方运算符“^”，请用 POWER(底数, 指数)",
  '"^" is not supported; use POWER(x, n)',
];
const PERCENT: [string, string] = ["“%”只能紧跟在数字后面，如 1.5%", '"%" must directly follow a number'];
const HINTS: Record<string, [string, string]> = { "^": POWER, "＾": POWER, "%": PERCENT, "％": PERCENT };
const QUOTES: [string, string] = ['；字符串请用 "…" 或 “…”', '; write strings as "…" or “…”'];
const SUFFIX: Record<string, [string, string]> = {
  "'": QUOTES,
  "‘": QUOTES,
  "’": QUOTES,
  "、": ["；函数参数请用逗号“,”分隔", '; separate arguments with ","'],
  "”": ["；字符串应以左引号“开头", "; a string must start with “"],
};

/** Display form of one unknown character. */
function showChar(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  return cp < 32 || cp === 127 ? `U+${cp.toString(16).toUpperCase().padStart(4, "0")}` : ch;
}

/**
 * Splits formula text into tokens (always ending with one eof token) and lexical problems.
 * @example tokenize("IF（a ≥ 1，“是”，“否”）").problems.length === 0
 */
export function tokenize(text: string): { tokens: Token[]; problems: Problem[] } {
  const lexer = new Lexer(text);
  lexer.run();
  return { tokens: lexer.tokens, problems: lexer.problems };
}

/** Lexer state; a class so that no closures are allocated per call. */
class Lexer {
  readonly tokens: Token[] = [];
  readonly problems: Problem[] = [];
  private pos = 0;
  private line = 1;
  private col = 1;
  private sPos = 0;
  private sLine = 1;
  private sCol = 1;
  private endPos = 0;
  private endLine = 1;
  private endCol = 1;

  constructor(private readonly text: string) {}

  run(): void {
    const text = this.text;
    const n = text.length;
    while (this.pos < n) {
      const c = text.charCodeAt(this.pos);
      if (isSpace(c)) {
        this.step();
        continue;
      }
      this.sPos = this.pos;
      this.sLine = this.line;
      this.sCol = this.col;
      const cp = c >= 0xd800 && c <= 0xdbff ? (text.codePointAt(this.pos) ?? c) : c;
      if (digitOf(c) >= 0) this.number();
      else if (c === 34) this.string(34);
      else if (c === 0x201c) this.string(0x201d);
      else if (c === 46 && digitOf(this.code(this.pos + 1)) >= 0) this.leadingDot();
      else if (c === 35) this.date();
      else if (c === 0x3010) this.bracketName();
      else if (isNameStart(cp)) this.name();
      else {
        const op = opOf(c);
        if (op !== undefined) this.op(op);
        else {
          this.step();
          this.unknown(text.slice(this.sPos, this.pos));
        }
      }
    }
    const span = { start: this.endPos, end: this.endPos, line: this.endLine, column: this.endCol };
    this.tokens.push({ kind: "eof", value: "", percent: false, bracketed: false, span });
  }

  private code(i: number): number {
    return i < this.text.length ? this.text.charCodeAt(i) : -1;
  }

  /** Advances one code point, counting `\n`, `\r\n` and `\r` as one line break. */
  private step(): void {
    const text = this.text;
    const c = text.charCodeAt(this.pos++);
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(this.pos) === 10) this.pos++;
      this.line++;
      this.col = 1;
      return;
    }
    if ((c & 0xfc00) === 0xd800 && (text.charCodeAt(this.pos) & 0xfc00) === 0xdc00) this.pos++;
    this.col++;
  }

  private push(kind: TokenKind, value: string, percent = false, bracketed = false): void {
    const span = { start: this.sPos, end: this.pos, line: this.sLine, column: this.sCol };
    this.tokens.push({ kind, value, percent, bracketed, span });
    this.endPos = this.pos;
    this.endLine = this.line;
    this.endCol = this.col;
  }

  private fail(zh: string, en: string, length = this.line === this.sLine ? this.col - this.sCol : 1): void {
    const at = { line: this.sLine, column: this.sCol, length: Math.max(1, length) };
    this.problems.push(makeProblem("SYNTAX", at, zh, en));
  }

  private digits(): string {
    let out = "";
    for (let d = digitOf(this.code(this.pos)); d >= 0; d = digitOf(this.code(this.pos))) {
      out += String.fromCharCode(48 + d);
      this.step();
    }
    return out;
  }

  private number(prefix = ""): void {
    let digits = prefix + this.digits();
    const dot = this.code(this.pos);
    if (dot === 46 || dot === 0xff0e) {
      this.step();
      if (digitOf(this.code(this.pos)) < 0) {
        this.fail(`小数点后缺少数字：“${digits}.”`, `missing digits after the decimal point in "${digits}."`);
      }
      digits += `.${this.digits()}`;
      if (this.code(this.pos) === 46 && digitOf(this.code(this.pos + 1)) >= 0) {
        this.step();
        const all = `${digits}.${this.digits()}`;
        this.fail(`数字“${all}”中有多个小数点`, `number "${all}" has more than one decimal point`);
      }
    }
    const pc = this.code(this.pos);
    const percent = pc === 37 || pc === 0xff05;
    if (percent) this.step();
    else if (isNameContinue(this.text.codePointAt(this.pos) ?? 0x20)) this.digitName(digits);
    this.push("number", digits, percent);
  }

  /** A number running into letters: `1e5` or a name like `2号岗位`. */
  private digitName(digits: string): void {
    const after = this.code(this.pos + 1);
    const sci =
      (this.code(this.pos) | 0x20) === 0x65 && (digitOf(after) >= 0 || after === 43 || after === 45);
    const restStart = this.pos;
    while (this.pos < this.text.length && isNameContinue(this.text.codePointAt(this.pos) ?? 0)) this.step();
    const word = this.text.slice(this.sPos, this.pos);
    const name = digits + this.text.slice(restStart, this.pos);
    if (sci)
      this.fail(
        `不支持科学计数法“${word}”，请写出完整的数字`,
        `scientific notation "${word}" is not supported`,
      );
    else
      this.fail(
        `名称不能以数字开头：“${word}”，可写成【${name}】`,
        `a name cannot start with a digit: "${word}"; write 【${name}】`,
      );
  }

  private leadingDot(): void {
    this.step();
    this.number("0.");
    const tok = this.tokens[this.tokens.length - 1];
    const shown = tok ? tok.value + (tok.percent ? "%" : "") : "0.5";
    this.fail(`数字不能以小数点开头，请写成“${shown}”`, `a number cannot start with ".": write "${shown}"`);
  }

  private string(close: number): void {
    const text = this.text;
    this.step();
    let value = "";
    let chunk = this.pos;
    for (;;) {
      if (this.pos >= text.length) {
        const q = close === 34 ? '"' : "”";
        this.fail(`字符串缺少结束引号 ${q}`, `unclosed string: missing closing ${q}`, 1);
        value += text.slice(chunk);
        break;
      }
      if (text.charCodeAt(this.pos) !== close) {
        this.step();
        continue;
      }
      value += text.slice(chunk, this.pos);
      this.step();
      if (close !== 34 || this.code(this.pos) !== 34) break;
      this.step();
      value += '"';
      chunk = this.pos;
    }
    this.push("string", value);
  }

  /** Scans to `close` on the same line; returns the inner text, or undefined at a line end. */
  private enclosed(close: number): string | undefined {
    this.step();
    const from = this.pos;
    for (let c = this.code(this.pos); c !== close; c = this.code(this.pos)) {
      if (c < 0 || c === 10 || c === 13) return undefined;
      this.step();
    }
    const inner = this.text.slice(from, this.pos);
    this.step();
    return inner;
  }

  private date(): void {
    const inner = this.enclosed(35);
    const iso: string | [string, string] =
      inner === undefined
        ? ["日期缺少结束的“#”，应写成 #2026-10-01#", 'unclosed date: missing "#"']
        : parseDate(inner);
    if (typeof iso !== "string") this.fail(iso[0], iso[1], inner === undefined ? 1 : undefined);
    if (inner !== undefined) this.push("date", typeof iso === "string" ? iso : inner);
  }

  private bracketName(): void {
    const inner = this.enclosed(0x3011);
    if (inner === undefined) this.fail("名称缺少右括号“】”", 'unclosed name: missing "】"', 1);
    else if (inner === "") this.fail("【】中缺少名称", "empty name in 【】");
    else this.push("name", inner, false, true);
  }

  private name(): void {
    const text = this.text;
    while (this.pos < text.length && isNameContinue(text.codePointAt(this.pos) ?? 0)) this.step();
    const word = text.slice(this.sPos, this.pos);
    const upper = word.length <= 5 ? word.toUpperCase() : "";
    if (upper === "TRUE" || upper === "FALSE") this.push("boolean", upper);
    else this.push("name", word);
  }

  private op(op: string): void {
    this.step();
    const next = opOf(this.code(this.pos));
    const two = op + (next ?? "");
    let value = op;
    if (two === "<=" || two === ">=" || two === "<>") value = two;
    else if (two === "==" || two === "!=") {
      this.fail(`不支持“${two}”：${NE_HINT}`, `"${two}" is not supported: ${NE_HINT_EN}`, 2);
      value = two === "==" ? "=" : "<>";
    } else if (two === "=<" || two === "=>") {
      value = `${next}=`;
      this.fail(`“${two}”应写成“${value}”`, `write "${two}" as "${value}"`, 2);
    } else if (op === "!") {
      this.unknown(this.text.slice(this.sPos, this.pos));
      return;
    }
    if (value.length === 2 && op.length === 1) this.step();
    this.push("op", value);
  }

  private unknown(ch: string): void {
    const shown = showChar(ch);
    const [zh, en] = HINTS[ch] ?? [`无法识别的字符“${shown}”`, `unexpected character "${shown}"`];
    const [hz, he] = HINTS[ch] ? ["", ""] : (SUFFIX[ch] ?? ["", ""]);
    this.fail(zh + hz, en + he, 1);
  }
}
