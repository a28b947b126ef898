import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { BinaryOp, Expr, Span } from "./ast.js";
import { parseFormula } from "./parser.js";
import { isBareName, printFormula, stripSpans } from "./printer.js";

function reprint(text: string): string {
  const { ast, problems } = parseFormula(text);
  expect(problems).toEqual([]);
  return ast ? printFormula(ast) : "";
}

describe("printFormula", () => {
  const cases: [string, string][] = [
    ["a×（b＋1）", "a * (b + 1)"],
    ['IF（绩效≥90，“优”，"良"）', 'IF(绩效 >= 90, "优", "良")'],
    ["if(a<>b;1;0)", "IF(a <> b, 1, 0)"],
    ["【任意 文字(个人)】+1", "【任意 文字(个人)】 + 1"],
    ["【岗位工资】", "岗位工资"],
    ["【TRUE】 & true", "【TRUE】 & TRUE"],
    ['“他说"好"”', '"他说""好"""'],
    ["1.5%*基数", "1.5% * 基数"],
    ["#2026/1/5#", "#2026-01-05#"],
    ["表[ 1 ,2 ]", "表[1, 2]"],
    ["-a*-b", "-a * -b"],
    ["count( )", "COUNT()"],
    ["((a))", "((a))"],
    ["a\n  &\n  b", "a & b"],
  ];
  it.each(cases)("%s -> %s", (text, expected) => {
    expect(reprint(text)).toBe(expected);
  });
});

describe("stripSpans", () => {
  it("drops span and nameSpan everywhere", () => {
    const { ast } = parseFormula("SUM(表[a], -1)");
    expect(ast && stripSpans(ast)).toEqual({
      kind: "call",
      name: "SUM",
      args: [
        { kind: "index", target: { kind: "name", name: "表" }, keys: [{ kind: "name", name: "a" }] },
        { kind: "unary", op: "-", operand: { kind: "number", text: "1", percent: false } },
      ],
    });
  });
});

const span: Span = { start: 0, end: 0, line: 1, column: 1 };
const LEVEL: Record<BinaryOp, number> = {
  "=": 0,
  "<>": 0,
  "<": 0,
  "<=": 0,
  ">": 0,
  ">=": 0,
  "&": 1,
  "+": 2,
  "-": 2,
  "*": 3,
  "/": 3,
};
const level = (e: Expr): number => (e.kind === "binary" ? LEVEL[e.op] : e.kind === "unary" ? 4 : 5);
const paren = (inner: Expr): Expr => ({ kind: "paren", inner, span });
const wrapBelow = (e: Expr, min: number): Expr => (level(e) < min ? paren(e) : e);

/** Wraps children in paren nodes where precedence (left-associative binaries) requires it. */
function fix(e: Expr): Expr {
  switch (e.kind) {
    case "binary": {
      const l = LEVEL[e.op];
      return { ...e, left: wrapBelow(fix(e.left), l), right: wrapBelow(fix(e.right), l + 1) };
    }
    case "unary":
      return { ...e, operand: wrapBelow(fix(e.operand), 4) };
    case "call":
      return { ...e, args: e.args.map(fix) };
    case "index":
      return { ...e, keys: e.keys.map(fix) };
    case "paren":
      return { ...e, inner: fix(e.inner) };
    default:
      return e;
  }
}

const nameArb = fc.oneof(
  fc.constantFrom(
    "岗位工资",
    "绩效系数",
    "a",
    "_x1",
    "Base_Pay",
    "任意 文字(个人)",
    "2号岗位",
    "TRUE",
    "false",
    "a-b",
  ),
  fc.stringMatching(/^[\u4e00-\u9fa5_a-zA-Z][\u4e00-\u9fa5_a-zA-Z0-9]{0,5}$/),
  fc.string({ unit: "binary", minLength: 1, maxLength: 6 }).filter((s) => !/[】\r\n]/.test(s)),
);
const nameRef = nameArb.map((name): Expr => ({ kind: "name", name, span }));
const leaf: fc.Arbitrary<Expr> = fc.oneof(
  fc
    .tuple(fc.stringMatching(/^[0-9]{1,6}(\.[0-9]{1,4})?$/), fc.boolean())
    .map(([text, percent]): Expr => ({ kind: "number", text, percent, span })),
  fc.string({ unit: "binary", maxLength: 8 }).map((value): Expr => ({ kind: "string", value, span })),
  fc.boolean().map((value): Expr => ({ kind: "boolean", value, span })),
  fc
    .date({
      min: new Date("1900-01-01T00:00:00Z"),
      max: new Date("2100-12-31T00:00:00Z"),
      noInvalidDate: true,
    })
    .map((d): Expr => ({ kind: "date", value: d.toISOString().slice(0, 10), span })),
  nameRef,
);
const ops = Object.keys(LEVEL) as BinaryOp[];

const exprArb: fc.Memo<Expr> = fc.memo((n) => {
  if (n <= 1) return leaf;
  const sub = exprArb(n - 1);
  return fc.oneof(
    leaf,
    fc
      .tuple(fc.constantFrom(...ops), sub, sub)
      .map(([op, left, right]): Expr => ({ kind: "binary", op, left, right, span })),
    fc
      .tuple(fc.constantFrom("-" as const, "+" as const), sub)
      .map(([op, operand]): Expr => ({ kind: "unary", op, operand, span })),
    fc
      .tuple(
        fc.constantFrom("IF", "SUM", "ROUND", "MAX", "COUNT", "取整", "TRUE"),
        fc.array(sub, { maxLength: 3 }),
      )
      .map(([name, args]): Expr => ({ kind: "call", name, nameSpan: span, args, span })),
    fc
      .tuple(nameArb, fc.array(sub, { minLength: 1, maxLength: 2 }))
      .map(([name, keys]): Expr => ({ kind: "index", target: { kind: "name", name, span }, keys, span })),
    sub.map(paren),
  );
});

describe("print/parse round trip", () => {
  it("parseFormula(printFormula(ast)) gives back the same tree", () => {
    fc.assert(
      fc.property(exprArb(5).map(fix), (ast) => {
        const text = printFormula(ast);
        const { ast: back, problems } = parseFormula(text);
        expect(problems).toEqual([]);
        expect(back && stripSpans(back)).toEqual(stripSpans(ast));
      }),
      { numRuns: 1000 },
    );
  });
});

describe("isBareName", () => {
  it.each([
    ["岗位工资", true],
    ["_a1", true],
    ["a b", false],
    ["2号", false],
    ["TRUE", false],
    ["false", false],
    ["", false],
    ["绩效(个人)", false],
  ] as const)("%s -> %s", (name, bare) => {
    expect(isBareName(name)).toBe(bare);
  });
});
