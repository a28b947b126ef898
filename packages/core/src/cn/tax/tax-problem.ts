/**
 * Bad tax input is returned as a problem value (code, field path, Chinese and English message), never thrown.
 * Messages start with the field path so they can be shown on their own.
 * @example parseAmount("abc", "months[2].income") // → { kind: "tax-problem", code: "INVALID_AMOUNT", path: "months[2].income", … }
 */
import { Dec } from "../../money/decimal.js";

export type TaxProblemCode =
  | "INVALID_INPUT"
  | "UNKNOWN_FIELD"
  | "INVALID_AMOUNT"
  | "NEGATIVE_AMOUNT"
  | "TOO_MANY_DECIMALS"
  | "INVALID_YEAR"
  | "INVALID_MONTH"
  | "MONTH_SEQUENCE"
  | "CONFLICT"
  | "INVALID_DATE"
  | "OUT_OF_PERIOD";

export type TaxProblem = {
  kind: "tax-problem";
  code: TaxProblemCode;
  /** Field path, e.g. `months[2].income`; "" for the whole input. */
  path: string;
  zh: string;
  en: string;
};

/** Builds a problem; the messages get the path as prefix. @example taxProblem("INVALID_MONTH", "months[0].month", "月份错误", "bad month").zh === "months[0].month：月份错误" */
export function taxProblem(code: TaxProblemCode, path: string, zh: string, en: string): TaxProblem {
  return {
    kind: "tax-problem",
    code,
    path,
    zh: path ? `${path}：${zh}` : zh,
    en: path ? `${path}: ${en}` : en,
  };
}

/** Whether a result is a problem. @example isTaxProblem(withholdLaborRemuneration("-1")) === true */
export function isTaxProblem(v: unknown): v is TaxProblem {
  return typeof v === "object" && v !== null && (v as { kind?: unknown }).kind === "tax-problem";
}

/** Short text of any value for messages. */
export function show(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (v === undefined) return "（缺失）";
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/**
 * Parses a non-negative amount in yuan with at most two decimals (到分) from decimal text.
 * @example (parseAmount("30000.50", "income") as Dec).toFixed(2) === "30000.50"
 */
export function parseAmount(value: unknown, path: string): Dec | TaxProblem {
  if (typeof value === "number") {
    return taxProblem(
      "INVALID_AMOUNT",
      path,
      `金额应写成带引号的十进制字符串，如 "30000.00"（实际为数字 ${show(value)}）`,
      `amounts must be quoted decimal strings such as "30000.00" (got the number ${show(value)})`,
    );
  }
  const d = typeof value === "string" ? Dec.tryParse(value) : null;
  if (d === null) {
    return taxProblem(
      "INVALID_AMOUNT",
      path,
      `${show(value)} 不是有效的金额，应为十进制数字，如 "30000" 或 "30000.50"`,
      `${show(value)} is not a decimal amount (e.g. "30000" or "30000.50")`,
    );
  }
  if (d.sign() < 0) {
    return taxProblem(
      "NEGATIVE_AMOUNT",
      path,
      `金额不能为负数（实际为 ${value}）`,
      `amount must not be negative (got ${value})`,
    );
  }
  if (!d.round(2, "down").eq(d)) {
    return taxProblem(
      "TOO_MANY_DECIMALS",
      path,
      `金额最多两位小数（到分），实际为 ${value}`,
      `amount has more than two decimal places: ${value}`,
    );
  }
  return d;
}

/** Parses an optional amount: missing or null → 0. @example (parseOptionalAmount(null, "x") as Dec).isZero() */
export function parseOptionalAmount(value: unknown, path: string): Dec | TaxProblem {
  return value === undefined || value === null ? Dec.ZERO : parseAmount(value, path);
}

/** Amount text with two decimals. @example yuan(Dec.fromInt(555)) === "555.00" */
export function yuan(d: Dec): string {
  return d.toFixed(2);
}

/** Exact text, with at least two decimals (e.g. a taxable amount of 3200.008). @example exactYuan(Dec.parse("3200.008")) === "3200.008" */
export function exactYuan(d: Dec): string {
  return d.round(2, "down").eq(d) ? d.toFixed(2) : d.toString();
}
