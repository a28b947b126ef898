/**
 * Steps of the contribution calculation: find the data entry in force, read base bounds and clamp the base per
 * item, format a product line, build problems.
 * @example lookupEntry(city.siBases, "2025-07-01", where, { zh: "社保基数", en: "social-insurance base", key: "siBase" }, city)
 */
import type { Dec } from "../../money/decimal.js";
import {
  type ContributionsProblem,
  type ContributionsProblemCode,
  EMPLOYER_ITEMS,
  ITEM_ZH,
  type SiItem,
} from "./contribution-types.js";
import { coverageText, type Dated, findEffective } from "./dates.js";
import { type Clamped, clampBase, type FigureTracker } from "./figures.js";
import type { Range, SiHfCity } from "./schema.js";

type Fail = ContributionsProblem;

/** A problem result. @example fail("CITY_UNKNOWN", "city", "未知城市", "unknown city").ok === false */
export function fail(code: ContributionsProblemCode, option: Fail["option"], zh: string, en: string): Fail {
  return option ? { ok: false, code, option, zh, en } : { ok: false, code, zh, en };
}

/** Whether a step returned a problem. @example isFail(fail("DATA_INVALID", undefined, "", "")) === true */
export function isFail(v: unknown): v is Fail {
  return typeof v === "object" && v !== null && "ok" in v && (v as { ok: unknown }).ok === false;
}

/** Problem for a bad base text. @example badAmount("base", "缴费基数", "-1", true).option === "base" */
export function badAmount(option: "base" | "hfBase", label: string, text: string, negative: boolean): Fail {
  return negative
    ? fail("BASE_INVALID", option, `${label}不能为负数：${text}`, `${option} must not be negative: ${text}`)
    : fail(
        "BASE_INVALID",
        option,
        `${label}“${text}”不是有效金额`,
        `${option} "${text}" is not a valid amount`,
      );
}

/** City, id and period, for messages. @example const w: Where = { name: "上海", id: "shanghai", period: "2025-07" } */
export type Where = { name: string; id: string; period: string };

/**
 * The entry of a list in force on a day; a problem when the list has entries but none covers the day;
 * undefined when the list is empty or absent (the caller reports it as not configured).
 * @example lookupEntry([], "2025-07-01", where, what, city) === undefined
 */
export function lookupEntry<T extends Dated>(
  list: readonly T[] | undefined,
  day: string,
  where: Where,
  what: { zh: string; en: string; key: string },
  city: SiHfCity,
): T | Fail | undefined {
  if (!list || list.length === 0) return undefined;
  const e = findEffective(list, day);
  if (e) return e;
  const reason = city.notConfigured?.[what.key];
  return fail(
    "PERIOD_NOT_COVERED",
    "period",
    `${where.name} ${where.period} 没有${what.zh}数据（已有 ${coverageText(list)}）${reason ? `：${reason}` : ""}`,
    `${where.id} ${where.period}: no ${what.en} data (available: ${coverageText(list, "month", "en")})`,
  );
}

/** Floor and cap of a range, recorded in the tracker; undefined when either is missing. @example bounds(t, "hfBase", "公积金缴存基数", e.base) */
export function bounds(
  t: FigureTracker,
  key: string,
  label: string,
  r: Range | undefined,
): [Dec, Dec] | undefined {
  if (!r) {
    t.miss(key, label);
    return undefined;
  }
  const lo = t.use(`${key}.floor`, `${label}下限`, r.floor);
  const hi = t.use(`${key}.cap`, `${label}上限`, r.cap);
  return lo && hi ? [lo, hi] : undefined;
}

/** Bases of one SI entry per item (one range for all items, or per item). @example if (!isFail(r)) r.items.pension?.value */
export type ItemBases = { items: Partial<Record<SiItem, Clamped>>; perItem: boolean };

type BasesEntry = { all?: Range | undefined } & Partial<Record<SiItem, Range | undefined>>;

/**
 * Clamps the base for every item; a range missing for an employee item is recorded as missing (work injury,
 * employer-only, under `employer.injury`). A floor above the cap is a data problem.
 * @example clampItems(t, entry, Dec.fromInt(7777), where)
 */
export function clampItems(t: FigureTracker, e: BasesEntry, base: Dec, where: Where): ItemBases | Fail {
  const items: Partial<Record<SiItem, Clamped>> = {};
  const perItem = EMPLOYER_ITEMS.some((i) => e[i] !== undefined);
  for (const item of EMPLOYER_ITEMS) {
    const own = e[item];
    const range = own ?? e.all;
    const key = own ? `siBase.${item}` : "siBase";
    const label = own ? `${ITEM_ZH[item]}缴费基数` : "社保缴费基数";
    if (!range) {
      if (item === "injury") t.miss("employer.injury", "工伤保险缴费基数", "siBase.injury");
      else t.miss(`siBase.${item}`, `${ITEM_ZH[item]}缴费基数`);
      continue;
    }
    const b = bounds(t, key, label, range);
    if (!b) continue;
    if (b[0].gt(b[1]))
      return fail(
        "DATA_INVALID",
        "city",
        `${where.name} ${label}下限高于上限（覆盖数据有误）`,
        `${where.id}: ${key} floor above cap`,
      );
    items[item] = clampBase("缴费基数", base, b[0], b[1]);
  }
  return { items, perItem };
}

/** A product at full precision, with at least 2 decimals. @example fullText(Dec.parse("250")) === "250.00" */
export function fullText(d: Dec): string {
  const s = d.toString();
  const dot = s.indexOf(".");
  return dot < 0 || s.length - dot - 1 < 2 ? d.toFixed(2) : s;
}

/** `个人养老保险：7777.00 × 8% = 622.16`, with `raw → rounded` when rounding changed the value. @example product("个人养老保险", b, r, x) */
export function product(label: string, base: Dec, rate: Dec, rounded: Dec): string {
  const raw = base.mul(rate);
  const shown = raw.eq(rounded) ? rounded.toFixed(2) : `${fullText(raw)} → ${rounded.toFixed(2)}`;
  return `${label}：${base.toFixed(2)} × ${rate.toPercent()} = ${shown}`;
}
