import { describe, expect, it } from "vitest";
import { Dec } from "../../money/decimal.js";
import {
  CUMULATIVE_WAGE_TABLE,
  findBracket,
  LABOR_REMUNERATION_TABLE,
  MONTHLY_TABLE,
  type TaxTable,
} from "./tax-tables.js";

const D = (s: string) => Dec.parse(s);
const TWELVE = Dec.fromInt(12);

/** [threshold, rate, quick deduction] rows as printed in the official tables (last threshold null). */
const PRINTED: [TaxTable, [string | null, string, string][]][] = [
  [
    CUMULATIVE_WAGE_TABLE,
    [
      ["36000", "3%", "0"],
      ["144000", "10%", "2520"],
      ["300000", "20%", "16920"],
      ["420000", "25%", "31920"],
      ["660000", "30%", "52920"],
      ["960000", "35%", "85920"],
      [null, "45%", "181920"],
    ],
  ],
  [
    MONTHLY_TABLE,
    [
      ["3000", "3%", "0"],
      ["12000", "10%", "210"],
      ["25000", "20%", "1410"],
      ["35000", "25%", "2660"],
      ["55000", "30%", "4410"],
      ["80000", "35%", "7160"],
      [null, "45%", "15160"],
    ],
  ],
  [
    LABOR_REMUNERATION_TABLE,
    [
      ["20000", "20%", "0"],
      ["50000", "30%", "2000"],
      [null, "40%", "7000"],
    ],
  ],
];

describe("tax tables", () => {
  it.each(PRINTED)("table %# matches the printed table and every row has a source", (table, rows) => {
    expect(table.brackets.length).toBe(rows.length);
    table.brackets.forEach((b, i) => {
      const [upTo, rate, qd] = rows[i]!;
      expect(b.upTo?.toString() ?? null).toBe(upTo);
      expect(b.rate.toPercent()).toBe(rate);
      expect(b.quickDeduction.toString()).toBe(qd);
      expect(b.source.length).toBeGreaterThan(10);
      // rows chain: each row starts where the previous one ended
      expect(b.over.toString()).toBe(i === 0 ? "0" : rows[i - 1]![0]);
    });
  });

  it("quick deductions make each table continuous: QD(i) = QD(i−1) + threshold(i−1) × (rate(i) − rate(i−1))", () => {
    // e.g. 2520 = 0 + 36000 × 7%; 16920 = 2520 + 144000 × 10%; 15160 = 7160 + 80000 × 10%; 7000 = 2000 + 50000 × 10%
    for (const table of [CUMULATIVE_WAGE_TABLE, MONTHLY_TABLE, LABOR_REMUNERATION_TABLE]) {
      for (let i = 1; i < table.brackets.length; i++) {
        const prev = table.brackets[i - 1]!;
        const cur = table.brackets[i]!;
        const expected = prev.quickDeduction.add(prev.upTo!.mul(cur.rate.sub(prev.rate)));
        expect(cur.quickDeduction.eq(expected)).toBe(true);
      }
    }
  });

  it("the monthly table is the annual table ÷ 12 (thresholds and quick deductions)", () => {
    // 36000/12 = 3000, 2520/12 = 210, 181920/12 = 15160 …
    CUMULATIVE_WAGE_TABLE.brackets.forEach((a, i) => {
      const m = MONTHLY_TABLE.brackets[i]!;
      expect(a.rate.eq(m.rate)).toBe(true);
      expect(a.quickDeduction.eq(m.quickDeduction.mul(TWELVE))).toBe(true);
      expect(a.upTo === null ? m.upTo === null : a.upTo.eq(m.upTo!.mul(TWELVE))).toBe(true);
    });
  });

  it.each([
    // an amount equal to a threshold belongs to the lower row (“不超过”)
    [CUMULATIVE_WAGE_TABLE, "0", "1", "3%"],
    [CUMULATIVE_WAGE_TABLE, "36000", "1", "3%"],
    [CUMULATIVE_WAGE_TABLE, "36000.01", "1", "10%"],
    [CUMULATIVE_WAGE_TABLE, "960000", "1", "35%"],
    [CUMULATIVE_WAGE_TABLE, "960000.01", "1", "45%"],
    // bonus lookup compares with 12 × threshold: 36000 ÷ 12 = 3000 → 3%; 36000.01 ÷ 12 > 3000 → 10%
    [MONTHLY_TABLE, "36000", "12", "3%"],
    [MONTHLY_TABLE, "36000.01", "12", "10%"],
    [LABOR_REMUNERATION_TABLE, "20000", "1", "20%"],
    [LABOR_REMUNERATION_TABLE, "20000.001", "1", "30%"],
    [LABOR_REMUNERATION_TABLE, "50000", "1", "30%"],
    [LABOR_REMUNERATION_TABLE, "50000.8", "1", "40%"],
  ])("findBracket(%#) %s × %s → %s", (table, amount, times, rate) => {
    expect(findBracket(table, D(amount), D(times)).rate.toPercent()).toBe(rate);
  });
});
