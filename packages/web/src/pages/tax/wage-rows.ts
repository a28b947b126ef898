/**
 * State of the wage calculator: the entered months as text, turned into core's WageInput, and a TaxProblem
 * mapped back to the month and field it is about.
 * @example toWageInput(settings, rows).months.length
 */
import type { TaxProblem, WageInput } from "@xinsuan/core";

/** One month as typed (decimal text). @example { income: "12000", special: "1500", sad: "2000" } */
export type WageRow = { income: string; special: string; sad: string };

/** The calculator's options. @example { taxYear: 2026, hireMonth: 1, firstWage: false, lowIncome: false } */
export type WageSettings = { taxYear: number; hireMonth: number; firstWage: boolean; lowIncome: boolean };

/** A editable field of a row. @example "income" */
export type WageField = keyof WageRow;

const FIELD_OF_PATH: Record<string, WageField> = {
  income: "income",
  specialDeduction: "special",
  specialAdditionalDeduction: "sad",
};

/** Twelve months filled with the same sample values. @example initialRows()[0]!.income === "12000" */
export function initialRows(): WageRow[] {
  return Array.from({ length: 12 }, () => ({ income: "12000", special: "1500", sad: "2000" }));
}

/** The calendar months that go into the calculation: hire month to the last month with an income. @example includedMonths(3, rows) */
export function includedMonths(hireMonth: number, rows: WageRow[]): number[] {
  let last = hireMonth - 1;
  for (let m = hireMonth; m <= 12; m++) if (rows[m - 1]?.income.trim()) last = m;
  return Array.from({ length: Math.max(0, last - hireMonth + 1) }, (_, i) => hireMonth + i);
}

function optional(text: string): string | null {
  return text.trim() === "" ? null : text.trim();
}

/** Builds core's input from the settings and rows. @example toWageInput(s, rows).taxYear === s.taxYear */
export function toWageInput(s: WageSettings, rows: WageRow[]): WageInput {
  return {
    taxYear: s.taxYear,
    hireMonth: s.hireMonth,
    firstWageIncomeOfYear: s.firstWage,
    prevYearLowIncomeSimplified: s.lowIncome,
    months: includedMonths(s.hireMonth, rows).map((month) => {
      const r = rows[month - 1] ?? { income: "", special: "", sad: "" };
      return {
        month,
        income: r.income.trim(),
        specialDeduction: optional(r.special),
        specialAdditionalDeduction: optional(r.sad),
      };
    }),
  };
}

/** The month and field a problem points at, or null for a problem about the whole input. @example locateProblem(p, 1) // { month: 3, field: "income" } */
export function locateProblem(p: TaxProblem, hireMonth: number): { month: number; field: WageField } | null {
  const m = /^months\[(\d+)\]\.(\w+)$/.exec(p.path);
  if (!m) return null;
  const field = FIELD_OF_PATH[m[2] ?? ""];
  return field ? { month: hireMonth + Number(m[1]), field } : null;
}
