import { describe, expect, it } from "vitest";
import type { Register, RegisterRow } from "../../api/types-payroll";
import { buildRegisterRows, checkOf, groupWarnings, teamsOf } from "./register-rows";

function row(no: string, team: string, warnings: string[] = [], error: string | null = null): RegisterRow {
  return { employeeNo: no, name: `姓名${no}`, team, values: { 实发工资: "100.00" }, warnings, error };
}

const reg: Register = {
  columns: [{ name: "实发工资", kind: "total" }],
  rows: [
    row("A1", "一组"),
    row("A2", "一组", ["低于最低工资：实发 1800.00"]),
    row("B1", "二组", [], "缺少出勤天数"),
  ],
  subtotals: [
    { team: "一组", headcount: 2, values: { 实发工资: "200.00" } },
    { team: "二组", headcount: 1, values: { 实发工资: "100.00" } },
  ],
  totals: { values: { 实发工资: "300.00" } },
};

describe("buildRegisterRows", () => {
  it("puts each team's subtotal after its employees", () => {
    const keys = buildRegisterRows(reg, { team: null, search: "", flaggedOnly: false }).map((r) => r.key);
    expect(keys).toEqual(["e:A1", "e:A2", "subtotal:一组", "e:B1", "subtotal:二组"]);
  });

  it("keeps the subtotal of the chosen team only", () => {
    const keys = buildRegisterRows(reg, { team: "二组", search: "", flaggedOnly: false }).map((r) => r.key);
    expect(keys).toEqual(["e:B1", "subtotal:二组"]);
  });

  it("drops subtotals when a search or the flag filter narrows a team", () => {
    expect(
      buildRegisterRows(reg, { team: null, search: "a2", flaggedOnly: false }).map((r) => r.key),
    ).toEqual(["e:A2"]);
    expect(buildRegisterRows(reg, { team: null, search: "", flaggedOnly: true }).map((r) => r.key)).toEqual([
      "e:A2",
      "e:B1",
    ]);
  });

  it("finds employees by name too", () => {
    expect(buildRegisterRows(reg, { team: null, search: "姓名B1", flaggedOnly: false })).toHaveLength(1);
  });
});

describe("warnings", () => {
  it("names the check before the colon", () => {
    expect(checkOf("低于最低工资：实发 1800.00")).toBe("低于最低工资");
    expect(checkOf("no colon here")).toBe("no colon here");
  });

  it("groups warnings by check, most frequent first", () => {
    const rows = [row("X1", "t", ["甲：1", "乙：2"]), row("X2", "t", ["乙：3"])];
    const g = groupWarnings(rows);
    expect(g.map((x) => [x.check, x.rows.length])).toEqual([
      ["乙", 2],
      ["甲", 1],
    ]);
  });

  it("lists teams in first-seen order", () => {
    expect(teamsOf(reg)).toEqual(["一组", "二组"]);
  });
});
