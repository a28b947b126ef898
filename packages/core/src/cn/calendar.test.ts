import chineseDays from "chinese-days";
import { afterEach, describe, expect, it } from "vitest";
import { CALENDAR_YEARS, countWorkdays, countWorkdaysBetween, isWorkday } from "./calendar.js";

const savedTz = process.env.TZ;
/** chinese-days' own functions go wrong west of UTC, so the comparison with them only runs east of it. */
const westOfUtc = new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset() > 0;
afterEach(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

describe("isWorkday", () => {
  it.each([
    ["2026-02-14", true], // Sat, 调休 working day (春节)
    ["2026-02-15", false], // Sun, first day of the 春节 break
    ["2026-02-23", false], // Mon, 调休 rest weekday
    ["2026-02-28", true], // Sat, 调休 working day
    ["2026-04-06", false], // Mon, 补假 for 清明 (Sun Apr 5)
    ["2026-10-05", false], // Mon, 国庆 break
    ["2026-10-10", true], // Sat, 调休 working day
    ["2026-10-16", true], // ordinary Friday
    ["2026-10-17", false], // ordinary Saturday
    ["2025-01-26", true], // Sun, 调休 working day
    ["2027-01-01", null], // not covered: never guessed as a weekday
    ["2026-02-30", null], // not a date
    ["2026-1-5", null],
  ])("%s → %s", (date, want) => {
    expect(isWorkday(date)).toBe(want);
  });
});

describe("countWorkdaysBetween", () => {
  it.each([
    // Oct 16 (Fri) … Oct 31: 16, 19–23, 26–30 = 1 + 5 + 5
    ["2026-10-16", "2026-10-31", 11],
    // Oct 1–7 off; 8, 9, 10 (调休 Sat), 12–16 = 3 + 5
    ["2026-10-01", "2026-10-16", 8],
    // Dec 29–31 (Mon–Wed) 3; Jan 1–3 off; Jan 4 (Sun, 调休 working) 1
    ["2025-12-29", "2026-01-04", 4],
    ["2026-10-17", "2026-10-18", 0],
    ["2026-10-31", "2026-10-01", 0],
    ["2026-12-31", "2027-01-04", null],
    ["2026-10-01", "2026-10-32", null],
  ])("%s … %s → %s", (from, to, want) => {
    expect(countWorkdaysBetween(from, to)).toBe(want);
  });

  it("sums to the month's count", () => {
    expect(countWorkdaysBetween("2026-10-01", "2026-10-31")).toBe(countWorkdays(2026, 10));
    expect(countWorkdaysBetween("2026-01-01", "2026-12-31")).toBe(248);
  });
});

describe("countWorkdays", () => {
  it("refuses uncovered years and bad months", () => {
    expect(countWorkdays(CALENDAR_YEARS.to + 1, 1)).toBeNull();
    expect(countWorkdays(CALENDAR_YEARS.from - 1, 12)).toBeNull();
    expect(countWorkdays(2026, 13)).toBeNull();
    expect(countWorkdays(2026, 0)).toBeNull();
  });

  it.skipIf(westOfUtc)("agrees with chinese-days' own functions for every covered month", () => {
    const diffs: string[] = [];
    for (let y = CALENDAR_YEARS.from; y <= CALENDAR_YEARS.to; y++) {
      for (let m = 1; m <= 12; m++) {
        const mm = String(m).padStart(2, "0");
        const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
        const lib = chineseDays.getWorkdaysInRange(`${y}-${mm}-01`, `${y}-${mm}-${last}`).length;
        if (lib !== countWorkdays(y, m)) diffs.push(`${y}-${mm}: ${lib} vs ${countWorkdays(y, m)}`);
      }
    }
    expect(diffs).toEqual([]);
  });

  it.each(["America/Los_Angeles", "Pacific/Pago_Pago", "Europe/London", "Pacific/Kiritimati"])(
    "does not depend on the process time zone (%s)",
    (tz) => {
      process.env.TZ = tz;
      // the zone is in effect: midnight UTC on Oct 1 is still Sep 30 west of UTC
      expect(new Date(Date.UTC(2026, 9, 1)).getDate()).toBe(
        tz.startsWith("America") || tz.includes("Pago") ? 30 : 1,
      );
      expect(countWorkdays(2026, 10)).toBe(18);
      expect(countWorkdaysBetween("2026-01-01", "2026-12-31")).toBe(248);
      expect(isWorkday("2026-02-14")).toBe(true);
    },
  );
});
