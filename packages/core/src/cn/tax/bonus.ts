/**
 * Separate taxation of the annual one-off bonus (全年一次性奖金, 财税〔2018〕164号 第一条第（一）项, extended to
 * 2027-12-31 by 财政部 税务总局公告2023年第30号), with the “tax trap” warning just above each bracket boundary.
 * @example (taxAnnualBonus("36001") as BonusResult).tax.toFixed(2) === "3390.10"
 */
import { Dec } from "../../money/decimal.js";
import { isTaxProblem, parseAmount, type TaxProblem, taxProblem, yuan } from "./tax-problem.js";
import { findBracket, MONTHLY_TABLE, type TaxBracket } from "./tax-tables.js";

/** Last day the separate method may be used (公告2023年第30号). */
export const BONUS_VALID_UNTIL = "2027-12-31";
/** First day of the separate method in its current form (财税〔2018〕164号). */
export const BONUS_VALID_FROM = "2019-01-01";

const TWELVE = Dec.fromInt(12);
const FEN = Dec.parse("0.01");

/** A range just above a boundary where the employee nets no more than at the boundary itself. */
export type BonusDeadZone = {
  /** 12 × a monthly-table threshold, e.g. 36000. */
  boundary: Dec;
  /** Largest amount (to the 分) whose net, after the rounded tax, is ≤ the net at the boundary. */
  zoneEnd: Dec;
  taxAtBoundary: Dec;
  netAtBoundary: Dec;
};

export type BonusTrap = {
  boundary: Dec;
  zoneEnd: Dec;
  /** Tax at the amount minus tax at the boundary. */
  extraTax: Dec;
  payInstead: Dec;
  netAtAmount: Dec;
  netAtBoundary: Dec;
  zh: string;
};

export type BonusResult = {
  amount: Dec;
  /** amount ÷ 12, to 10 places (only used to show the bracket; the lookup compares amount with 12 × threshold). */
  monthlyEquivalent: Dec;
  rate: string;
  quickDeduction: Dec;
  tax: Dec;
  net: Dec;
  trap: BonusTrap | null;
  validUntil: typeof BONUS_VALID_UNTIL;
  zh: string;
  source: string;
};

function bracketOf(amount: Dec): TaxBracket {
  return findBracket(MONTHLY_TABLE, amount, TWELVE);
}

/** Tax = amount × rate − one quick deduction, rounded half-up to the 分. */
function taxOf(amount: Dec): Dec {
  const b = bracketOf(amount);
  return amount.mul(b.rate).sub(b.quickDeduction).round(2, "half-up");
}

function netOf(amount: Dec): Dec {
  return amount.sub(taxOf(amount));
}

let zones: readonly BonusDeadZone[] | null = null;

/**
 * The six dead zones, computed from the monthly table: above boundary B the net is x × (1 − r) + q of the next
 * row, which reaches the net at B at x = (net(B) − q) ÷ (1 − r); zoneEnd is then settled on the rounded tax.
 * @example bonusDeadZones()[0]!.zoneEnd.toFixed(2) === "38566.67"
 */
export function bonusDeadZones(): readonly BonusDeadZone[] {
  if (zones) return zones;
  const out: BonusDeadZone[] = [];
  const rows = MONTHLY_TABLE.brackets;
  for (let i = 0; i + 1 < rows.length; i++) {
    const upTo = rows[i]!.upTo!;
    const next = rows[i + 1]!;
    const boundary = upTo.mul(TWELVE);
    const taxAtBoundary = taxOf(boundary);
    const netAtBoundary = boundary.sub(taxAtBoundary);
    const crossing = netAtBoundary.sub(next.quickDeduction).div(Dec.ONE.sub(next.rate));
    let end = crossing.round(2, "floor");
    // The net rises by 0 or 1 分 per 分 of bonus, so a step or two settles the end on the rounded tax.
    while (netOf(end).gt(netAtBoundary)) end = end.sub(FEN);
    while (netOf(end.add(FEN)).lte(netAtBoundary)) end = end.add(FEN);
    out.push({ boundary, zoneEnd: end, taxAtBoundary, netAtBoundary });
  }
  zones = out;
  return out;
}

function trapOf(amount: Dec, tax: Dec): BonusTrap | null {
  const z = bonusDeadZones().find((d) => amount.gt(d.boundary) && amount.lte(d.zoneEnd));
  if (!z) return null;
  const net = amount.sub(tax);
  const extraTax = tax.sub(z.taxAtBoundary);
  const B = yuan(z.boundary);
  const netText = net.eq(z.netAtBoundary)
    ? `税后 ${yuan(net)} 元与发 ${B} 元时相同，多发的 ${yuan(amount.sub(z.boundary))} 元全部成了税`
    : `税后 ${yuan(net)} 元反而比发 ${B} 元时的 ${yuan(z.netAtBoundary)} 元少 ${yuan(z.netAtBoundary.sub(net))} 元`;
  const zh =
    `奖金 ${yuan(amount)} 元落在临界点 ${B} 元之上的多缴税区间（${B}，${yuan(z.zoneEnd)}]：` +
    `税额 ${yuan(tax)} 元，比发 ${B} 元多缴 ${yuan(extraTax)} 元，${netText}。` +
    `建议改发 ${B} 元，或发放超过 ${yuan(z.zoneEnd)} 元。`;
  return {
    boundary: z.boundary,
    zoneEnd: z.zoneEnd,
    extraTax,
    payInstead: z.boundary,
    netAtAmount: net,
    netAtBoundary: z.netAtBoundary,
    zh,
  };
}

function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

function checkPaidOn(paidOn: unknown): TaxProblem | null {
  if (paidOn === undefined || paidOn === null) return null;
  if (typeof paidOn !== "string" || !isIsoDate(paidOn)) {
    return taxProblem(
      "INVALID_DATE",
      "paidOn",
      `发放日期应为 YYYY-MM-DD 格式的有效日期，实际为 ${JSON.stringify(paidOn)}`,
      `paidOn must be a valid YYYY-MM-DD date, got ${JSON.stringify(paidOn)}`,
    );
  }
  if (paidOn > BONUS_VALID_UNTIL) {
    return taxProblem(
      "OUT_OF_PERIOD",
      "paidOn",
      `全年一次性奖金单独计税政策执行至 ${BONUS_VALID_UNTIL}（财政部 税务总局公告2023年第30号），${paidOn} 发放的奖金应并入当年综合所得计税，除非政策再次延期`,
      `separate taxation of the annual bonus runs until ${BONUS_VALID_UNTIL} (公告2023年第30号); a bonus paid on ${paidOn} is taxed with comprehensive income unless the policy is extended`,
    );
  }
  if (paidOn < BONUS_VALID_FROM) {
    return taxProblem(
      "OUT_OF_PERIOD",
      "paidOn",
      `财税〔2018〕164号的单独计税方法自 ${BONUS_VALID_FROM} 起施行，${paidOn} 不适用`,
      `the separate method of 财税〔2018〕164号 applies from ${BONUS_VALID_FROM}; ${paidOn} is earlier`,
    );
  }
  return null;
}

/**
 * Tax on an annual one-off bonus taxed separately, with the dead-zone warning; a problem for bad input.
 * @example (taxAnnualBonus("37000") as BonusResult).trap?.payInstead.toFixed(2) === "36000.00"
 */
export function taxAnnualBonus(
  amount: string,
  opts: { paidOn?: string | null } = {},
): BonusResult | TaxProblem {
  const a = parseAmount(amount, "amount");
  if (isTaxProblem(a)) return a;
  const dateProblem = checkPaidOn(opts.paidOn);
  if (dateProblem) return dateProblem;
  const b = bracketOf(a);
  const tax = taxOf(a);
  const monthly = a.div(TWELVE);
  const monthlyText = monthly.round(2).eq(monthly) ? `= ${yuan(monthly)}` : `≈ ${monthly.toFixed(4)}`;
  const qd = b.quickDeduction.toString();
  const rate = b.rate.toPercent();
  const zh =
    `全年一次性奖金 ${yuan(a)} 元 ÷ 12 ${monthlyText} 元，查按月换算后的综合所得税率表：税率 ${rate}，速算扣除数 ${qd}；` +
    `应纳税额 = ${yuan(a)} × ${rate} − ${qd} = ${yuan(tax)}（单独计税：不减除费用，只减一次速算扣除数）`;
  return {
    amount: a,
    monthlyEquivalent: monthly,
    rate,
    quickDeduction: b.quickDeduction,
    tax,
    net: a.sub(tax),
    trap: trapOf(a, tax),
    validUntil: BONUS_VALID_UNTIL,
    zh,
    source: b.source,
  };
}
