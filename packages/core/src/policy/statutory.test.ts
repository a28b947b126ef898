import { describe, expect, it } from "vitest";
import { explainPayslip } from "../engine/explain.js";
import { getPayslip, type PriorState, runPayroll } from "../engine/run.js";
import { compileMini, evalItems, type MiniPolicy, problemsOf } from "../engine/test-policy.js";
import { listWarnings } from "../engine/warnings.js";

const who = { 工号: "A1", 姓名: "张三", 入职日期: "2020-01-01" };
const SH: MiniPolicy = {
  inputs: { 月薪: { type: "money" }, 缺勤扣款额: { type: "money", default: 0 } },
  statutory: { city: "上海", housingFund: { rate: "7%" } },
  items: {
    基本工资: "月薪",
    缺勤扣款: { kind: "deduction", formula: "缺勤扣款额" },
  },
};

/** Runs months in order, carrying the state; returns each month's rows. */
function months(p: MiniPolicy, periods: string[], rows: Record<string, string>[][]) {
  let prior: PriorState | undefined;
  return periods.map((period, i) => {
    const r = evalItems(p, rows[i] ?? rows[0]!, { period, ...(prior ? { prior } : {}) });
    prior = r.run.nextState;
    return r;
  });
}

describe("statutory section: social insurance and housing fund", () => {
  it("computes Shanghai lines and the first month's tax", () => {
    const r = evalItems(SH, [{ ...who, 月薪: "10000", 缴费基数: "10000" }], { period: "2026-01" });
    expect(r.errors).toEqual([]);
    // 10000 × 8% = 800, × 2% = 200, × 0.5% = 50; HF 10000 × 7% = 700.
    // Tax: 10000 − 5000 − (800 + 200 + 50 + 700) = 3250 × 3% = 97.50. Net 10000 − 1750 − 97.50 = 8152.50.
    expect(r.rows[0]).toEqual({
      基本工资: "10000.00",
      缺勤扣款: "0.00",
      个人养老保险: "800.00",
      个人医疗保险: "200.00",
      个人失业保险: "50.00",
      个人住房公积金: "700.00",
      个人所得税: "97.50",
      应发工资: "10000.00",
      实发工资: "8152.50",
    });
  });

  it("clamps the base to the floor and cap of the period, and explains why with the source", () => {
    // 2026-06 Shanghai floor 7460 (from 2025-07): 7460 × 8% = 596.80; 2026-07 floor 7546: 603.68.
    const low = { ...who, 月薪: "5000", 缴费基数: "3000" };
    const june = evalItems(SH, [low], { period: "2026-06", prior: ledger(2026, {}) });
    const july = evalItems(SH, [low], { period: "2026-07", prior: ledger(2026, {}) });
    expect(june.rows[0]!.个人养老保险).toBe("596.80");
    expect(july.rows[0]!.个人养老保险).toBe("603.68");
    const line = explainPayslip(june.run, 0).lines.find((l) => l.name === "个人养老保险")!;
    expect(line.notes?.[0]).toMatch(/社保缴费基数 3000\.00 低于下限 7460\.00，按下限计算/);
    expect(line.notes?.join("\n")).toMatch(/个人养老保险：7460\.00 × 8% = 596\.80/);
    expect(line.notes?.join("\n")).toMatch(/来源：.*可信度/);
    // Above the 2026-07 cap 37731: 37731 × 8% = 3018.48.
    const high = evalItems(SH, [{ ...who, 月薪: "60000", 缴费基数: "60000" }], {
      period: "2026-07",
      prior: ledger(2026, {}),
    });
    expect(high.rows[0]!.个人养老保险).toBe("3018.48");
    const hf = explainPayslip(high.run, 0).lines.find((l) => l.name === "个人住房公积金")!;
    expect(hf.notes?.join("\n")).toMatch(/公积金缴存基数 60000\.00 高于上限/);
  });

  it("adds Beijing's 3 yuan to medical and rounds the housing fund to the yuan", () => {
    const bj = { ...SH, statutory: { city: "北京", housingFund: { rate: "12%" } } };
    const r = evalItems(bj, [{ ...who, 月薪: "12345", 缴费基数: "12345" }], { period: "2026-01" });
    // 12345 × 2% = 246.90 + 3 = 249.90; HF 12345 × 12% = 1481.40 → 1481.
    expect(r.rows[0]!.个人医疗保险).toBe("249.90");
    expect(r.rows[0]!.个人住房公积金).toBe("1481.00");
  });

  it("takes the employee's 参保城市 over the policy's city", () => {
    const r = evalItems(SH, [{ ...who, 月薪: "12345", 缴费基数: "12345", 参保城市: "北京" }], {
      period: "2026-01",
    });
    expect(r.rows[0]!.个人医疗保险).toBe("249.90");
  });

  it("leaves out staff the policy does not insure, and asks insured staff for their base", () => {
    const p = { ...SH, statutory: { city: "上海", socialInsurance: { applies: '职级 <> "培训生"' } } };
    const r = evalItems(
      p,
      [
        { ...who, 职级: "培训生", 月薪: "3000" },
        { ...who, 工号: "A2", 职级: "专员", 月薪: "6000" },
      ],
      { period: "2026-01" },
    );
    expect(r.rows[0]!.个人养老保险).toBe("0.00");
    expect(r.errors[0]).toMatch(/A2.*参加社保的员工须填写“缴费基数”列/);
    // Default scope: interns and non-full-time staff are not insured.
    const intern = evalItems(SH, [{ ...who, 用工类型: "实习", 月薪: "3000" }], { period: "2026-01" });
    expect(intern.errors).toEqual([]);
    expect(intern.rows[0]!.个人养老保险).toBe("0.00");
  });

  it("uses the policy's base formula when the column is blank", () => {
    const p = { ...SH, statutory: { city: "上海", socialInsurance: { base: "月薪" } } };
    const r = evalItems(p, [{ ...who, 月薪: "10000" }], { period: "2026-01" });
    expect(r.rows[0]!.个人养老保险).toBe("800.00");
  });

  it("adds the employer's cost as an info line when asked", () => {
    const p = { ...SH, statutory: { city: "上海", housingFund: { rate: "7%" }, employerCost: true } };
    const r = evalItems(p, [{ ...who, 月薪: "10000", 缴费基数: "10000" }], { period: "2026-01" });
    // 1600 + 900 + 50 + 20 (injury 0.2%) + HF 700 = 3270.
    expect(r.rows[0]!.单位社保公积金).toBe("3270.00");
    expect(r.rows[0]!.实发工资).toBe("8152.50");
  });
});

/** A prior ledger for A1 in a tax year. */
function ledger(year: number, v: Record<string, string>): PriorState {
  return { employees: { A1: { 个税年度: String(year), ...v } } };
}

describe("statutory section: cumulative withholding", () => {
  const STA: MiniPolicy = {
    inputs: { 月薪: { type: "money" } },
    statutory: { city: "上海", socialInsurance: false },
    items: { 基本工资: "月薪" },
  };

  it("reproduces the STA example month by month (555, 625, 1850)", () => {
    // 30000 − 5000 − 4500 − 2000 = 18500 a month: 555; 37000 × 10% − 2520 − 555 = 625; 55500: 3030 − 1180 = 1850.
    const row = { ...who, 月薪: "30000", 其他扣除: "4500", 专项附加扣除: "2000" };
    const r = months(STA, ["2026-01", "2026-02", "2026-03"], [[row]]);
    expect(r.map((m) => m.rows[0]!.个人所得税)).toEqual(["555.00", "625.00", "1850.00"]);
    const state = r[2]!.run.nextState.employees!.A1!;
    expect(state).toMatchObject({ 个税年度: "2026", 个税累计收入: "90000", 个税累计已预扣: "3030" });
    const tax = explainPayslip(r[1]!.run, 0);
    const d = (n: string) => tax.details.find((x) => x.name === n)?.sentence;
    expect(d("累计应纳税额")).toBe(
      "累计应纳税额 = MAX(0, ROUND(累计应纳税所得额 37000.00 × 适用税率 10% - 速算扣除数 2520.00, 2)) = 1180.00",
    );
    expect(d("已预扣税额")).toMatch(/个税累计已预扣 555\.00.*= 555\.00/);
  });

  it("starts again in January and refuses a missing ledger later in the year", () => {
    const row = { ...who, 月薪: "30000", 其他扣除: "4500", 专项附加扣除: "2000" };
    const prior = ledger(2025, { 个税累计收入: "330000", 个税累计已预扣: "30000" });
    const jan = evalItems(STA, [row], { period: "2026-01", prior });
    expect(jan.rows[0]!.个人所得税).toBe("555.00");
    const march = evalItems(STA, [row], { period: "2026-03" });
    expect(march.errors[0]).toMatch(/缺少本年个税累计台账/);
    // Hired this month: no ledger needed.
    const hired = evalItems(STA, [{ ...row, 入职日期: "2026-03-16" }], { period: "2026-03" });
    expect(hired.errors).toEqual([]);
    expect(hired.rows[0]!.个人所得税).toBe("555.00");
  });

  it("counts months from a mid-year hire, or from January under 公告2020年第13号", () => {
    const row = { ...who, 入职日期: "2026-07-10", 月薪: "12000" };
    // Hired July: 12000 − 5000 = 7000 × 3% = 210.
    expect(evalItems(STA, [row], { period: "2026-07" }).rows[0]!.个人所得税).toBe("210.00");
    // First wage income of the year: 5000 × 7 = 35000 ≥ 12000, nothing withheld.
    const first = { ...row, 本年首次取得工资薪金: "是" };
    expect(evalItems(STA, [first], { period: "2026-07" }).rows[0]!.个人所得税).toBe("0.00");
  });

  it("applies 公告2020年第19号: 60000 deducted from January", () => {
    const row = { ...who, 月薪: "8000", 上年低收入简化: "是" };
    const ms = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08"];
    const r = months(STA, ms, [[row]]);
    // Cumulative income reaches 64000 in August: 4000 × 3% = 120; nothing before.
    expect(r.map((m) => m.rows[0]!.个人所得税)).toEqual([...Array(7).fill("0.00"), "120.00"]);
  });

  it("withholds 0 in a month whose cumulative tax falls and catches up later", () => {
    const p: MiniPolicy = {
      ...STA,
      inputs: { 月薪: { type: "money" }, 扣回: { type: "money", default: 0 } },
      items: { 基本工资: "月薪", 扣回项: { kind: "deduction", formula: "扣回" } },
    };
    const r = months(
      p,
      ["2026-01", "2026-02", "2026-03"],
      [[{ ...who, 月薪: "20000" }], [{ ...who, 月薪: "0", 扣回: "9000" }], [{ ...who, 月薪: "20000" }]],
    );
    // Jan: 15000 × 3% = 450. Feb: 20000 − 9000 − 10000 = 1000 → 30 < 450: withhold 0.
    // Mar: 31000 − 15000 = 16000 × 3% = 480 − 450 = 30.
    expect(r.map((m) => m.rows[0]!.个人所得税)).toEqual(["450.00", "0.00", "30.00"]);
  });

  it("takes a late-declared cumulative special additional deduction instead of the monthly sum", () => {
    const base = { ...who, 月薪: "20000" };
    const r = months(
      STA,
      ["2026-01", "2026-02", "2026-03"],
      [[base], [base], [{ ...base, 累计专项附加扣除: "9000", 专项附加扣除: "3000" }]],
    );
    // Jan 15000 × 3% = 450; Feb 30000 → 900 − 450 = 450; Mar 60000 − 15000 − 9000 = 36000 → 1080 − 900 = 180.
    expect(r.map((m) => m.rows[0]!.个人所得税)).toEqual(["450.00", "450.00", "180.00"]);
    expect(r[2]!.run.nextState.employees!.A1!.个税累计专项附加扣除).toBe("9000");
  });

  it("taxes untaxed earnings as tax-free income and taxable deductions as less income", () => {
    const p: MiniPolicy = {
      ...STA,
      inputs: { 月薪: { type: "money" } },
      items: {
        基本工资: "月薪",
        独生子女费: { kind: "earning", formula: "10", taxable: false },
        缺勤扣款: { kind: "deduction", formula: "1000" },
        饭卡: { kind: "deduction", formula: "300", taxable: false },
      },
    };
    const r = evalItems(p, [{ ...who, 月薪: "20000" }], { period: "2026-01" });
    // 20000 − 1000 − 5000 = 14000 × 3% = 420 (the 10 tax-free and the 300 meal card change nothing).
    expect(r.rows[0]!.个人所得税).toBe("420.00");
  });

  it("withholds labour remuneration per payment when the policy says so", () => {
    const p = { ...STA, statutory: { city: "上海", socialInsurance: false, tax: "劳务报酬" } };
    // (3000 − 800) × 20% = 440.
    expect(evalItems(p, [{ ...who, 月薪: "3000" }], { period: "2026-03" }).rows[0]!.个人所得税).toBe(
      "440.00",
    );
  });

  it("computes the same in the batch and the row-by-row engine", () => {
    const compiled = compileMini(SH);
    const employees = [3000, 10000, 40000].map((n, i) => ({
      values: { ...who, 工号: `B${i}`, 月薪: String(n), 缴费基数: String(n) },
    }));
    const runs = (["batch", "scalar"] as const).map((mode) => {
      const r = runPayroll(compiled, { period: "2026-01", employees, mode });
      if (!r.ok) throw new Error(r.problem.zh);
      return employees.map((_, i) => getPayslip(r.run, i).net.toFixed(2));
    });
    expect(runs[0]).toEqual(runs[1]);
  });
});

describe("statutory section: problems", () => {
  it("refuses a policy name the section generates, at the statutory line", () => {
    const p = { ...SH, items: { ...SH.items, 个人所得税: { kind: "withholding", formula: "0" } } };
    expect(problemsOf(p)[0]).toMatch(/第\d+行第\d+列：“个人所得税”由法定项目（statutory）自动生成/);
  });

  it("points a bad base formula at its own position", () => {
    const p = { ...SH, statutory: { city: "上海", socialInsurance: { base: "月薪x" } } };
    expect(problemsOf(p)[0]).toMatch(/未知名称“月薪x”/);
  });
});

describe("statutory section: annual one-off bonus", () => {
  const P: MiniPolicy = {
    inputs: { 月薪: { type: "money" }, 年终奖金额: { type: "money", default: 0 } },
    statutory: { city: "上海", socialInsurance: false },
    items: {
      基本工资: "月薪",
      年终奖: { kind: "earning", formula: "年终奖金额", tax: "全年一次性奖金" },
    },
  };

  it("taxes the bonus on its own and leaves the wage ledger alone", () => {
    const r = evalItems(P, [{ ...who, 月薪: "10000", 年终奖金额: "36000" }], { period: "2026-01" });
    // Bonus 36000 ÷ 12 = 3000 → 3%: 1080.00. Wages 10000 − 5000 = 5000 × 3% = 150.00.
    expect(r.rows[0]).toMatchObject({ 年终奖: "36000.00", 年终奖个税: "1080.00", 个人所得税: "150.00" });
    expect(r.run.nextState.employees!.A1!.个税累计收入).toBe("10000");
    expect(listWarnings(r.run)).toEqual([]);
  });

  it("warns when the bonus falls in a tax-trap zone, with the amount to pay instead", () => {
    const r = evalItems(P, [{ ...who, 月薪: "10000", 年终奖金额: "36001" }], { period: "2026-01" });
    // 36001 → 10%: 3600.10 − 210 = 3390.10; paying 36000 leaves 34920 net, more than 36001 − 3390.10 = 32610.90.
    expect(r.rows[0]!.年终奖个税).toBe("3390.10");
    expect(listWarnings(r.run).map((w) => w.zh)).toEqual([
      "全年一次性奖金 36001.00 落在“多发少得”区间：改发 36000.00 元，税后收入反而更多",
    ]);
  });
});
