/**
 * China's working-day calendar (调休 included) from the chinese-days package, with a guard for years the data
 * does not cover: such a month is refused, never treated as all-weekdays.
 * @example countWorkdays(2026, 10) === 18
 */
import chineseDays from "chinese-days";

const { getWorkdaysInRange } = chineseDays;

/** Years covered by the bundled holiday data (chinese-days 1.5.7: 2004–2026). */
export const CALENDAR_YEARS = { from: 2004, to: 2026 } as const;

/** Whether the calendar has holiday data for a year. @example isCalendarYearCovered(2027) === false */
export function isCalendarYearCovered(year: number): boolean {
  return year >= CALENDAR_YEARS.from && year <= CALENDAR_YEARS.to;
}

/** Working days of a month, including adjusted working weekends; null when the year is not covered. @example countWorkdays(2026, 2) === 16 */
export function countWorkdays(year: number, month: number): number | null {
  if (!isCalendarYearCovered(year)) return null;
  const mm = String(month).padStart(2, "0");
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return getWorkdaysInRange(`${year}-${mm}-01`, `${year}-${mm}-${last}`).length;
}
