/**
 * Bulk writes of the repository suite (registered inside registerRepositorySuite, so on every database): employees,
 * teams and grades written many rows a statement round-trip, across more than one chunk.
 * @example registerBulkTests(() => store)
 */

import { expect, it } from "vitest";
import type { Store } from "./index.js";
import { EMPLOYEE_CHUNK } from "./repositories/employees-bulk.js";
import { rejectsWith } from "./suite-kit.js";

const N = 1200;

/**
 * Registers the bulk tests on the store `get` returns (opened by the enclosing suite).
 * @example registerBulkTests(() => s)
 */
export function registerBulkTests(get: () => Store): void {
  it("saves 1,200 employees, teams and grades in chunks and merges a second import", async () => {
    const s = get();
    const t = (await s.tenants.create("批量公司")).id;
    expect(N).toBeGreaterThan(2 * EMPLOYEE_CHUNK);
    const teams = await s.teams.createMany(
      t,
      Array.from({ length: 600 }, (_, i) => ({ name: `组${i}`, department: i % 2 ? "客服部" : null })),
    );
    expect((await s.teams.list(t)).length).toBe(600);
    expect((await s.teams.findByName(t, "组599"))?.id).toBe(teams[599]!.id);
    expect((await s.teams.findByName(t, "组1"))?.department).toBe("客服部");

    const no = (i: number) => `B${String(i).padStart(5, "0")}`;
    const first = await s.employees.saveMany(
      t,
      Array.from({ length: N }, (_, i) => ({
        employeeNo: no(i),
        name: `员工${i}`,
        employmentType: "全职" as const,
        idNumber: `31010119900101${String(i).padStart(4, "0")}`,
        bankAccount: i % 3 === 0 ? null : `6222${String(i).padStart(12, "0")}`,
        hireDate: "2025-01-01",
        teamId: teams[i % 600]!.id,
      })),
    );
    expect(first.map((e) => e.employeeNo)).toEqual(Array.from({ length: N }, (_, i) => no(i)));
    expect(first.every((e) => e.created)).toBe(true);
    expect(new Set(first.map((e) => e.id)).size).toBe(N);
    const all = await s.employees.list(t, { limit: 5000 });
    expect(all).toHaveLength(N);
    const e1199 = await s.employees.getByNo(t, no(1199), { reveal: true });
    expect(e1199).toMatchObject({ id: first[1199]!.id, name: "员工1199", teamId: teams[599]!.id });
    expect(e1199.idNumber).toBe("310101199001011199");
    expect(e1199.bankAccount).toBe("6222000000001199");
    expect((await s.employees.getByNo(t, no(3))).bankAccount).toBeNull();

    // Second import: two existing (one with blanks, which keep what is stored) and one new.
    const second = await s.employees.saveMany(t, [
      { employeeNo: no(0), name: "改名", employmentType: "非全日制", leaveDate: "2025-06-30" },
      { employeeNo: ` ${no(1199)} `, name: "员工1199", employmentType: "全职", idNumber: null },
      { employeeNo: "NEW1", name: "新人", employmentType: "实习" },
    ]);
    expect(second.map((e) => [e.id, e.created])).toEqual([
      [first[0]!.id, false],
      [first[1199]!.id, false],
      [second[2]!.id, true],
    ]);
    const e0 = await s.employees.getByNo(t, no(0), { reveal: true });
    expect(e0).toMatchObject({ name: "改名", employmentType: "非全日制", leaveDate: "2025-06-30" });
    expect(e0).toMatchObject({
      hireDate: "2025-01-01",
      teamId: teams[0]!.id,
      idNumber: "310101199001010000",
    });
    expect((await s.employees.getByNo(t, no(1199), { reveal: true })).idNumber).toBe("310101199001011199");
    expect(await s.employees.list(t, { limit: 5000 })).toHaveLength(N + 1);
    await rejectsWith(
      s.employees.saveMany(t, [
        { employeeNo: "D1", name: "甲", employmentType: "全职" },
        { employeeNo: "D1", name: "乙", employmentType: "全职" },
      ]),
      "DUPLICATE",
    );

    await s.history.addGrades(
      t,
      first.flatMap((e, i) => [
        { employeeId: e.id, grade: "初级", effectiveFrom: "2025-01-01" },
        ...(i % 2 ? [{ employeeId: e.id, grade: "中级", effectiveFrom: "2025-07-01", reason: "导入" }] : []),
      ]),
    );
    const june = await s.history.gradesOn(t, "2025-06-30");
    const july = await s.history.gradesOn(t, "2025-07-01");
    expect(june.size).toBe(N);
    expect(july.get(first[1]!.id)).toMatchObject({
      grade: "中级",
      effectiveFrom: "2025-07-01",
      reason: "导入",
    });
    expect(july.get(first[2]!.id)?.grade).toBe("初级");
    expect(june.get(first[1]!.id)?.grade).toBe("初级");
    expect((await s.history.gradeOn(t, first[1101]!.id, "2025-07-01"))?.grade).toBe(
      july.get(first[1101]!.id)?.grade,
    );
    expect((await s.history.gradesOn(t, "2024-12-31")).size).toBe(0);
  });
}
