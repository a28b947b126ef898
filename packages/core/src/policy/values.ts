/**
 * Parsing of scalar values written in policies and input files: money, ratios (`80%` or `0.8`), integers,
 * dates and booleans, with messages that say what is wrong.
 * @example parseScalar("75%", "ratio") // { ok: true, value: Dec 0.75 }
 */

import { daysFromCivil, daysInMonth } from "../formula/days.js";
import type { Val, ValueType } from "../formula/types.js";
import { Dec } from "../money/decimal.js";
import type { InputType } from "./schema.js";

export type ParseResult = { ok: true; value: Val } | { ok: false; zh: string; en: string };

const TYPE_NAME_ZH: Record<InputType, string> = {
  money: "金额",
  number: "数字",
  integer: "整数",
  ratio: "比例（如 80% 或 0.8）",
  text: "文本",
  date: "日期（YYYY-MM-DD）",
  boolean: "是/否",
};

/** The formula type of an input type. @example valueTypeOf("ratio") === "number" */
export function valueTypeOf(t: InputType): ValueType {
  if (t === "text" || t === "date" || t === "boolean") return t;
  return "number";
}

function decimal(text: string): Dec | null {
  const cleaned =
    text.includes(",") && /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text) ? text.replaceAll(",", "") : text;
  return Dec.tryParse(cleaned);
}

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Parses an ISO date (also 2026/10/01) to days; null when invalid. @example parseDate("2026-10-01") !== null */
export function parseDate(text: string): number | null {
  if (text.length === 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45) {
    const y = digits(text, 0, 4);
    const mo = digits(text, 5, 7);
    const d = digits(text, 8, 10);
    if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
    return daysFromCivil(y, mo, d);
  }
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return daysFromCivil(y, mo, d);
}

/**
 * Parses one non-blank text value as the given type.
 * @example parseScalar("1,234.50", "money") // ok, 1234.50
 */
function bad(text: string, type: InputType): ParseResult {
  return { ok: false, zh: `“${text}”不是${TYPE_NAME_ZH[type]}`, en: `"${text}" is not a valid ${type}` };
}

export function parseScalar(text: string, type: InputType): ParseResult {
  switch (type) {
    case "text":
      return { ok: true, value: text };
    case "boolean": {
      const t = text.toUpperCase();
      if (["是", "TRUE", "Y", "YES", "1", "√"].includes(t)) return { ok: true, value: true };
      if (["否", "FALSE", "N", "NO", "0", "×"].includes(t)) return { ok: true, value: false };
      return bad(text, type);
    }
    case "date": {
      const d = parseDate(text);
      return d === null ? bad(text, type) : { ok: true, value: d };
    }
    case "ratio": {
      if (text.endsWith("%")) {
        const d = decimal(text.slice(0, -1));
        return d ? { ok: true, value: d.div(Dec.HUNDRED) } : bad(text, type);
      }
      const d = decimal(text);
      return d ? { ok: true, value: d } : bad(text, type);
    }
    case "money": {
      const d = decimal(text);
      if (!d) return bad(text, type);
      if (d.s > 2 && !d.round(2, "down").eq(d)) {
        return {
          ok: false,
          zh: `金额“${text}”超过两位小数`,
          en: `amount "${text}" has more than 2 decimals`,
        };
      }
      return { ok: true, value: d };
    }
    case "integer": {
      const d = decimal(text);
      if (!d) return bad(text, type);
      if (!d.isInteger()) return { ok: false, zh: `“${text}”不是整数`, en: `"${text}" is not an integer` };
      return { ok: true, value: d };
    }
    case "number": {
      const d = decimal(text);
      return d ? { ok: true, value: d } : bad(text, type);
    }
  }
}

/** Parses a policy scalar (YAML value) as a type: numbers arrive as JS numbers and go through their text. */
export function parsePolicyScalar(v: string | number | boolean, type: InputType): ParseResult {
  if (typeof v === "boolean")
    return type === "boolean" ? { ok: true, value: v } : parseScalar(String(v), type);
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return { ok: false, zh: "数值无效", en: "invalid number" };
    return parseScalar(numberText(v), type);
  }
  return parseScalar(v.trim(), type);
}

/** Plain decimal text of a YAML number, without exponent notation. @example numberText(1e-7) === "0.0000001" */
export function numberText(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toFixed(20).replace(/\.?0+$/, "");
}
