import { describe, expect, it } from "vitest";
import { tokenize } from "./lexer.js";
import { formatProblem } from "./problems.js";

/** Compact token rendering: kind:value, with % for percent numbers and 【】 for bracketed names. */
function lex(text: string): string[] {
  const { tokens, problems } = tokenize(text);
  expect(problems.map((p) => formatProblem(p))).toEqual([]);
  return tokens.map((t) => {
    if (t.kind === "eof") return "eof";
    if (t.kind === "op") return t.value;
    const v = t.kind === "number" && t.percent ? `${t.value}%` : t.bracketed ? `【${t.value}】` : t.value;
    return `${t.kind}:${v}`;
  });
}

describe("tokenize: tokens", () => {
  const cases: [string, string[]][] = [
    ["12", ["number:12", "eof"]],
    ["1.5%", ["number:1.5%", "eof"]],
    ["１２．５％", ["number:12.5%", "eof"]],
    ['"a""b"', ['string:a"b', "eof"]],
    ['“他说"好"”', ['string:他说"好"', "eof"]],
    ['""', ["string:", "eof"]],
    ["true FALSE True", ["boolean:TRUE", "boolean:FALSE", "boolean:TRUE", "eof"]],
    ["#2026-10-01#", ["date:2026-10-01", "eof"]],
    ["#2024-2-29#", ["date:2024-02-29", "eof"]],
    ["#2026/1/5#", ["date:2026-01-05", "eof"]],
    ["岗位工资 _x1 a_b9", ["name:岗位工资", "name:_x1", "name:a_b9", "eof"]],
    ["【任意 文字(个人)】", ["name:【任意 文字(个人)】", "eof"]],
    ["trueish", ["name:trueish", "eof"]],
    [
      "+ - * / & = <> < <= > >= ( ) [ ] , ;",
      ["+", "-", "*", "/", "&", "=", "<>", "<", "<=", ">", ">="].concat([
        "(",
        ")",
        "[",
        "]",
        ",",
        ";",
        "eof",
      ]),
    ],
    ["（），［］＋－×÷＝ ＜ ＞", ["(", ")", ",", "[", "]", "+", "-", "*", "/", "=", "<", ">", "eof"]],
    ["≥ ≤ ≠ ＜＝ ＜＞ ＞＝", [">=", "<=", "<>", "<=", "<>", ">=", "eof"]],
    ["a\n\t+\r\n　b", ["name:a", "+", "name:b", "eof"]],
    ["1-2", ["number:1", "-", "number:2", "eof"]],
    ["𠀀工资", ["name:𠀀工资", "eof"]],
  ];
  it.each(cases)("%s", (text, expected) => {
    expect(lex(text)).toEqual(expected);
  });
});

describe("tokenize: positions", () => {
  it("tracks 1-based line/column in code points and 0-based UTF-16 offsets", () => {
    const { tokens } = tokenize("岗位工资 ×\n  𠀀a + 【b c】");
    expect(tokens.map((t) => [t.value, t.span.line, t.span.column, t.span.start, t.span.end])).toEqual([
      ["岗位工资", 1, 1, 0, 4],
      ["*", 1, 6, 5, 6],
      ["𠀀a", 2, 3, 9, 12],
      ["+", 2, 6, 13, 14],
      ["b c", 2, 8, 15, 20],
      ["", 2, 13, 20, 20],
    ]);
  });

  it("puts eof right after the last token, ignoring trailing whitespace", () => {
    const { tokens } = tokenize("a  \n\n");
    expect(tokens.at(-1)?.span).toEqual({ start: 1, end: 1, line: 1, column: 2 });
  });

  it("counts \\r\\n as one line break", () => {
    const { tokens } = tokenize("a\r\nb\rc");
    expect(tokens.map((t) => [t.span.line, t.span.column])).toEqual([
      [1, 1],
      [2, 1],
      [3, 1],
      [3, 2],
    ]);
  });
});

describe("tokenize: problems", () => {
  const cases: [string, string, string][] = [
    [
      ".5",
      "第1行第1列：数字不能以小数点开头，请写成“0.5”",
      '1:1: a number cannot start with ".": write "0.5"',
    ],
    ["1.", "第1行第1列：小数点后缺少数字：“1.”", '1:1: missing digits after the decimal point in "1."'],
    ["1.2.3", "第1行第1列：数字“1.2.3”中有多个小数点", '1:1: number "1.2.3" has more than one decimal point'],
    [
      "1e5",
      "第1行第1列：不支持科学计数法“1e5”，请写出完整的数字",
      '1:1: scientific notation "1e5" is not supported',
    ],
    [
      "a + 2号岗位",
      "第1行第5列：名称不能以数字开头：“2号岗位”，可写成【2号岗位】",
      '1:5: a name cannot start with a digit: "2号岗位"; write 【2号岗位】',
    ],
    ['"abc', '第1行第1列：字符串缺少结束引号 "', '1:1: unclosed string: missing closing "'],
    ["x & “abc", "第1行第5列：字符串缺少结束引号 ”", "1:5: unclosed string: missing closing ”"],
    ["#2026-02-30#", "第1行第1列：日期“2026-02-30”不存在", '1:1: date "2026-02-30" does not exist'],
    ["#2025-02-29#", "第1行第1列：日期“2025-02-29”不存在", '1:1: date "2025-02-29" does not exist'],
    [
      "#26-1-1#",
      "第1行第1列：日期“26-1-1”格式不对，应写成 #2026-10-01# 这样的 年-月-日",
      '1:1: bad date "26-1-1": write it as #2026-10-01# (year-month-day)',
    ],
    ["#2026-10-01", "第1行第1列：日期缺少结束的“#”，应写成 #2026-10-01#", '1:1: unclosed date: missing "#"'],
    ["【岗位 工资", "第1行第1列：名称缺少右括号“】”", '1:1: unclosed name: missing "】"'],
    ["a +\n 【】", "第2行第2列：【】中缺少名称", "2:2: empty name in 【】"],
    [
      "a == b",
      "第1行第3列：不支持“==”：Excel 公式用 = 比较，用 <> 表示不等于",
      '1:3: "==" is not supported: Excel formulas use = to compare and <> for not-equal',
    ],
    [
      "a != b",
      "第1行第3列：不支持“!=”：Excel 公式用 = 比较，用 <> 表示不等于",
      '1:3: "!=" is not supported: Excel formulas use = to compare and <> for not-equal',
    ],
    ["a =< b", "第1行第3列：“=<”应写成“<=”", '1:3: write "=<" as "<="'],
    ["a ! b", "第1行第3列：无法识别的字符“!”", '1:3: unexpected character "!"'],
    ["工资 @ 2", "第1行第4列：无法识别的字符“@”", '1:4: unexpected character "@"'],
    [
      "a\n  ^ 2",
      "第2行第3列：不支持乘方运算符“^”，请用 POWER(底数, 指数)",
      '2:3: "^" is not supported; use POWER(x, n)',
    ],
    ["a %", "第1行第3列：“%”只能紧跟在数字后面，如 1.5%", '1:3: "%" must directly follow a number'],
    [
      "'a'",
      '第1行第1列：无法识别的字符“\'”；字符串请用 "…" 或 “…”',
      '1:1: unexpected character "\'"; write strings as "…" or “…”',
    ],
    [
      "SUM(a、b)",
      "第1行第6列：无法识别的字符“、”；函数参数请用逗号“,”分隔",
      '1:6: unexpected character "、"; separate arguments with ","',
    ],
    ["a\u0001", "第1行第2列：无法识别的字符“U+0001”", '1:2: unexpected character "U+0001"'],
  ];
  it.each(cases)("%s", (text, zh, en) => {
    const [p] = tokenize(text).problems;
    expect(p?.code).toBe("SYNTAX");
    expect(p && formatProblem(p, "zh")).toBe(zh);
    expect(p && formatProblem(p, "en")).toBe(en);
  });

  it("reports every unknown character and keeps going", () => {
    const { tokens, problems } = tokenize("a @ b $ c");
    expect(problems.map((p) => p.at?.column)).toEqual([3, 7]);
    expect(tokens.map((t) => t.value)).toEqual(["a", "b", "c", ""]);
  });
});
