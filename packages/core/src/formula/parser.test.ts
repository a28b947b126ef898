import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Expr } from "./ast.js";
import { parseFormula } from "./parser.js";
import { printFormula, stripSpans } from "./printer.js";
import { formatProblem } from "./problems.js";

/** S-expression rendering that makes the tree shape explicit. */
function sx(e: Expr): string {
  switch (e.kind) {
    case "number":
      return e.percent ? `${e.text}%` : e.text;
    case "string":
      return JSON.stringify(e.value);
    case "boolean":
      return e.value ? "TRUE" : "FALSE";
    case "date":
      return `#${e.value}`;
    case "name":
      return e.name;
    case "index":
      return `(index ${e.target.name} ${e.keys.map(sx).join(" ")})`;
    case "unary":
      return `(u${e.op} ${sx(e.operand)})`;
    case "binary":
      return `(${e.op} ${sx(e.left)} ${sx(e.right)})`;
    case "call":
      return `(${[e.name, ...e.args.map(sx)].join(" ")})`;
    case "paren":
      return `(paren ${sx(e.inner)})`;
  }
}

function tree(text: string): string {
  const { ast, problems } = parseFormula(text);
  expect(problems.map((p) => formatProblem(p))).toEqual([]);
  return ast ? sx(ast) : "null";
}

describe("parseFormula: trees", () => {
  const cases: [string, string][] = [
    ["1 + 2 * 3", "(+ 1 (* 2 3))"],
    ["(1 + 2) * 3", "(* (paren (+ 1 2)) 3)"],
    ["-a * b", "(* (u- a) b)"],
    ["a & b = c", "(= (& a b) c)"],
    ["a - b - c", "(- (- a b) c)"],
    ["a / b * c", "(* (/ a b) c)"],
    ["a & b + 1", "(& a (+ b 1))"],
    ["a < b + 1", "(< a (+ b 1))"],
    ["--1", "(u- (u- 1))"],
    ["+a - -b", "(- (u+ a) (u- b))"],
    ["岗位工资 * 1.5%", "(* 岗位工资 1.5%)"],
    ["级别工资[岗位级别] * 阶系数", "(* (index 级别工资 岗位级别) 阶系数)"],
    ["提成表[等级, 月份 - 1]", "(index 提成表 等级 (- 月份 1))"],
    ["【任意 文字(个人)】 + 1", "(+ 任意 文字(个人) 1)"],
    ["【提成 表】[1]", "(index 提成 表 1)"],
    ["if(a > 1, max(b, 2), 0)", "(IF (> a 1) (MAX b 2) 0)"],
    ["COUNT()", "(COUNT)"],
    ["ROUND(SUM(a, b; c), 2)", "(ROUND (SUM a b c) 2)"],
    ["IF（绩效 ≥ 90，“优秀”，“合格”）", '(IF (>= 绩效 90) "优秀" "合格")'],
    ["a ≠ b", "(<> a b)"],
    ["基本工资 × 1.2 ÷ 21.75", "(/ (* 基本工资 1.2) 21.75)"],
    ['"a""b" & "c"', '(& "a\\"b" "c")'],
    ["入职日期 >= #2026-10-01#", "(>= 入职日期 #2026-10-01)"],
    ["true", "TRUE"],
    ["TRUE()", "(TRUE)"],
    ["IF(a,\n   b,\n   c)", "(IF a b c)"],
  ];
  it.each(cases)("%s", (text, expected) => {
    expect(tree(text)).toBe(expected);
  });

  it("keeps spans: binary from left operand, call nameSpan and full span", () => {
    const { ast } = parseFormula("1 +\n  if(a)");
    expect(ast?.kind).toBe("binary");
    if (ast?.kind !== "binary" || ast.right.kind !== "call") throw new Error("shape");
    expect(ast.span).toEqual({ start: 0, end: 11, line: 1, column: 1 });
    expect(ast.right.nameSpan).toEqual({ start: 6, end: 8, line: 2, column: 3 });
    expect(ast.right.span).toEqual({ start: 6, end: 11, line: 2, column: 3 });
  });
});

describe("parseFormula: problems", () => {
  const cases: [string, string, string][] = [
    ["", "第1行第1列：公式为空", "1:1: formula is empty"],
    ["  \n ", "第1行第1列：公式为空", "1:1: formula is empty"],
    ["SUM(1, 2", "第1行第9列：缺少右括号“)”", '1:9: missing closing ")"'],
    ["(a + b\n", "第1行第7列：缺少右括号“)”", '1:7: missing closing ")"'],
    ["表[1", "第1行第4列：缺少右方括号“]”", '1:4: missing closing "]"'],
    ["1 +", "第1行第3列：运算符“+”后缺少数值或名称", '1:3: missing a value or name after operator "+"'],
    [
      "a ＋ )",
      "第1行第3列：运算符“＋”后缺少数值或名称，却遇到“)”",
      '1:3: missing a value or name after operator "＋", found ")"',
    ],
    ["-", "第1行第1列：运算符“-”后缺少数值或名称", '1:1: missing a value or name after operator "-"'],
    [
      "a * * b",
      "第1行第3列：运算符“*”后缺少数值或名称，却遇到“*”",
      '1:3: missing a value or name after operator "*", found "*"',
    ],
    ["* 2", "第1行第1列：此处缺少数值或名称，却遇到“*”", '1:1: expected a value or name but found "*"'],
    [
      "= a",
      "第1行第1列：公式开头不需要写“=”，请删除它",
      '1:1: remove the leading "=": formulas here are written without it',
    ],
    ["a b", "第1行第3列：“a”与“b”之间缺少运算符", '1:3: missing operator between "a" and "b"'],
    ["a)", "第1行第2列：多余的右括号“)”", '1:2: unmatched ")"'],
    ["a]", "第1行第2列：多余的右方括号“]”", '1:2: unmatched "]"'],
    [
      "a, b",
      "第1行第2列：逗号“,”只能用在函数参数之间",
      '1:2: "," is only allowed between function arguments',
    ],
    [
      "IF (a)",
      "第1行第4列：函数名“IF”与“(”之间不能有空格",
      '1:4: no space is allowed between the function name "IF" and "("',
    ],
    [
      "SUM(1 2)",
      "第1行第7列：“1”与“2”之间缺少运算符或逗号“,”",
      '1:7: missing operator or "," between "1" and "2"',
    ],
    ["SUM(1,)", "第1行第7列：函数“SUM”的第2个参数为空", "1:7: argument 2 of SUM is empty"],
    ["sum(, 1)", "第1行第5列：函数“SUM”的第1个参数为空", "1:5: argument 1 of SUM is empty"],
    ["(a]", "第1行第3列：此处应为“)”，却遇到“]”", '1:3: expected ")" but found "]"'],
    ["SUM(a]", "第1行第6列：此处应为“,”或“)”，却遇到“]”", '1:6: expected "," or ")" but found "]"'],
    ["()", "第1行第2列：括号内缺少表达式", "1:2: empty parentheses"],
    ["表[]", "第1行第3列：方括号内缺少查找键", "1:3: missing lookup key inside [ ]"],
    ["表[,1]", "第1行第3列：方括号内缺少查找键", "1:3: missing lookup key inside [ ]"],
    ["表[1,]", "第1行第5列：二维查找缺少第二个键", "1:5: missing the second lookup key"],
    [
      "表[1, 2, 3]",
      "第1行第7列：二维查找最多两个键：表[行, 列]",
      "1:7: a lookup takes at most two keys: table[row, column]",
    ],
    [
      "表[1][2]",
      "第1行第5列：只能对表名使用方括号查找；二维查找请写成 表[行, 列]",
      "1:5: only a table name can be indexed; write a 2-D lookup as table[row, column]",
    ],
    ['IF(a, "是', '第1行第7列：字符串缺少结束引号 "', '1:7: unclosed string: missing closing "'],
    [
      "a == 1",
      "第1行第3列：不支持“==”：Excel 公式用 = 比较，用 <> 表示不等于",
      '1:3: "==" is not supported: Excel formulas use = to compare and <> for not-equal',
    ],
    [
      "IF(a,\n  b c)",
      "第2行第5列：“b”与“c”之间缺少运算符或逗号“,”",
      '2:5: missing operator or "," between "b" and "c"',
    ],
    ["a +\n\n", "第1行第3列：运算符“+”后缺少数值或名称", '1:3: missing a value or name after operator "+"'],
  ];
  it.each(cases)("%j", (text, zh, en) => {
    const { ast, problems } = parseFormula(text);
    expect(ast).toBeNull();
    expect(problems).toHaveLength(1);
    const [p] = problems;
    expect(p?.code).toBe("SYNTAX");
    expect(p && formatProblem(p, "zh")).toBe(zh);
    expect(p && formatProblem(p, "en")).toBe(en);
  });

  it("limits nesting depth instead of overflowing the stack", () => {
    const deep = `${"(".repeat(5000)}1${")".repeat(5000)}`;
    expect(parseFormula(deep).problems[0]?.zh).toBe("嵌套层数过多（超过 200 层）");
    expect(parseFormula("-".repeat(5000) + "1").problems[0]?.zh).toBe("嵌套层数过多（超过 200 层）");
    expect(parseFormula(`${"(".repeat(150)}1${")".repeat(150)}`).problems).toEqual([]);
  });
});

describe("parseFormula: properties", () => {
  const formulaChars = fc.constantFrom(
    ...'()[]（），,;1.5%+-*/&=<>≥×"“”#【】 \nabIF工资_'.split(""),
    "2026-10-01",
    "SUM(",
    "TRUE",
  );

  it("never throws on arbitrary strings", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: formulaChars, maxLength: 40 })),
        (s) => {
          const { ast, problems } = parseFormula(s);
          expect(ast === null).toBe(problems.length > 0);
          for (const p of problems) expect(p.at?.line ?? 1).toBeGreaterThanOrEqual(1);
        },
      ),
      { numRuns: 2000 },
    );
  });

  const formulaTokens = fc.constantFrom(
    ..."a 工资 1 1.5% + - * / & = <> ( ) , SUM( 表[ ] TRUE".split(" "),
    " ",
    '"x""y"',
    "“是”",
    "#2026-10-01#",
    "【a b】",
    "\n",
  );

  it("print then parse is a fixpoint for every formula that parses", () => {
    fc.assert(
      fc.property(fc.string({ unit: formulaTokens, maxLength: 12 }), (s) => {
        const { ast } = parseFormula(s);
        if (!ast) return;
        const again = parseFormula(printFormula(ast));
        expect(again.problems).toEqual([]);
        expect(again.ast && stripSpans(again.ast)).toEqual(stripSpans(ast));
      }),
      { numRuns: 2000 },
    );
  });
});
