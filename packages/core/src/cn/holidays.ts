/**
 * Our own reviewed table of statutory holiday dates (法定节假日, overtime at 300 %): 13 a year from 2025
 * (全国年节及纪念日放假办法 as amended by 国务院令第795号), by year with the State Council notice it follows. The
 * chinese-days data cannot tell these apart from ordinary rest days (a statutory Saturday looks like any weekend,
 * a 补假 weekday like a holiday), so it is not used here. Years not in the table are refused (null), never guessed.
 * @example countStatutoryHolidays(2026, 10) === 3
 */

/** One statutory date and the festival it belongs to. @example const d: StatutoryDate = { date: "2026-10-01", name: "国庆节" }; */
export type StatutoryDate = { date: string; name: string; note?: string };

/** The statutory dates of one year and the notice they come from. @example statutoryHolidays(2026)?.source.notice === "国办发明电〔2025〕7号" */
export type StatutoryYear = {
  year: number;
  source: { notice: string; url: string };
  dates: readonly StatutoryDate[];
};

const d = (date: string, name: string, note?: string): StatutoryDate =>
  note ? { date, name, note } : { date, name };

/** The table, reviewed against /work/shared/statutory-cn.md §7. 补假 weekdays (2025-06-02, 2026-04-06) are rest days, not statutory dates. */
const TABLE: readonly StatutoryYear[] = [
  {
    year: 2025,
    source: {
      notice: "国办发明电〔2024〕12号",
      url: "https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm",
    },
    dates: [
      d("2025-01-01", "元旦"),
      d("2025-01-28", "春节", "除夕"),
      d("2025-01-29", "春节"),
      d("2025-01-30", "春节"),
      d("2025-01-31", "春节"),
      d("2025-04-04", "清明节"),
      d("2025-05-01", "劳动节"),
      d("2025-05-02", "劳动节"),
      d("2025-05-31", "端午节", "周六；补假 6月2日"),
      d("2025-10-01", "国庆节"),
      d("2025-10-02", "国庆节"),
      d("2025-10-03", "国庆节"),
      d("2025-10-06", "中秋节"),
    ],
  },
  {
    year: 2026,
    source: {
      notice: "国办发明电〔2025〕7号",
      url: "https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm",
    },
    dates: [
      d("2026-01-01", "元旦"),
      d("2026-02-16", "春节", "除夕"),
      d("2026-02-17", "春节"),
      d("2026-02-18", "春节"),
      d("2026-02-19", "春节"),
      d("2026-04-05", "清明节", "周日；补假 4月6日"),
      d("2026-05-01", "劳动节"),
      d("2026-05-02", "劳动节", "周六"),
      d("2026-06-19", "端午节"),
      d("2026-09-25", "中秋节"),
      d("2026-10-01", "国庆节"),
      d("2026-10-02", "国庆节"),
      d("2026-10-03", "国庆节", "周六"),
    ],
  },
];

const BY_YEAR = new Map(TABLE.map((y) => [y.year, y]));
const DATES = new Set(TABLE.flatMap((y) => y.dates.map((x) => x.date)));

/** First and last year of the table. @example STATUTORY_YEARS.to === 2026 */
export const STATUTORY_YEARS = { from: 2025, to: 2026 } as const;

/** Whether the table covers a year. @example isStatutoryYearCovered(2027) === false */
export function isStatutoryYearCovered(year: number): boolean {
  return BY_YEAR.has(year);
}

/** The statutory dates of a year with their source; null when the year is not covered. @example statutoryHolidays(2026)?.dates.length === 13 */
export function statutoryHolidays(year: number): StatutoryYear | null {
  return BY_YEAR.get(year) ?? null;
}

/** Whether an ISO date is a statutory holiday; null when its year is not covered. @example isStatutoryHoliday("2026-10-03") === true */
export function isStatutoryHoliday(isoDate: string): boolean | null {
  const year = /^(\d{4})-\d{2}-\d{2}$/.exec(isoDate)?.[1];
  if (year === undefined || !BY_YEAR.has(Number(year))) return null;
  return DATES.has(isoDate);
}

/** Statutory holidays falling in a month; null when the year is not covered. @example countStatutoryHolidays(2026, 2) === 4 */
export function countStatutoryHolidays(year: number, month: number): number | null {
  const y = BY_YEAR.get(year);
  if (!y || !Number.isInteger(month) || month < 1 || month > 12) return null;
  const prefix = `${year}-${String(month).padStart(2, "0")}-`;
  return y.dates.filter((x) => x.date.startsWith(prefix)).length;
}
