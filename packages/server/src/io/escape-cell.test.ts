import { describe, expect, it } from "vitest";
import { csvField, escapeText, xlsxText } from "./escape-cell.js";

describe("escapeText", () => {
  it("prefixes a quote to text a spreadsheet would run (= + - @ tab CR)", () => {
    expect(["=1+1", "+86 138", "-张三", "@SUM(A1)", "\tx", "\rx"].map(escapeText)).toEqual([
      "'=1+1",
      "'+86 138",
      "'-张三",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
    ]);
  });
  it("leaves other text alone, including text with a formula character later on", () => {
    expect(["张三", "a=b", "1+1", "", "'=already"].map(escapeText)).toEqual([
      "张三",
      "a=b",
      "1+1",
      "",
      "'=already",
    ]);
  });
  it("escapes a text cell that looks like a negative number (text is text)", () => {
    expect(escapeText("-5")).toBe("'-5");
  });
});

describe("xlsxText", () => {
  it("escapes and strips characters XML cannot hold", () => {
    expect(xlsxText("=A\u0000B\u0007")).toBe("'=AB");
    expect(xlsxText("一组\n二组")).toBe("一组\n二组");
  });
});

describe("csvField", () => {
  it("never escapes an amount, negative or not", () => {
    expect(csvField({ amount: "-5.00" })).toBe("-5.00");
    expect(csvField({ amount: "1234.56" })).toBe("1234.56");
  });
  it("escapes, then quotes text with commas, quotes or line breaks", () => {
    expect(csvField({ text: '=HYPERLINK("x","y")' })).toBe('"\'=HYPERLINK(""x"",""y"")"');
    expect(csvField({ text: "a,b" })).toBe('"a,b"');
    expect(csvField({ text: "-1\n2" })).toBe('"\'-1\n2"');
    expect(csvField({ text: "张三" })).toBe("张三");
  });
});
