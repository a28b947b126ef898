import { describe, expect, it } from "vitest";
import { Dec } from "../money/decimal.js";
import { runPayroll } from "./run.js";
import { summarizeRun } from "./summary.js";
import { compileMini, evalItems, type MiniPolicy, sentenceOf } from "./test-policy.js";

const team = (id: string, t: string, extra: Record<string, string> = {}) => ({
  工号: id,
  姓名: `员工${id}`,
  团队: t,
  ...extra,
});

describe("group functions", () => {
  const policy: MiniPolicy = {
    inputs: { 销售额: { type: "money" }, 接听量: { type: "integer" } },
    items: {
      团队合计: { kind: "info", formula: "GROUPSUM(销售额)" },
      团队平均: { kind: "info", formula: "GROUPAVG(销售额)" },
      团队人数: { kind: "info", formula: "GROUPCOUNT()", decimals: 0 },
      达标人数: { kind: "info", formula: "GROUPCOUNT(销售额 >= 100)", decimals: 0 },
      公司人数: { kind: "info", formula: 'GROUPCOUNT("公司")', decimals: 0 },
      团队最高: { kind: "info", formula: "GROUPMAX(销售额)" },
      团队最低: { kind: "info", formula: "GROUPMIN(销售额)" },
      名次: { kind: "info", formula: "RANK(销售额)", decimals: 0 },
      公司名次: { kind: "info", formula: 'RANK(销售额, "公司", "升序")', decimals: 0 },
    },
  };
  const rows = [
    team("A1", "一组", { 销售额: "100", 接听量: "1" }),
    team("A2", "一组", { 销售额: "300", 接听量: "1" }),
    team("A3", "一组", { 销售额: "300", 接听量: "1" }),
    team("B1", "二组", { 销售额: "50", 接听量: "1" }),
  ];

  it("sums, averages, counts, ranks within the team and the company", () => {
    const r = evalItems(policy, rows);
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => x.团队合计)).toEqual(["700.00", "700.00", "700.00", "50.00"]);
    // 700 / 3 = 233.333…
    expect(r.rows[0]!.团队平均).toBe("233.33");
    expect(r.rows.map((x) => x.团队人数)).toEqual(["3", "3", "3", "1"]);
    expect(r.rows.map((x) => x.达标人数)).toEqual(["3", "3", "3", "0"]);
    expect(r.rows.map((x) => x.公司人数)).toEqual(["4", "4", "4", "4"]);
    expect(r.rows[0]!.团队最高).toBe("300.00");
    expect(r.rows[0]!.团队最低).toBe("100.00");
    // ties share a rank (like Excel RANK.EQ): 300, 300 → 1, 1; 100 → 3
    expect(r.rows.map((x) => x.名次)).toEqual(["3", "1", "1", "1"]);
    // ascending across the company: 50 → 1, 100 → 2, 300 → 3, 3
    expect(r.rows.map((x) => x.公司名次)).toEqual(["2", "3", "3", "1"]);
  });

  it("SHARE splits a pool by largest remainder so the parts sum exactly to the pool", () => {
    const p: MiniPolicy = {
      inputs: { 接听量: { type: "integer" } },
      calcs: { 奖金池: "100" },
      items: { 分成: "SHARE(奖金池, 接听量)" },
    };
    // 100 split 1:1:1 → 33.333… each; the leftover 分 goes to the earliest of equal remainders
    const r = evalItems(p, [
      team("A1", "一组", { 接听量: "1" }),
      team("A2", "一组", { 接听量: "1" }),
      team("A3", "一组", { 接听量: "1" }),
    ]);
    expect(r.rows.map((x) => x.分成)).toEqual(["33.34", "33.33", "33.33"]);
    // 10 split 1:2:3 → 1.666…, 3.333…, 5 → floors 1.66, 3.33, 5.00 (sum 9.99); largest remainder .666 → +1 分
    const r2 = evalItems(
      p,
      [
        team("A1", "一组", { 接听量: "1" }),
        team("A2", "一组", { 接听量: "2" }),
        team("A3", "一组", { 接听量: "3" }),
      ].map((x) => x),
      {},
    );
    void r2;
    const p2: MiniPolicy = { ...p, calcs: { 奖金池: "10" } };
    const r3 = evalItems(p2, [
      team("A1", "一组", { 接听量: "1" }),
      team("A2", "一组", { 接听量: "2" }),
      team("A3", "一组", { 接听量: "3" }),
    ]);
    expect(r3.rows.map((x) => x.分成)).toEqual(["1.67", "3.33", "5.00"]);
    const sum = r3.rows.reduce((a, x) => a.add(Dec.parse(x.分成!)), Dec.ZERO);
    expect(sum.toFixed(2)).toBe("10.00");
  });

  it("resolves per-employee → group → per-employee chains in stages", () => {
    const p: MiniPolicy = {
      inputs: { 销售额: { type: "money" } },
      calcs: { 个人提成: "销售额 * 10%", 团队提成: "GROUPSUM(个人提成)" },
      items: { 占比奖: "SHARE(团队提成 * 50%, 个人提成)", 排名奖: "IF(RANK(占比奖) = 1, 100, 0)" },
    };
    const r = evalItems(p, [team("A1", "一组", { 销售额: "1000" }), team("A2", "一组", { 销售额: "3000" })]);
    // 个人提成 100, 300; 团队提成 400; pool 200 split 1:3 → 50, 150; rank of 150 is 1
    expect(r.rows.map((x) => [x.占比奖, x.排名奖])).toEqual([
      ["50.00", "0.00"],
      ["150.00", "100.00"],
    ]);
  });

  it("a member's bad data blocks only that member and the group results that need them", () => {
    const p: MiniPolicy = {
      inputs: { 销售额: { type: "money" } },
      items: { 自己: "销售额", 团队奖: "GROUPSUM(销售额)" },
    };
    const r = evalItems(p, [
      team("A1", "一组", { 销售额: "abc" }),
      team("A2", "一组", { 销售额: "10" }),
      team("B1", "二组", { 销售额: "20" }),
    ]);
    expect(r.errors).toHaveLength(2);
    expect(r.errors[0]).toBe("in.csv 第2行 员工A1（A1）计算“销售额”时：“销售额”列：“abc”不是金额");
    expect(r.errors[1]).toMatch(
      /^in\.csv 第3行 员工A2（A2）计算“团队奖”时：团队“一组”中 员工A1\(A1\) 的数据有误，无法计算 GROUPSUM\(销售额\)/,
    );
    expect(r.rows[2]!.团队奖).toBe("20.00");
    expect(r.run.errorCount).toBe(2);
    expect(summarizeRun(r.run).totals.get("应发工资")!.toFixed(2)).toBe("40.00");
  });

  it("explains a group value", () => {
    const r = evalItems(
      { inputs: { 销售额: { type: "money" } }, items: { 团队奖: "GROUPSUM(销售额) * 1%" } },
      [team("A1", "一组", { 销售额: "1000" }), team("A2", "一组", { 销售额: "500" })],
    );
    expect(sentenceOf(r.run, 0, "团队奖")).toBe("团队奖 = GROUPSUM(销售额) 1500 × 1% = 15.00");
  });
});

describe("prior-period state", () => {
  const p: MiniPolicy = {
    inputs: { 订单数: { type: "integer" } },
    calcs: { 团队订单: "GROUPSUM(订单数)" },
    state: {
      门槛: { scope: "团队", initial: 100, next: "IF(团队订单 > 门槛, ROUNDUP(门槛 * 105%, 0), 门槛)" },
      连续不及格: { scope: "员工", initial: 0, next: "IF(订单数 < 10, 连续不及格 + 1, 0)" },
    },
    items: { 订单奖: "5 * MAX(0, 团队订单 - 门槛)" },
  };
  it("starts from the initial value and carries the next value forward", () => {
    const rows = [team("A1", "一组", { 订单数: "60" }), team("A2", "一组", { 订单数: "50" })];
    const r1 = evalItems(p, rows);
    // 110 orders over 100 → 10 × 5
    expect(r1.rows[0]!.订单奖).toBe("50.00");
    expect(r1.run.nextState.groups).toEqual({ 团队: { 一组: { 门槛: "105" } } });
    const r2 = evalItems(p, rows, { prior: r1.run.nextState });
    // 110 over 105 → 5 × 5; next: 105 × 1.05 = 110.25 → 111
    expect(r2.rows[0]!.订单奖).toBe("25.00");
    expect(r2.run.nextState.groups).toEqual({ 团队: { 一组: { 门槛: "111" } } });
    expect(r2.run.nextState.employees).toEqual({ A1: { 连续不及格: "0" }, A2: { 连续不及格: "0" } });
  });
});

describe("run-level problems", () => {
  it("refuses a bad period and a month outside the holiday data", () => {
    const c = compileMini({ items: { 日薪: "100 / 本月工作日" } });
    const emps = [{ values: { 工号: "A1", 姓名: "甲" } }];
    const bad = runPayroll(c, { period: "2026-13", employees: emps });
    expect(bad.ok ? "" : bad.problem.zh).toBe("期间“2026-13”格式不对，应为 YYYY-MM，如 2026-10");
    const r = runPayroll(c, { period: "2027-01", employees: emps });
    expect(r.ok ? "" : r.problem.zh).toMatch(/节假日数据只覆盖 2004–2026 年，无法确定 2027-01 的工作日/);
    const fine = runPayroll(compileMini({ items: { 日薪: "100" } }), { period: "2027-01", employees: emps });
    expect(fine.ok).toBe(true);
  });
});
