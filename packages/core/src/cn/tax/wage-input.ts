/**
 * Input of cumulative wage withholding and its field-by-field validation (amounts as decimal strings).
 * @example validateWageInput({ taxYear: 2026, months: [{ month: 1, income: "30000" }] })
 */
import { Dec } from "../../money/decimal.js";
import {
  isTaxProblem,
  parseAmount,
  parseOptionalAmount,
  show,
  type TaxProblem,
  taxProblem,
} from "./tax-problem.js";

/** One month of wages at this employer; optional amounts may be omitted or null (= 0). */
export type WageMonthInput = {
  month: number;
  income: string;
  taxFreeIncome?: string | null;
  /** 专项扣除: employee share of 三险一金. */
  specialDeduction?: string | null;
  /** 专项附加扣除 of this month. */
  specialAdditionalDeduction?: string | null;
  /** When given: the cumulative 专项附加扣除 up to and including this month (late declaration); replaces the sum. */
  specialAdditionalDeductionCumulative?: string | null;
  /** 依法确定的其他扣除 (annuity, tax-favoured health insurance, individual pension…). */
  otherDeduction?: string | null;
  /** 减免税额 of this month. */
  reliefTax?: string | null;
};

/** A resident employee's wages at one employer in one tax year. */
export type WageInput = {
  taxYear: number;
  /** Month the employment began this year (1–12; default 1); months employed count from it. */
  hireMonth?: number | null;
  /** 公告2020年第13号: no wage income earlier this year → basic deduction 5000 × calendar month number. */
  firstWageIncomeOfYear?: boolean | null;
  /** 公告2020年第19号: prior year withheld monthly here with wages ≤ 60000 → basic deduction 60000 from January. */
  prevYearLowIncomeSimplified?: boolean | null;
  months: WageMonthInput[];
};

export type ValidWageMonth = {
  month: number;
  income: Dec;
  taxFree: Dec;
  special: Dec;
  sad: Dec;
  sadCumulative: Dec | null;
  other: Dec;
  relief: Dec;
};

export type ValidWageInput = {
  taxYear: number;
  hireMonth: number;
  firstWage: boolean;
  lowIncome: boolean;
  months: ValidWageMonth[];
};

const TOP_FIELDS = ["taxYear", "hireMonth", "firstWageIncomeOfYear", "prevYearLowIncomeSimplified", "months"];
const MONTH_FIELDS = [
  "month",
  "income",
  "taxFreeIncome",
  "specialDeduction",
  "specialAdditionalDeduction",
  "specialAdditionalDeductionCumulative",
  "otherDeduction",
  "reliefTax",
];
/** Optional amount fields of a month and the key they get in ValidWageMonth. */
const OPTIONAL_AMOUNTS = [
  ["taxFreeIncome", "taxFree"],
  ["specialDeduction", "special"],
  ["specialAdditionalDeduction", "sad"],
  ["otherDeduction", "other"],
  ["reliefTax", "relief"],
] as const;

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function unknownField(o: Obj, allowed: string[], prefix: string): TaxProblem | null {
  const bad = Object.keys(o).find((k) => !allowed.includes(k));
  if (bad === undefined) return null;
  return taxProblem(
    "UNKNOWN_FIELD",
    prefix ? `${prefix}.${bad}` : bad,
    `未知字段；可用的字段有 ${allowed.join("、")}`,
    `unknown field; allowed fields: ${allowed.join(", ")}`,
  );
}

function isMonthNumber(v: unknown): v is number {
  return typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= 12;
}

function badMonth(path: string, v: unknown): TaxProblem {
  return taxProblem(
    "INVALID_MONTH",
    path,
    `月份应为 1–12 的整数，实际为 ${show(v)}`,
    `month must be an integer 1–12, got ${show(v)}`,
  );
}

function optionalFlag(o: Obj, key: string): boolean | TaxProblem {
  const v = o[key];
  if (v === undefined || v === null) return false;
  if (typeof v === "boolean") return v;
  return taxProblem(
    "INVALID_INPUT",
    key,
    `应为 true 或 false，实际为 ${show(v)}`,
    `must be true or false, got ${show(v)}`,
  );
}

function validateMonth(
  raw: unknown,
  i: number,
  expected: number,
  seen: Set<number>,
): ValidWageMonth | TaxProblem {
  const at = `months[${i}]`;
  if (!isObj(raw))
    return taxProblem("INVALID_INPUT", at, "每个月应为一个对象", "each month must be an object");
  const unknown = unknownField(raw, MONTH_FIELDS, at);
  if (unknown) return unknown;
  const m = raw.month;
  if (!isMonthNumber(m)) return badMonth(`${at}.month`, m);
  if (seen.has(m)) {
    return taxProblem("MONTH_SEQUENCE", `${at}.month`, `月份 ${m} 重复`, `month ${m} appears twice`);
  }
  if (expected > 12) {
    return taxProblem(
      "MONTH_SEQUENCE",
      `${at}.month`,
      "一个纳税年度到 12 月为止，下一年度的工资应另行计算",
      "a tax year ends with month 12; the next year is calculated separately",
    );
  }
  if (m !== expected) {
    const zh =
      i === 0
        ? `第一个月应为入职月份 ${expected}，实际为 ${m}`
        : `月份应连续，此处应为 ${expected}，实际为 ${m}`;
    const en =
      i === 0
        ? `the first month must be the hire month ${expected}, got ${m}`
        : `months must be consecutive: expected ${expected}, got ${m}`;
    return taxProblem("MONTH_SEQUENCE", `${at}.month`, zh, en);
  }
  seen.add(m);
  const income = parseAmount(raw.income, `${at}.income`);
  if (isTaxProblem(income)) return income;
  const Z = Dec.ZERO;
  const out: ValidWageMonth = {
    month: m,
    income,
    taxFree: Z,
    special: Z,
    sad: Z,
    sadCumulative: null,
    other: Z,
    relief: Z,
  };
  for (const [field, key] of OPTIONAL_AMOUNTS) {
    const v = parseOptionalAmount(raw[field], `${at}.${field}`);
    if (isTaxProblem(v)) return v;
    out[key] = v;
  }
  const cum = raw.specialAdditionalDeductionCumulative;
  if (cum !== undefined && cum !== null) {
    const v = parseAmount(cum, `${at}.specialAdditionalDeductionCumulative`);
    if (isTaxProblem(v)) return v;
    out.sadCumulative = v;
  }
  return out;
}

/**
 * Checks every field and returns the input with exact amounts, or the first problem found.
 * @example isTaxProblem(validateWageInput({ taxYear: 2026, months: [{ month: 13, income: "1" }] })) === true
 */
export function validateWageInput(input: unknown): ValidWageInput | TaxProblem {
  if (!isObj(input))
    return taxProblem("INVALID_INPUT", "", "输入应为一个 JSON 对象", "input must be a JSON object");
  const unknown = unknownField(input, TOP_FIELDS, "");
  if (unknown) return unknown;
  const y = input.taxYear;
  if (typeof y !== "number" || !Number.isInteger(y) || y < 2019 || y > 2100) {
    return taxProblem(
      "INVALID_YEAR",
      "taxYear",
      `纳税年度应为 2019–2100 的整数（累计预扣法自 2019 年起施行），实际为 ${show(y)}`,
      `taxYear must be an integer 2019–2100 (cumulative withholding began in 2019), got ${show(y)}`,
    );
  }
  const h = input.hireMonth ?? 1;
  if (!isMonthNumber(h)) return badMonth("hireMonth", h);
  const firstWage = optionalFlag(input, "firstWageIncomeOfYear");
  if (isTaxProblem(firstWage)) return firstWage;
  const lowIncome = optionalFlag(input, "prevYearLowIncomeSimplified");
  if (isTaxProblem(lowIncome)) return lowIncome;
  if (firstWage && lowIncome) {
    return taxProblem(
      "CONFLICT",
      "prevYearLowIncomeSimplified",
      "不能与 firstWageIncomeOfYear 同时使用：公告2020年第19号适用于上年全年在本单位领薪的员工，公告2020年第13号适用于年度首次取得工资薪金的员工",
      "cannot be combined with firstWageIncomeOfYear: 公告2020年第19号 is for staff paid here all of last year, 公告2020年第13号 for a first wage income of the year",
    );
  }
  if (lowIncome && h !== 1) {
    return taxProblem(
      "CONFLICT",
      "prevYearLowIncomeSimplified",
      `公告2020年第19号的 6 万元减除费用自 1 月起适用，要求上年全年在本单位领薪，入职月份应为 1，实际为 ${h}`,
      `the 60000 deduction of 公告2020年第19号 applies from January to staff paid here all of last year; hireMonth must be 1, got ${h}`,
    );
  }
  const rawMonths = input.months;
  if (!Array.isArray(rawMonths) || rawMonths.length === 0) {
    return taxProblem(
      "INVALID_INPUT",
      "months",
      "应为至少包含一个月的数组",
      "must be an array with at least one month",
    );
  }
  const months: ValidWageMonth[] = [];
  const seen = new Set<number>();
  for (let i = 0; i < rawMonths.length; i++) {
    const m = validateMonth(rawMonths[i], i, h + i, seen);
    if (isTaxProblem(m)) return m;
    months.push(m);
  }
  return { taxYear: y, hireMonth: h, firstWage, lowIncome, months };
}
