/**
 * Generates a fake customer-service company for the demo and the benchmarks: agents in teams of ~15 with a
 * month of attendance, KPI and order figures for the welfare-6tier template. Deterministic (seeded), all fake.
 * @example generateCompany({ agents: 60, teamSize: 20, period: "2026-10", seed: 1 }).rows.length === 60
 */

import { countWorkdays } from "@xinsuan/core";

export type CompanyOptions = { agents: number; teamSize: number; period: string; seed: number };

/** Column order of the generated input table. */
export const COMPANY_COLUMNS = [
  "工号",
  "姓名",
  "团队",
  "部门",
  "职级",
  "用工类型",
  "入职日期",
  "离职日期",
  "出勤天数",
  "来电量",
  "接听量",
  "在线时长",
  "日志提交天数",
  "有效点评数",
  "成交金额",
  "有效订单数",
  "主管评分",
  "加分项数",
  "电话成交单数_已审批",
  "外拨成交金额",
  "缴费基数",
  "专项附加扣除",
] as const;

const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢";
const GIVEN =
  "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞婷雪琳晨阳宇浩然欣怡子涵梓轩雨佳思彤";
const GRADES: [string, number][] = [
  ["见习客服专员", 0.15],
  ["客服专员", 0.45],
  ["高级客服专员", 0.22],
  ["资深客服专员", 0.12],
  ["客服督导", 0.06],
];

/** A small fast seeded PRNG (mulberry32) for synthetic data; never used for money arithmetic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Generates rows of text cells keyed by COMPANY_COLUMNS. */
export function generateCompany(o: CompanyOptions): {
  columns: readonly string[];
  rows: Record<string, string>[];
} {
  const rnd = prng(o.seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const [y, m] = o.period.split("-").map(Number) as [number, number];
  const workdays = countWorkdays(y, m) ?? 21;
  const rows: Record<string, string>[] = new Array(o.agents);
  for (let i = 0; i < o.agents; i++) {
    const team = Math.floor(i / o.teamSize) + 1;
    let r = rnd();
    let grade = GRADES[GRADES.length - 1]![0];
    for (const [g, p] of GRADES) {
      if (r < p) {
        grade = g;
        break;
      }
      r -= p;
    }
    const partMonth = rnd() < 0.06;
    const days = partMonth ? int(5, workdays - 1) : workdays;
    const calls = int(300, 900) * (days / workdays);
    const answered = Math.floor(calls * (0.9 + rnd() * 0.1));
    const hireYear = y - int(0, 4);
    const hireMonth = hireYear === y ? int(1, m) : int(1, 12);
    const sales = int(4000, 22000);
    rows[i] = {
      工号: `A${String(i + 1).padStart(7, "0")}`,
      姓名:
        SURNAMES[int(0, SURNAMES.length - 1)]! +
        GIVEN[int(0, GIVEN.length - 1)]! +
        (rnd() < 0.5 ? GIVEN[int(0, GIVEN.length - 1)]! : ""),
      团队: `客服${team}组`,
      部门: `客服${Math.floor((team - 1) / 10) + 1}部`,
      职级: grade,
      用工类型: "全职",
      入职日期: `${hireYear}-${String(hireMonth).padStart(2, "0")}-${String(int(1, 28)).padStart(2, "0")}`,
      离职日期: "",
      出勤天数: String(days),
      来电量: String(Math.floor(calls)),
      接听量: String(answered),
      在线时长: (days * (5 + rnd() * 2.5)).toFixed(1),
      日志提交天数: String(Math.min(days, int(days - 3, days))),
      有效点评数: String(int(10, 40)),
      成交金额: `${sales}.${String(int(0, 99)).padStart(2, "0")}`,
      有效订单数: String(int(3, 14)),
      主管评分: String(int(10, 20)),
      加分项数: String(rnd() < 0.1 ? int(1, 3) : 0),
      电话成交单数_已审批: String(int(0, 6)),
      外拨成交金额: rnd() < 0.3 ? `${int(500, 6000)}.00` : "0",
      // Most contact-centre staff contribute at or near the floor; bases repeat, as in real payrolls.
      缴费基数: String(rnd() < 0.7 ? 7546 : int(76, 120) * 100),
      专项附加扣除: String(rnd() < 0.4 ? int(1, 4) * 1000 : 0),
    };
  }
  return { columns: COMPANY_COLUMNS, rows };
}

/**
 * A plausible prior-month tax ledger (上期结转) for generated staff: what a company switching to xinsuan in
 * mid-year imports once. Cumulative figures grow with the months employed this year; fake, never checked.
 * @example generateLedger(rows, "2026-10").employees.A0000001.个税年度 === "2026"
 */
export function generateLedger(
  rows: Record<string, string>[],
  period: string,
): { employees: Record<string, Record<string, string>> } {
  const [y, m] = period.split("-").map(Number) as [number, number];
  const employees: Record<string, Record<string, string>> = {};
  for (const r of rows) {
    const hired = r.入职日期 ?? "";
    const hy = Number(hired.slice(0, 4));
    const hm = Number(hired.slice(5, 7));
    const months = hy < y ? m - 1 : Math.max(0, m - hm);
    const base = Math.max(7546, Number(r.缴费基数 ?? 0));
    employees[r.工号 ?? ""] = {
      个税年度: String(y),
      个税累计收入: String(months * 4800),
      个税累计专项扣除: (months * base * 0.175).toFixed(2),
      个税累计专项附加扣除: String(months * Number(r.专项附加扣除 ?? 0)),
    };
  }
  return { employees };
}
