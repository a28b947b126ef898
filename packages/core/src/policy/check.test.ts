import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { getPayslip, runPayroll } from "../engine/run.js";
import { formatProblem } from "../formula/problems.js";
import { checkPolicyText } from "./check.js";

const head = `id: t
name: 测试
version: 1
effectiveFrom: 2026-01-01
description: 测试
`;

const problems = (body: string, lang: "zh" | "en" = "zh") =>
  checkPolicyText(head + body, "p.yaml").problems.map((p) => formatProblem(p, lang));

describe("xinsuan check: bad policies are reported with file:line:col", () => {
  it("YAML syntax", () => {
    const ps = problems("items:\n  - name: a\n   kind: earning\n");
    expect(ps[0]).toMatch(/^p\.yaml:8:\d+ 第8行第\d+列：YAML 格式错误/);
  });

  it("missing and unknown fields", () => {
    expect(problems("params: {}\n")).toEqual(["p.yaml:1:1 第1行第1列：方案字段“items”：缺少必填项"]);
    const ps = problems("items:\n  - name: 甲\n    kind: earning\n    formla: 1\n");
    expect(
      ps.some((p) => p.startsWith("p.yaml:7:5 第7行第5列：方案字段“items.0”：") && p.includes("formla")),
    ).toBe(true);
  });

  it("bad table values and tier order", () => {
    const ps = problems(`tables:
  级别工资:
    value: money
    rows: { C: 1100, D: abc }
  比例:
    kind: tier
    rows:
      - [0, 1%]
      - [0, 2%]
items:
  - { name: 甲, kind: earning, formula: "1" }
`);
    expect(ps).toContain("p.yaml:9:25 第9行第25列：表“级别工资”：“abc”不是金额");
    expect(ps).toContain("p.yaml:14:9 第14行第9列：表“比例”：分档起点必须从小到大排列");
  });

  it("positions inside a multi-line block formula", () => {
    const ps = problems(`items:
  - name: 甲
    kind: earning
    formula: |
      IF(1 > 0,
         岗位工资x, 0)
`);
    expect(ps).toEqual(["p.yaml:11:10 第11行第10列：未知名称“岗位工资x”"]);
  });

  it("unused inputs, built-in name clashes, group functions where they cannot run", () => {
    const ps = problems(`inputs:
  没用上: { type: money, default: 0 }
  阶: { type: integer, fallback: GROUPCOUNT() }
calcs:
  姓名: "1"
items:
  - { name: 甲, kind: earning, formula: 阶 }
`);
    expect(ps).toContain("p.yaml:8:33 第8行第33列：这里不能使用分组函数 GROUPCOUNT");
    expect(ps).toContain("p.yaml:10:3 第10行第3列：名称“姓名”与内置的员工信息字段重名，请换一个名称");
    const warn = checkPolicyText(
      `${head}inputs:\n  没用上: { type: money, default: 0 }\nitems:\n  - { name: 甲, kind: earning, formula: "1" }\n`,
      "p.yaml",
    );
    expect(warn.errors).toBe(0);
    expect(warn.problems.map((p) => formatProblem(p))).toEqual([
      "p.yaml:7:3 第7行第3列：输入“没用上”没有被任何工资项用到",
    ]);
    expect(warn.compiled).not.toBeNull();
  });

  it("a pay item must be a number and round to 分/角/元", () => {
    const ps = problems(`items:
  - { name: 甲, kind: earning, formula: "\\"文本\\"" }
  - { name: 乙, kind: earning, formula: "1", round: none }
`);
    expect(ps).toContain("p.yaml:7:40 第7行第40列：工资项“甲”的公式应得出数值");
    expect(ps.some((p) => p.includes("工资项必须取整到分、角或元"))).toBe(true);
  });

  it("the built-in templates compile without errors; their only warnings are labour-law ones", () => {
    const root = new URL("../../../../templates/", import.meta.url);
    const ids = readdirSync(root).filter((d) => existsSync(new URL(`${d}/policy.yaml`, root)));
    expect(ids.length).toBeGreaterThanOrEqual(3);
    for (const id of ids) {
      const text = readFileSync(new URL(`${id}/policy.yaml`, root), "utf8");
      const r = checkPolicyText(text, `${id}/policy.yaml`);
      expect(r.errors, id).toBe(0);
      expect(r.problems.filter((p) => p.code !== "LABOR").map((p) => formatProblem(p))).toEqual([]);
      expect(
        r.problems.every((p) => p.ref?.zh),
        id,
      ).toBe(true);
    }
  });
});

describe("scorecards", () => {
  it("take points as a number or a param name, cap items and the total", () => {
    const text = `${head}params:
  加分上限: 10
scorecards:
  得分:
    max: 12
    items:
      - { name: 甲项, points: 5, formula: "7" }
      - { name: 乙项, points: 加分上限, formula: "8" }
      - { name: 丙项, points: 没有这个参数, formula: "1" }
items:
  - { name: 分, kind: info, formula: 得分 }
`;
    const bad = checkPolicyText(text, "p.yaml");
    expect(bad.problems.map((p) => formatProblem(p))).toEqual([
      "p.yaml:14:29 第14行第29列：“没有这个参数”应为数字或数值参数的名称",
    ]);
    const good = checkPolicyText(text.replace("points: 没有这个参数", "points: 1"), "p.yaml");
    const r = runPayroll(good.compiled!, {
      period: "2026-10",
      employees: [{ values: { 工号: "1", 姓名: "甲" } }],
    });
    // 甲项 7 capped at 5; 乙项 8 (cap 10); 丙项 1; total 14 capped at max 12
    expect(r.ok && getPayslip(r.run, 0).lines[0]!.value.toString()).toBe("12");
  });

  it("use the policy's own total formula (weights), clamped to max", () => {
    const text = `${head}inputs:
  自评: { type: number }
  主管: { type: number }
scorecards:
  得分:
    max: 100
    items:
      - { name: 自评分, points: 100, formula: 自评 }
      - { name: 主管分, points: 100, formula: 主管 }
    total: 自评分 * 20% + 主管分 * 80%
items:
  - { name: 分, kind: info, formula: 得分, decimals: 2 }
`;
    const c = checkPolicyText(text, "p.yaml").compiled!;
    const run = (a: string, b: string) => {
      const r = runPayroll(c, {
        period: "2026-10",
        employees: [{ values: { 工号: "1", 姓名: "甲", 自评: a, 主管: b } }],
      });
      return r.ok ? getPayslip(r.run, 0).lines[0]!.value.toFixed(2) : "";
    };
    // 90 × 20% + 70 × 80% = 18 + 56 = 74; items capped at 100 before weighting: 150 → 100 → 20 + 80 = 100
    expect([run("90", "70"), run("150", "100")]).toEqual(["74.00", "100.00"]);
    const bad = checkPolicyText(text.replace("total: 自评分 * 20%", "total: 自评分x * 20%"), "p.yaml");
    expect(bad.problems.map((p) => formatProblem(p))[0]).toMatch(/第\d+行第\d+列：未知名称“自评分x”/);
  });
});

describe("inputs", () => {
  it("an optional number must say what a blank cell means", () => {
    const ps = checkPolicyText(
      `${head}inputs:\n  加班小时: { type: number, required: false }\nitems:\n  - { name: 甲, kind: earning, formula: 加班小时 }\n`,
      "p.yaml",
    ).problems.map((p) => formatProblem(p));
    expect(ps).toEqual([
      "p.yaml:7:35 第7行第35列：输入“加班小时”可以不填，但没有默认值或推算公式：请写 default 或 fallback，或改为 required: true",
    ]);
  });
});
