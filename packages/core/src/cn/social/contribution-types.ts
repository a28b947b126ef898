/**
 * Types of the contribution calculator: its input, its result (amounts as decimal text) and its problems.
 * @example const r: Contributions | ContributionsProblem = computeContributions(input)
 */
import type { Missing, SourceRef } from "./figures.js";
import type { SiHfData } from "./schema.js";

/** A social-insurance item. @example const i: SiItem = "pension" */
export type SiItem = "pension" | "medical" | "unemployment" | "injury";
/** Chinese names of the items. @example ITEM_ZH.pension === "养老保险" */
export const ITEM_ZH: Record<SiItem, string> = {
  pension: "养老保险",
  medical: "医疗保险",
  unemployment: "失业保险",
  injury: "工伤保险",
};
/** Items the employee pays. @example EMPLOYEE_ITEMS.includes("pension") */
export const EMPLOYEE_ITEMS = ["pension", "medical", "unemployment"] as const;
/** Items the employer pays (work injury is employer-only). @example EMPLOYER_ITEMS.includes("injury") */
export const EMPLOYER_ITEMS = ["pension", "medical", "unemployment", "injury"] as const;

/** Input of computeContributions. @example const i: ContributionsInput = { city: "上海", period: "2025-07", base: "7777", hfRate: "7%" } */
export type ContributionsInput = {
  /** 上海, shanghai, 310000 or an alias. */
  city: string;
  /** YYYY-MM; the data entry in force on the 1st of the month applies. */
  period: string;
  /** The employee's contribution base (元), decimal text. */
  base: string;
  /** Housing-fund base when it differs from `base`. */
  hfBase?: string;
  /** Housing-fund rate, `7%` or `0.07`; the city's minimum when absent (said in the explanation). */
  hfRate?: string;
  /** Tenant data (validated with parseSiHfData) merged over the built-in data. */
  overrides?: SiHfData;
};

/** Problem codes. @example const c: ContributionsProblemCode = "PERIOD_NOT_COVERED" */
export type ContributionsProblemCode =
  | "CITY_UNKNOWN"
  | "PERIOD_INVALID"
  | "PERIOD_NOT_COVERED"
  | "BASE_INVALID"
  | "HF_RATE_INVALID"
  | "HF_RATE_OUT_OF_RANGE"
  | "NOT_CONFIGURED"
  | "DATA_INVALID";

/** Why nothing was calculated; `option` names the input at fault. @example if (!r.ok) console.log(r.option, r.zh) */
export type ContributionsProblem = {
  ok: false;
  code: ContributionsProblemCode;
  option?: "city" | "period" | "base" | "hfBase" | "hfRate";
  zh: string;
  en: string;
};

/** One month's contributions; amounts are 2-place decimal text, null where the data lacks an employer figure. @example r.employee.pension === "622.16" */
export type Contributions = {
  ok: true;
  city: { id: string; name: string };
  period: string;
  dataVersion: string;
  bases: {
    socialInsurance: string;
    housingFund: string;
    clampedFrom?: string;
    why: string;
    hfClampedFrom?: string;
    hfWhy: string;
    /** Per-item SI bases, present when the city's items have different bounds (Shenzhen). */
    byItem?: Record<SiItem, string | null>;
  };
  employee: { pension: string; medical: string; unemployment: string; housingFund: string };
  employer: {
    pension: string | null;
    medical: string | null;
    unemployment: string | null;
    injury: string | null;
    housingFund: string;
  };
  /** Rates used, as fractions ("0.08"); medicalFixed is the fixed monthly amount added to employee medical. */
  rates: {
    employee: { pension: string; medical: string; medicalFixed: string | null; unemployment: string };
    employer: Record<SiItem, string | null>;
    housingFund: string;
    hfRateDefaulted: boolean;
  };
  sources: SourceRef[];
  /** Employer figures the data lacks (employee figures missing make the whole calculation a problem). */
  notConfigured: Missing[];
  /** Chinese explanation lines. */
  zh: string[];
};
