/**
 * The words the labour-law rules recognise in names and texts. Policies carry no tags, so rules work from these.
 * @example EVENT_WORD.test("迟到次数") === true
 */

/** A fine in a name: 罚款, 罚金, 扣罚 … @example FINE_WORD.test("迟到罚款") */
export const FINE_WORD = /罚/;
/** A fine in an explanation or description. @example FINE_TEXT.test("违纪处罚") */
export const FINE_TEXT = /罚款|罚金|扣罚|罚扣|处罚/;
/** A counted event that fixed-amount deductions typically charge. @example EVENT_WORD.test("旷工天数") */
export const EVENT_WORD = /迟到|早退|旷工|缺勤次数|违纪|代打卡|违规|投诉|差评|漏打卡|未打卡|忘打卡|缺卡/;
/** Events on a day the employee worked (lateness, a forgotten punch, complaints): never worth a day's wage. @example PART_DAY_EVENT_WORD.test("迟到超1小时次数") */
export const PART_DAY_EVENT_WORD = /迟到|早退|漏打卡|忘打卡|违纪|违规|投诉|差评/;
/** Names that are amounts or rates, not counts (迟到扣款 is money, 投诉率 a rate). @example NOT_A_COUNT.test("迟到扣款") */
export const NOT_A_COUNT = /扣|款|罚|金额|工资|薪|费|奖|补贴|比例|率|系数|标准/;

/** A daily wage by name. @example DAILY_RATE_WORD.test("日工资") */
export const DAILY_RATE_WORD = /日工资|日薪|日均工资|每日工资|每天工资|日标准工资|日基本工资/;
/** An hourly wage by name. @example HOURLY_RATE_WORD.test("时薪") */
export const HOURLY_RATE_WORD = /时薪|小时工资|每小时工资|小时标准工资/;
/** Context names that turn a monthly wage into a daily one when divided by. @example DAILY_DIVISOR_NAMES.has("计薪天数") */
export const DAILY_DIVISOR_NAMES = new Set(["计薪天数", "本月工作日", "本月天数"]);
/** Context names that turn a monthly wage into an hourly one when divided by. @example HOURLY_DIVISOR_NAMES.has("月工作小时") */
export const HOURLY_DIVISOR_NAMES = new Set(["月工作小时"]);
/** Literal divisors of a monthly wage giving a daily wage (21.75, old 20.83, calendar 30 …). @example DAILY_DIVISORS.includes("21.75") */
export const DAILY_DIVISORS = ["21.75", "20.67", "20.83", "22", "26", "30", "31"];
/** Literal divisors of a monthly wage giving an hourly wage (174 paid hours, 165.33 / 166.64 working hours). @example HOURLY_DIVISORS.includes("174") */
export const HOURLY_DIVISORS = ["174", "165.33", "166.64"];

/** A full-time monthly wage component by name. @example BASE_PAY_WORD.test("底薪标准") */
export const BASE_PAY_WORD = /底薪|基本工资|基本薪资|基本岗位工资|岗位工资|岗位薪资|月薪|固定工资|固定薪资/;
/** Names that are not a full-time monthly wage (trainee day pay, hourly part-time pay). @example NOT_MONTHLY.test("培训日薪") */
export const NOT_MONTHLY = /日薪|日工资|时薪|小时|每天|每日|培训|实习|非全日制|兼职|小时工/;

/** Overtime in a name. @example OVERTIME_WORD.test("工作日加班小时") */
export const OVERTIME_WORD = /加班/;
/** Overtime names that are not hours or days worked (加班费, 加班餐补, 加班倍数 …). @example OVERTIME_NOT_QUANTITY.test("加班费") */
export const OVERTIME_NOT_QUANTITY =
  /费|工资|报酬|补贴|补助|奖|金额|餐|饭|车|交通|申请|审批|倍|系数|比例|率|标准|单价/;
/** Overtime on a statutory holiday (≥300 %). @example HOLIDAY_WORD.test("法定节假日加班小时") */
export const HOLIDAY_WORD = /法定|节假日|节日|假日|春节|国庆/;
/** Overtime on a rest day (≥200 %). @example REST_DAY_WORD.test("休息日加班小时") */
export const REST_DAY_WORD = /休息日|双休|周末|公休|周六|周日|星期六|星期日|礼拜/;
/** A ratio-like overtime param name (加班倍数, 加班系数 …). @example RATIO_WORD.test("加班倍数") */
export const RATIO_WORD = /倍|系数|比例|比率|费率/;
/** Texts that say overtime is not paid. @example UNPAID_OVERTIME_TEXT.test("加班不另付加班费") */
export const UNPAID_OVERTIME_TEXT =
  /不(?:另行?)?(?:支付|计发|发放|付|给|计算|计)加班(?:费|工资|报酬)|加班(?:费|工资|报酬)?(?:一律)?不(?:予|另行?)?(?:支付|计发|发放|计算|结算|计薪|计费)|无加班(?:费|工资|报酬)|加班(?:一律)?无(?:加班)?(?:费|工资|报酬)|加班不计(?!入)|义务加班|不另付加班费/;

/** Probation by name. @example PROBATION_WORD.test("试用期工资比例") */
export const PROBATION_WORD = /试用/;
/** A condition that tells probation from confirmed staff (试用期, 转正日期). @example PROBATION_CONDITION.test("转正日期") */
export const PROBATION_CONDITION = /试用|转正/;
/** Probation names that are lengths or dates, not pay ratios. @example NOT_A_RATIO.test("试用期月数") */
export const NOT_A_RATIO = /期限|月数|天数|时长|月份|日期|期数/;
/** Core pay items for which "none during probation" matters (not bonuses or allowances). @example CORE_PAY_WORD.test("绩效工资") */
export const CORE_PAY_WORD = /工资|底薪|薪/;
/** Bonus or allowance names. @example BONUS_WORD.test("全勤奖") */
export const BONUS_WORD = /奖|补|津贴/;

/** Sick leave. @example SICK_WORD.test("病假天数") */
export const SICK_WORD = /病假/;
/** The local minimum wage by name (病假工资 = 最低工资 × 80 % …). @example MIN_WAGE_WORD.test("最低工资标准") */
export const MIN_WAGE_WORD = /最低工资/;

/** Non-full-time staff (小时工, but not 小时工资). @example NON_FULL_TIME_WORD.test("非全日制") && !NON_FULL_TIME_WORD.test("小时工资") */
export const NON_FULL_TIME_WORD = /非全日制|兼职|小时工(?!资)/;
/** An hourly pay rate by name. @example HOURLY_PAY_WORD.test("兼职时薪") */
export const HOURLY_PAY_WORD = /时薪|小时工资|每小时|小时单价|小时费率|计时工资|小时报酬/;
/** Hours worked by name. @example HOURS_WORD.test("工作小时") */
export const HOURS_WORD = /小时|工时|时长/;

/** Days actually worked (a full month is about 21–23, never 30). @example WORKED_DAYS_WORD.test("出勤天数") */
export const WORKED_DAYS_WORD = /出勤|工作天数|实际工作日|工作日数|上班天数/;
/** Calendar-day names (本月天数 …). @example CALENDAR_DAYS_WORD.test("本月天数") */
export const CALENDAR_DAYS_WORD = /本月天数|当月天数|日历天数|自然日|本月日历/;
/** Ratio-like names, excluded from day counts. @example RATIO_NAME.test("出勤比例") */
export const RATIO_NAME = /比例|率|系数/;

/** Damages charged to the employee. @example DAMAGES_WORD.test("设备损坏赔偿") */
export const DAMAGES_WORD = /赔偿|赔款|损失|损坏|赔付|丢失|损毁/;
/** Clawback of money already paid. @example CLAWBACK_WORD.test("培训补贴扣回") */
export const CLAWBACK_WORD = /扣回|追回|返还|退还|收回|追缴/;

/**
 * Index of the first match of `re` in `text` that is not negated just before (不是罚款, 不得罚款, 禁止任何罚款), or -1.
 * @example unnegatedIndex("本项不是罚款", /罚款/) === -1 && unnegatedIndex("迟到罚款", /罚款/) === 2
 */
export function unnegatedIndex(text: string, re: RegExp): number {
  const g = new RegExp(re.source, "g");
  for (const m of text.matchAll(g)) {
    const before = text.slice(Math.max(0, m.index - 4), m.index);
    const clause = before.split(/[，。；,;、\n]/).pop() ?? "";
    if (!/不|无|禁止|严禁|取消|免|非|没有/.test(clause)) return m.index;
  }
  return -1;
}
