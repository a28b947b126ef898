/**
 * Legal references of the labour-law checker, worded as in shared/statutory-cn.md §5–§6 (law and article).
 * @example LEGAL_REFS.overtime.zh === "《劳动法》第四十四条"
 */

/** A legal reference shown with a LABOR warning. @example const r: LegalRef = { zh: "《劳动法》第四十四条", en: "Labour Law art. 44" } */
export type LegalRef = { zh: string; en: string; url?: string };

/** Every reference the rules cite, by topic. @example LEGAL_REFS.probation.zh.includes("第二十条") */
export const LEGAL_REFS = {
  /** Overtime at ≥150 % (workday), ≥200 % (rest day without time off), ≥300 % (statutory holiday). */
  overtime: { zh: "《劳动法》第四十四条", en: "Labour Law art. 44" },
  /** Pay for normal work not below the local minimum (excluding overtime, special allowances, statutory welfare). */
  minimumWage: {
    zh: "《最低工资规定》（劳动和社会保障部令第21号）第十二条；《劳动法》第四十八条",
    en: "Minimum Wage Provisions (MOLSS Order No. 21) art. 12; Labour Law art. 48",
  },
  /** Only IIT, employee social insurance, court-ordered support and deductions allowed by law. */
  lawfulDeductions: {
    zh: "《工资支付暂行规定》（劳部发〔1994〕489号）第十五条",
    en: "Interim Provisions on Wage Payment (劳部发〔1994〕489号) art. 15",
  },
  /** Damages: at most 20 % of the month's wage, and what is left not below the local minimum. */
  damages: {
    zh: "《工资支付暂行规定》（劳部发〔1994〕489号）第十六条",
    en: "Interim Provisions on Wage Payment (劳部发〔1994〕489号) art. 16",
  },
  /** Clawback of pay already paid: not a lawful deduction; if taken from pay, within the damages limits. */
  clawback: {
    zh: "《工资支付暂行规定》（劳部发〔1994〕489号）第十五条、第十六条",
    en: "Interim Provisions on Wage Payment (劳部发〔1994〕489号) arts. 15 and 16",
  },
  /** Fines: the old basis was repealed; no statute authorises employer fines [B — practice varies]. */
  fines: {
    zh: "《企业职工奖惩条例》已由国务院令第516号废止（2008-01-15）；《工资支付暂行规定》第十五条；《劳动合同法》第四条",
    en: "Regulations on Rewards and Punishments for Enterprise Staff repealed by State Council Order No. 516 (2008-01-15); Interim Provisions on Wage Payment art. 15; Labour Contract Law art. 4",
  },
  /** Probation pay ≥ 80 % of the agreed wage (or of the lowest grade of the post) and ≥ the minimum wage. */
  probation: {
    zh: "《劳动合同法》第二十条；《劳动合同法实施条例》第十五条",
    en: "Labour Contract Law art. 20; Implementing Regulations of the Labour Contract Law art. 15",
  },
  /** Sick pay may be below the minimum wage but not below 80 % of it. */
  sickPay: { zh: "劳部发〔1995〕309号 第五十九条", en: "劳部发〔1995〕309号 art. 59" },
  /** Non-full-time work: hourly pay ≥ local hourly minimum; settled at least every 15 days. */
  nonFullTime: { zh: "《劳动合同法》第七十二条", en: "Labour Contract Law art. 72" },
  /** Non-full-time staff are employees: their pay is wages (工资薪金), not labour remuneration. */
  nonFullTimeTax: {
    zh: "《劳动合同法》第六十八条；《个人所得税法实施条例》第六条",
    en: "Labour Contract Law art. 68; IIT Law Implementing Regulations art. 6",
  },
  /** 月计薪天数 21.75: 日工资 = 月工资 ÷ 21.75, 小时工资 = 日工资 ÷ 8. */
  proration: {
    zh: "人社部发〔2025〕2号（月计薪天数 21.75）",
    en: "MOHRSS notice 人社部发〔2025〕2号 (21.75 paid days a month)",
    url: "https://www.gov.cn/zhengce/zhengceku/202501/content_6995777.htm",
  },
} as const satisfies Record<string, LegalRef>;
