/**
 * Tests of the grid building blocks: list sections read into rows, and the pool pie's option built from the
 * decimal-string amounts.
 * @example npx vitest run packages/web/src/pages/policies/row-columns.test.ts
 */
import { describe, expect, it } from "vitest";
import { buildPoolOption } from "../team/pool-chart";
import { readSeqRows } from "./row-columns";
import { parsePolicyDoc } from "./yaml-edit";

const TEXT = `items:
  - name: 底薪
    kind: earning
    formula: 基本工资
  - name: 绩效
    formula: 10.50
`;

describe("readSeqRows", () => {
  it("reads each list element into a keyed row with the asked fields as text", () => {
    const doc = parsePolicyDoc(TEXT);
    if (!doc) throw new Error("the test YAML must parse");
    expect(readSeqRows(doc, ["items"], ["name", "kind", "formula"])).toEqual([
      { key: "0", index: 0, name: "底薪", kind: "earning", formula: "基本工资" },
      { key: "1", index: 1, name: "绩效", kind: "", formula: "10.50" },
    ]);
  });

  it("gives no rows for a missing section", () => {
    const doc = parsePolicyDoc("params: {}\n");
    if (!doc) throw new Error("the test YAML must parse");
    expect(readSeqRows(doc, ["items"], ["name"])).toEqual([]);
  });
});

describe("buildPoolOption", () => {
  it("sizes slices by amount and shows the amount text in the tooltip", () => {
    const option = buildPoolOption([
      { name: "张三", amount: "120.50" },
      { name: "李四", amount: "79.50" },
    ]) as {
      series: { data: { name: string; value: number }[] }[];
      tooltip: { formatter: (p: { name: string; percent: number }) => string };
    };
    expect(option.series[0]?.data).toEqual([
      { name: "张三", value: 120.5 },
      { name: "李四", value: 79.5 },
    ]);
    const tip = option.tooltip.formatter({ name: "张三", percent: 60.25 });
    expect(tip).toContain("张三<br/>");
    expect(tip).toContain("120.50");
    expect(tip).toContain("60.25%");
  });
});
