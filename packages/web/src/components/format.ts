/**
 * Display helpers for decimal strings, periods and timestamps (no floats: amounts stay text).
 * @example formatMoney("8250.5") === "8,250.50"
 */
import type { Lang } from "../i18n";

const NUMERIC = /^(-?)(\d+)(?:\.(\d+))?$/;

function group(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** An amount with thousands separators and two decimals (pads, never rounds longer text). @example formatMoney("-1234") === "-1,234.00" */
export function formatMoney(value: string | null | undefined): string {
  if (value === null || value === undefined) return "—";
  const m = NUMERIC.exec(value.trim());
  if (!m) return value;
  const frac = (m[3] ?? "").padEnd(2, "0");
  return `${m[1]}${group(m[2] ?? "0")}.${frac}`;
}

/** A numeric text with thousands separators, decimals kept as given; other text unchanged. @example formatNumber("12345.678") === "12,345.678" */
export function formatNumber(value: string): string {
  const m = NUMERIC.exec(value.trim());
  if (!m) return value;
  return `${m[1]}${group(m[2] ?? "0")}${m[3] !== undefined ? `.${m[3]}` : ""}`;
}

/** Whether a decimal text is negative. @example isNegative("-0.01") === true */
export function isNegative(value: string): boolean {
  return /^-\d/.test(value.trim()) && !/^-0+(\.0+)?$/.test(value.trim());
}

/** "2026-05" as 2026年5月 / May 2026. @example formatPeriod("2026-05", "zh-CN") === "2026年5月" */
export function formatPeriod(period: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (!m) return period;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  if (lang === "zh-CN") return `${y}年${mo}月`;
  return new Date(Date.UTC(y, mo - 1, 1)).toLocaleDateString("en-US", {
    year: "numeric",
    month: "long",
    timeZone: "UTC",
  });
}

/** A timestamp in the user's time zone. @example formatDateTime("2026-06-05T02:00:00Z", "zh-CN") */
export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(lang, {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  });
}
