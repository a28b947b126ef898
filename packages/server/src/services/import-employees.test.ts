/**
 * The set-based employee import end to end on SQLite: 1,200 rows (more than two 500-row chunks), then a second
 * roster that changes some 职级, leaves cells blank and adds people — counts, grades by date, teams with the
 * company policy, kept fields and the audit entry.
 * @example npx vitest run packages/server/src/services/import-employees.test.ts
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openServerStore, type ServerStore, type ServiceContext } from "../context.js";
import { DEMO_POLICY_FILE, demoPolicyText } from "../demo/demo-policy.js";
import { addPolicyVersion } from "./add-policy-version.js";
import { companyPolicy } from "./company-policy.js";
import { importEmployees, type RosterRow } from "./import-employees.js";
import { ensureTenant } from "./init-workspace.js";

const N = 1200;
const no = (i: number) => `E${String(i).padStart(5, "0")}`;
const roster = (cells: Record<string, string>[]): RosterRow[] =>
  cells.map((c, i) => ({ rowNumber: i + 2, cells: c }));

describe("importEmployees in bulk (SQLite)", () => {
  let store: ServerStore;
  let ctx: ServiceContext;
  beforeAll(async () => {
    store = await openServerStore("sqlite::memory:", { ephemeralKey: true });
    const { tenant } = await ensureTenant(store, "批量导入公司");
    ctx = { store, tenantId: tenant.id, actor: "hr:test" };
    await addPolicyVersion(ctx, {
      yaml: demoPolicyText(),
      file: DEMO_POLICY_FILE,
      effectiveFrom: "2026-01-01",
    });
  });
  afterAll(() => store.close());

  it("creates 1,200 employees in 80 teams, then updates, keeps blanks and changes only changed grades", async () => {
    const first = await importEmployees(ctx, {
      file: "员工.csv",
      asOf: "2026-08-01",
      rows: roster(
        Array.from({ length: N }, (_, i) => ({
          工号: no(i),
          姓名: `员工${i}`,
          团队: `组${Math.floor(i / 15)}`,
          部门: "客服部",
          职级: i % 2 ? "客服主管" : "客服专员",
          入职日期: "2025-03-02",
          身份证号: `11010119900307${String(i).padStart(4, "0")}`,
        })),
      ),
    });
    expect(first).toEqual({ created: N, updated: 0, teamsCreated: N / 15, warnings: [] });
    const teams = await store.teams.list(ctx.tenantId);
    expect(teams).toHaveLength(80);
    expect(teams.every((t) => t.department === "客服部")).toBe(true);
    const policy = await companyPolicy(ctx);
    const e1199 = await store.employees.getByNo(ctx.tenantId, no(1199), { reveal: true });
    expect(e1199.idNumber).toBe("110101199003071199");
    expect(e1199.teamId).toBe(teams.find((t) => t.name === "组79")?.id);
    expect(
      await store.policies.policyIdFor(
        ctx.tenantId,
        { employeeId: e1199.id, teamId: e1199.teamId },
        "2026-08-01",
      ),
    ).toBe(policy?.id);
    // A new employee's 职级 starts on the 入职日期.
    expect(await store.history.gradeOn(ctx.tenantId, e1199.id, "2025-03-02")).toMatchObject({
      grade: "客服主管",
      effectiveFrom: "2025-03-02",
      reason: "导入",
    });

    // Second roster: E00000 promoted, E00001 unchanged grade and blank 身份证号/团队, one new person in a new team.
    const again = await importEmployees(ctx, {
      file: "员工2.csv",
      asOf: "2026-09-01",
      rows: roster([
        { 工号: no(0), 姓名: "员工0", 职级: "客服主管", 手机: "13800000000" },
        { 工号: no(1), 姓名: "改名一", 职级: "客服主管" },
        { 工号: "N1", 姓名: "新人", 团队: "新组", 职级: "客服专员", 入职日期: "2026-09-10" },
      ]),
    });
    expect(again).toEqual({ created: 1, updated: 2, teamsCreated: 1, warnings: [] });
    const e0 = await store.employees.getByNo(ctx.tenantId, no(0), { reveal: true });
    expect([e0.phone, e0.idNumber, e0.hireDate]).toEqual(["13800000000", "110101199003070000", "2025-03-02"]);
    expect(e0.teamId).toBe(teams.find((t) => t.name === "组0")?.id);
    expect((await store.history.gradeOn(ctx.tenantId, e0.id, "2026-08-31"))?.grade).toBe("客服专员");
    expect(await store.history.gradeOn(ctx.tenantId, e0.id, "2026-09-01")).toMatchObject({
      grade: "客服主管",
      effectiveFrom: "2026-09-01",
    });
    const e1 = await store.employees.getByNo(ctx.tenantId, no(1));
    expect(e1.name).toBe("改名一");
    // Unchanged 职级: no new history row, so the grade still dates from the hire.
    expect((await store.history.gradeOn(ctx.tenantId, e1.id, "2026-09-30"))?.effectiveFrom).toBe(
      "2025-03-02",
    );
    const n1 = await store.employees.getByNo(ctx.tenantId, "N1");
    expect((await store.history.gradeOn(ctx.tenantId, n1.id, "2026-09-10"))?.grade).toBe("客服专员");
    expect(await store.history.gradeOn(ctx.tenantId, n1.id, "2026-09-09")).toBeUndefined();
    expect(await store.employees.list(ctx.tenantId, { limit: 5000 })).toHaveLength(N + 1);
    const audit = await store.db
      .selectFrom("audit_log")
      .select(["action", "entity_id"])
      .where("tenant_id", "=", ctx.tenantId)
      .where("action", "=", "employees.import")
      .execute();
    expect(audit.map((a) => a.entity_id).sort()).toEqual(["员工.csv", "员工2.csv"]);
  });
});
