import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatProblem } from "../formula/problems.js";
import { loadPolicyText } from "../policy/load.js";
import { LABOR_RULES, lintPolicy } from "./lint-policy.js";
import { lintYamlWhole, pointedText } from "./lint-test-kit.js";

/** A lawful policy using every lawful pattern the rules know, in Shanghai (minimum 2740, hourly 25). */
const LAWFUL = `id: lawful
name: 合法方案
version: 1
effectiveFrom: 2026-01-01
description: 全日制与非全日制（小时工）客服。非全日制按小时计酬，每周结算。
payCycle: 周
params:
  底薪标准: { value: 3000, type: money }
  试用期工资比例: { value: 80%, type: ratio }
  非全日制时薪: { value: 30, type: money }
  赔偿上限比例: { value: 20%, type: ratio }
  加班倍数: { value: 150%, type: ratio }
inputs:
  出勤天数: { type: number, default: 0 }
  事假天数: { type: number, default: 0 }
  病假天数: { type: number, default: 0 }
  工作小时: { type: number, default: 0 }
  工作日加班小时: { type: number, default: 0 }
  休息日加班小时: { type: number, default: 0 }
  法定节假日加班小时: { type: number, default: 0 }
  试用期: { type: boolean, default: false }
  损失金额: { type: money, default: 0 }
  迟到次数: { type: integer, default: 0 }
  旷工天数: { type: number, default: 0 }
calcs:
  月工资: IF(试用期, 底薪标准 * 试用期工资比例, 底薪标准)
  日工资: 月工资 / 21.75
items:
  - name: 底薪
    kind: earning
    formula: IF(用工类型 = "非全日制", 非全日制时薪 * 工作小时, PRORATE(月工资, "扣减", 事假天数))
  - name: 岗位津贴
    kind: earning
    formula: 500 * MIN(100%, 出勤天数 / 本月工作日)
  - name: 加班工资
    kind: earning
    formula: OVERTIME(月工资, 工作日加班小时, 休息日加班小时, 法定节假日加班小时)
  - name: 病假工资
    kind: earning
    formula: 病假天数 * 日工资 * 80%
  - name: 全勤奖
    kind: earning
    formula: IF(AND(迟到次数 = 0, 旷工天数 = 0), 200, 0)
  - name: 旷工扣薪
    kind: deduction
    formula: 旷工天数 * 日工资
  - name: 赔偿扣款
    kind: deduction
    formula: MIN(损失金额, 赔偿上限比例 * 月工资)
    explain: 因本人原因造成损失的赔偿，每月不超过当月工资的 20%
statutory:
  city: 上海
`;

describe("lintPolicy", () => {
  it("a lawful policy raises no warning", () => {
    const r = loadPolicyText(LAWFUL, "p.yaml");
    expect(r.problems).toEqual([]);
    expect(lintPolicy(r.policy!)).toEqual([]);
  });

  it("returns LABOR warnings with positions and references, formatted like other problems", () => {
    const text = LAWFUL.replace("赔偿上限比例 * 月工资", "50% * 月工资");
    const ps = lintPolicy(loadPolicyText(text, "p.yaml").policy!);
    // the 50% cap, and (the city being known) pay that can fall below the minimum after that deduction
    expect(ps.map((p) => [p.code, p.severity, p.at?.line, p.at?.column])).toEqual([
      ["LABOR", "warning", 49, 14],
      ["LABOR", "warning", 49, 24],
    ]);
    expect(ps[0]!.ref?.zh).toBe("《最低工资规定》（劳动和社会保障部令第21号）第十二条；《劳动法》第四十八条");
    expect(formatProblem(ps[1]!)).toMatch(
      /^p\.yaml:49:24 第49行第24列：赔偿扣款“赔偿扣款”的上限为当月工资的 50%.*（依据：《工资支付暂行规定》/,
    );
    expect(formatProblem(ps[1]!, "en")).toMatch(
      /^p\.yaml:49:24: damages deduction .*\(see Interim Provisions on Wage Payment/,
    );
  });

  it("lists every rule once, each with a reference", () => {
    const ids = LABOR_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([
      "fine",
      "damages",
      "clawback",
      "min-wage",
      "overtime",
      "probation",
      "sick-pay",
      "non-full-time",
      "proration",
    ]);
    expect(LABOR_RULES.every((r) => r.ref.zh.length > 0 && r.ref.en.length > 0)).toBe(true);
  });
});

/** Each warning of a template as [rule, YAML path, the text it points at]: stable when lines move. */
function templateWarnings(name: string): [string, string, string][] {
  const text = readFileSync(new URL(`../../../../templates/${name}/policy.yaml`, import.meta.url), "utf8");
  return lintYamlWhole(text).map((f) => [f.rule, f.problem.at?.path ?? "", pointedText(text, f.problem.at!)]);
}

describe("built-in templates", () => {
  it("welfare-6tier: base pay below the Shanghai minimum, and the uncapped training-pay clawback", () => {
    // statutory.city is 上海 (2,740 from 2025-07-01). Monthly base rows 1800/2000/2300/2500 are below it (the template's
    // note 11 expects this); 客服督导 3000 is not; 培训生 is paid 10 元 a day (not a monthly wage) and not compared.
    // Performance pay scales with the score, so it is not counted as fixed pay.
    // 培训补贴扣回 claws back all training pay already paid, with no cap: not a deduction allowed by art. 15, and taken
    // at once it can leave less than the minimum (art. 16 limits; min-wage after deductions).
    // Not warned: 出勤比例 = 出勤天数 ÷ 本月工作日 capped at 100% (lawful proration); 其他扣款 (a generic amount);
    // 见习客服专员 has no performance pay but 见习 is a grade here, not a probation ratio.
    expect(templateWarnings("welfare-6tier")).toEqual([
      ["min-wage", "tables.底薪标准.rows.见习客服专员", "1800"],
      ["min-wage", "tables.底薪标准.rows.客服专员", "2000"],
      ["min-wage", "tables.底薪标准.rows.高级客服专员", "2300"],
      ["min-wage", "tables.底薪标准.rows.资深客服专员", "2500"],
      ["clawback", "items.5.formula", "IF(见习期内离职, 已发培训补贴, 0)"],
      ["min-wage", "items.5.formula", "IF(见习期内离职, 已发培训补贴, 0)"],
    ]);
  });

  it("grade-tier-structure: fixed pay below the Shanghai minimum, and no performance pay in probation", () => {
    // 基本工资 800 + 津贴 300 are paid to everyone; grades H and I (客服 is H) have 级别工资 0, so with zero performance
    // pay a full month pays 1100 (+ seniority), below 2,740. A/B get 定额岗位工资 2000 on top (3100): not warned.
    // Probation (4阶, explained in the item) gets no performance pay and 阶系数 55%: e.g. grade D 800+300+495 = 1595
    // against 2075 after probation (3阶) = 77%, below 80%.
    expect(templateWarnings("grade-tier-structure")).toEqual([
      ["min-wage", "params.基本工资标准.value", "800"],
      ["probation", "items.3.formula", "0"],
    ]);
  });

  it("taobao-rules: each legal risk the template lists is warned at its line", () => {
    // No statutory.city: no minimum-wage comparison. The template's own "法律风险" list: unpaid overtime (text and the
    // unused 加班小时 input), sick days deducted at 100% (病假扣薪比例), base pay stopped for proxy clock-in, ÷ 30 ×
    // days worked for part months (基本工资, 伙食补贴), lateness over an hour deducted as a whole day's wage, and the
    // two fines (per lateness tier; 100 元 per absent day).
    expect(templateWarnings("taobao-rules")).toEqual([
      ["overtime", "description", "无加班费"],
      ["overtime", "inputs.加班小时", "加班小时"],
      ["sick-pay", "calcs.请假不计薪天数.formula", "病假天数 * 病假扣薪比例"],
      ["fine", "items.0.formula", "0"],
      ["proration", "items.0.formula", "月折算天数"],
      ["proration", "items.1.formula", "月折算天数"],
      ["fine", "items.4.formula", "月基本工资 * 旷工不计薪天数 / 月折算天数"],
      ["fine", "items.6.formula", "迟到5分钟内罚款 * 迟到早退5分钟内次数"],
      ["fine", "items.7.formula", "旷工罚款每天 * 旷工合计天数"],
    ]);
  });
});
