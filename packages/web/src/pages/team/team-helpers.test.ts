/**
 * Tests of the lead pages' helpers: share percentages from decimal text, the working period, server detail lines
 * matched to rows, and the claims queue order.
 * @example npx vitest run packages/web/src/pages/team
 */
import { describe, expect, it } from "vitest";
import type { Claim } from "../../api/types-policies";
import { sortClaims } from "../claims/claims-table";
import { shareText } from "./pool-card";
import { matchDetails } from "./scores-table";
import { recentMonths, workingPeriod } from "./use-team-context";

describe("team helpers", () => {
  it("shows a share as a percentage without floats", () => {
    expect(shareText("0.2345")).toBe("23.45%");
    expect(shareText("1")).toBe("100.00%");
    expect(shareText("0.05")).toBe("5.00%");
    expect(shareText("0.0442633644")).toBe("4.43%");
    expect(shareText("n/a")).toBe("n/a");
  });

  it("picks the newest period not yet approved", () => {
    expect(
      workingPeriod([
        { period: "2026-08", status: "approved" },
        { period: "2026-10", status: null },
        { period: "2026-09", status: "approved" },
      ]),
    ).toBe("2026-10");
    expect(workingPeriod([{ period: "2026-09", status: "paid" }])).toBe("2026-09");
    expect(recentMonths(new Date(2026, 0, 15), 2)).toEqual(["2026-01", "2025-12"]);
  });

  it("puts each server detail line on the row it names", () => {
    const rows = [
      { employeeNo: "A001", name: "张三", values: {} },
      { employeeNo: "A002", name: "李四", values: {} },
    ];
    const m = matchDetails(
      [
        "A002 主管评分：超过最大值 20",
        "李四：加分项数不是整数",
        "第1行 “主管评分”：30 大于最大值 20",
        "期间已锁定",
      ],
      rows,
    );
    expect(m.byRow.get("A002")).toHaveLength(2);
    expect(m.byRow.get("A001")).toEqual(["第1行 “主管评分”：30 大于最大值 20"]);
    expect(matchDetails(["row 2: too large"], rows).byRow.get("A002")).toHaveLength(1);
    expect(m.other).toEqual(["期间已锁定"]);
  });

  it("lists pending claims first, oldest first", () => {
    const c = (id: string, status: string, submittedAt: string) => ({ id, status, submittedAt }) as Claim;
    const order = sortClaims([
      c("a", "approved", "2026-10-03"),
      c("b", "pending", "2026-10-02"),
      c("c", "pending", "2026-10-01"),
      c("d", "rejected", "2026-10-04"),
    ]).map((x) => x.id);
    expect(order).toEqual(["c", "b", "d", "a"]);
  });
});
