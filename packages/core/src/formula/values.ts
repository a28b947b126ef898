/**
 * Formatting and keying of runtime values for explanations, messages and table lookups.
 * @example formatValue(Dec.parse("0.75"), "ratio") === "75%"
 */
import { Dec } from "../money/decimal.js";
import { civilFromDays } from "./days.js";
import type { Display } from "./scope.js";
import type { Val } from "./types.js";

/** Whole days since 1970-01-01 to ISO date text. @example daysToIso(0) === "1970-01-01" */
export function daysToIso(days: number): string {
  const [y, m, d] = civilFromDays(days);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Renders a value for a person: money with 2 decimals, ratios as percentages, dates as ISO. */
export function formatValue(v: Val, display: Display): string {
  if (v === null) return "（空）";
  if (v instanceof Dec) {
    if (display === "money") return v.toFixed(2);
    if (display === "ratio") return v.toPercent();
    return v.toString();
  }
  if (typeof v === "boolean") return v ? "是" : "否";
  if (typeof v === "number") return daysToIso(v);
  return v;
}

/** Normalised key text for table lookups: numbers without trailing zeros. @example keyText(Dec.parse("3.0")) === "3" */
export function keyText(v: Val): string {
  if (v instanceof Dec) return v.toString();
  if (typeof v === "number") return daysToIso(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return v ?? "";
}
