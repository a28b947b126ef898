import { describe, expect, it } from "vitest";
import { formatTerminalTable } from "./format-terminal-table.js";
import { charWidth, displayWidth } from "./text-width.js";

describe("displayWidth", () => {
  it("counts CJK, kana, Hangul and full-width forms as 2", () => {
    expect(displayWidth("abc")).toBe(3);
    expect(displayWidth("张三")).toBe(4);
    expect(displayWidth("，。「」")).toBe(8);
    expect(displayWidth("ＡＢ１")).toBe(6);
    expect(displayWidth("ひらカタ한글")).toBe(12);
    expect(displayWidth("￥100")).toBe(5);
    expect(displayWidth("𠀀")).toBe(2);
    expect(displayWidth("e\u0301")).toBe(1);
    expect(charWidth(0x0a)).toBe(0);
  });
});

describe("formatTerminalTable", () => {
  it("aligns Chinese text by display width and right-aligns number columns", () => {
    const out = formatTerminalTable(
      ["工号", "姓名", "实发工资"],
      [
        ["A001", "张三", "8,000.50"],
        ["A002", "欧阳娜娜", "12,345.00"],
        ["A003", "Li", "-5"],
      ],
    );
    expect(out).toBe(
      [
        "工号  姓名       实发工资",
        "----  --------  ---------",
        "A001  张三       8,000.50",
        "A002  欧阳娜娜  12,345.00",
        "A003  Li               -5",
      ].join("\n"),
    );
    for (const line of out.split("\n").slice(2)) expect(displayWidth(line)).toBe(25);
  });

  it("honours alignRight, flattens line breaks and pads short rows", () => {
    const out = formatTerminalTable(["编号", "备注"], [["7", "第一行\n第二行"], ["12"]], {
      alignRight: new Set([1]),
    });
    expect(out).toBe(["编号           备注", "----  -------------", "7     第一行 第二行", "12"].join("\n"));
  });
});
