/**
 * China's working-day calendar (调休 included) from the chinese-days package's data, with a guard for years the
 * data does not cover: such a month is refused, never treated as all-weekdays. Dates are looked up as ISO text
 * and weekdays come from integer day arithmetic, so the answer does not depend on the process time zone (the
 * package's own functions go through local-time Dates and are off by a day west of UTC).
 * @example countWorkdays(2026, 10) === 18
 */
import chineseDaysData from "chinese-days/dist/chinese-days.json" with { type: "json" };
import { civilFromDays, daysFromCivil, daysInMonth } from "../formula/days.js";

/** Off days (holidays and 调休 rest weekdays) and adjusted working weekends, by ISO date. */
const DATA: { holidays: Record<string, string>; workdays: Record<string, string> } = chineseDaysData;

/** Years covered by the bundled holiday data (chinese-days 1.5.7: 2004–2026). */
export const CALENDAR_YEARS = { from: 2004, to: 2026 } as const;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether the calendar has holiday data for a year. @example isCalendarYearCovered(2027) === false */
export function isCalendarYearCovered(year: number): boolean {
  return year >= CALENDAR_YEARS.from && year <= CALENDAR_YEARS.to;
}

function iso(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Year, month, day of a valid ISO date text, else null. */
function parseIso(text: string): [number, number, number] | null {
  const m = ISO_RE.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return [y, mo, d];
}

/** Working day by the data: an adjusted working weekend, else not an off day and Monday–Friday. */
function workdayOf(y: number, m: number, d: number): boolean {
  const key = iso(y, m, d);
  if (DATA.workdays[key] !== undefined) return true;
  if (DATA.holidays[key] !== undefined) return false;
  // 1970-01-01 was a Thursday: (days + 4) mod 7 is 0 on Sundays.
  const weekday = (((daysFromCivil(y, m, d) + 4) % 7) + 7) % 7;
  return weekday >= 1 && weekday <= 5;
}

/** Whether an ISO date is a working day (调休 working weekends included); null when its year is not covered or the text is not a date. @example isWorkday("2026-02-14") === true */
export function isWorkday(isoDate: string): boolean | null {
  const p = parseIso(isoDate);
  if (!p || !isCalendarYearCovered(p[0])) return null;
  return workdayOf(...p);
}

/** Working days of a month, including adjusted working weekends; null when the year is not covered. @example countWorkdays(2026, 2) === 16 */
export function countWorkdays(year: number, month: number): number | null {
  if (!isCalendarYearCovered(year) || !Number.isInteger(month) || month < 1 || month > 12) return null;
  let n = 0;
  for (let d = 1, last = daysInMonth(year, month); d <= last; d++) if (workdayOf(year, month, d)) n++;
  return n;
}

/** Working days from one ISO date to another, both included (0 when `to` is before `from`); null when a year in the range is not covered. @example countWorkdaysBetween("2026-10-16", "2026-10-31") === 11 */
export function countWorkdaysBetween(from: string, to: string): number | null {
  const a = parseIso(from);
  const b = parseIso(to);
  if (!a || !b || !isCalendarYearCovered(a[0]) || !isCalendarYearCovered(b[0])) return null;
  let n = 0;
  for (let z = daysFromCivil(...a), end = daysFromCivil(...b); z <= end; z++)
    if (workdayOf(...civilFromDays(z))) n++;
  return n;
}
