/**
 * Local minimum wage (monthly, and hourly for non-full-time work) in force on a date, with its source,
 * confidence and whether the employee's own SI/HF contributions count toward the minimum.
 * @example minimumWage("上海", "2025-07-01") // { ok: true, monthly: "2740.00", hourly: "25.00", … }
 */
import { Dec } from "../../money/decimal.js";
import { cityLabel, knownCities, resolveCity } from "./city.js";
import { coverageText, findEffective, isIsoDate } from "./dates.js";
import { builtinMinWage } from "./load-data.js";
import type { Confidence, MinWageData } from "./schema.js";

/** A minimum-wage lookup result; amounts are 2-place decimal text. @example if (r.ok) r.monthly === "2540.00" */
export type MinimumWage = {
  ok: true;
  city: { id: string; name: string };
  date: string;
  monthly: string;
  /** Non-full-time hourly minimum; null when the data does not record it. */
  hourly: string | null;
  /** Hourly minimum for work on statutory holidays, where the city sets one (Beijing). */
  holidayHourly: string | null;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  source: string;
  confidence: Confidence;
  /** Whether the employee's own SI/HF contributions count toward the minimum (Beijing, Shanghai: no). */
  employeeSiHf: { countsTowardMinimum: boolean; note: string; source: string; confidence: Confidence };
  zh: string[];
};

/** Why no minimum wage was found. @example if (!r.ok) console.log(r.code, r.zh) */
export type MinimumWageProblem = {
  ok: false;
  code: "CITY_UNKNOWN" | "DATE_INVALID" | "DATE_NOT_COVERED";
  option: "city" | "date";
  zh: string;
  en: string;
};

function sourceText(data: MinWageData, id: string): string {
  const s = data.sources[id];
  if (!s) return id;
  return s.url ? `${s.doc} ${s.url}` : s.doc;
}

const money = (text: string): string => Dec.parse(text).toFixed(2);

/**
 * The minimum wage in force on a date (`YYYY-MM-DD`, or `YYYY-MM` for the month's first day).
 * @example minimumWage("beijing", "2025-08-15").ok && minimumWage("beijing", "2025-08-15").monthly === "2420.00"
 */
export function minimumWage(
  city: string,
  date: string,
  data: MinWageData = builtinMinWage(),
): MinimumWage | MinimumWageProblem {
  const d = /^\d{4}-\d{2}$/.test(date.trim()) ? `${date.trim()}-01` : date.trim();
  if (!isIsoDate(d))
    return {
      ok: false,
      code: "DATE_INVALID",
      option: "date",
      zh: `日期“${date}”格式不对，应为 YYYY-MM-DD 或 YYYY-MM`,
      en: `date "${date}" must be YYYY-MM-DD or YYYY-MM`,
    };
  const c = resolveCity(data.cities, city);
  if (!c)
    return {
      ok: false,
      code: "CITY_UNKNOWN",
      option: "city",
      zh: `未知城市“${city}”；已收录：${knownCities(data.cities)}`,
      en: `unknown city "${city}"; known: ${data.cities.map((x) => x.id).join(", ")}`,
    };
  const name = cityLabel(c);
  const e = findEffective(c.entries, d);
  if (!e)
    return {
      ok: false,
      code: "DATE_NOT_COVERED",
      option: "date",
      zh: `${name} ${d} 没有最低工资数据（已有 ${coverageText(c.entries, "day")}）`,
      en: `${c.id} ${d}: no minimum-wage data (available: ${coverageText(c.entries, "day", "en")})`,
    };
  const zh = [
    `${name} ${d} 月最低工资 ${money(e.monthly)} 元${e.hourly ? `，非全日制小时最低工资 ${money(e.hourly)} 元` : "，小时标准未收录"}（${sourceText(data, e.source)}，可信度 ${e.confidence}）`,
  ];
  if (e.holidayHourly) zh.push(`法定节假日小时最低工资 ${money(e.holidayHourly)} 元`);
  if (e.effectiveFrom === undefined)
    zh.push(
      `注意：该标准的起始日期未收录，只确认其适用至 ${e.effectiveTo ?? "今"}${e.note ? `（${e.note}）` : ""}`,
    );
  else if (e.note) zh.push(`注意：${e.note}`);
  zh.push(
    c.employeeSiHf.countsTowardMinimum
      ? `个人缴纳的社保和公积金计入最低工资：${c.employeeSiHf.note}`
      : `个人缴纳的社保和公积金不计入最低工资：${c.employeeSiHf.note}`,
  );
  for (const n of data.notes ?? []) zh.push(`说明：${n}`);
  return {
    ok: true,
    city: { id: c.id, name },
    date: d,
    monthly: money(e.monthly),
    hourly: e.hourly ? money(e.hourly) : null,
    holidayHourly: e.holidayHourly ? money(e.holidayHourly) : null,
    effectiveFrom: e.effectiveFrom ?? null,
    effectiveTo: e.effectiveTo ?? null,
    source: sourceText(data, e.source),
    confidence: e.confidence,
    employeeSiHf: {
      countsTowardMinimum: c.employeeSiHf.countsTowardMinimum,
      note: c.employeeSiHf.note,
      source: sourceText(data, c.employeeSiHf.source),
      confidence: c.employeeSiHf.confidence,
    },
    zh,
  };
}
