/**
 * The one repository test suite, registered once per database (SQLite, PGlite, PostgreSQL): tenant isolation,
 * encryption, imports, runs (repositories-runs.suite.ts), state ledger, audit, policy versions.
 * @example registerRepositorySuite("SQLite in memory", () => testStore("sqlite::memory:"))
 */

import type { PriorState } from "@xinsuan/core";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "./index.js";
import { migrateToLatest } from "./migrations/index.js";
import { registerBulkTests } from "./repositories-bulk.suite.js";
import { registerRunTests } from "./repositories-runs.suite.js";
import { rejectsWith, setupTenant } from "./suite-kit.js";
import { sha256 } from "./util.js";

export { testStore } from "./suite-kit.js";

/**
 * Registers the suite under `label`; `factory` opens a migrated store.
 * @example registerRepositorySuite("PGlite", () => testStore("pglite://memory"))
 */
export function registerRepositorySuite(label: string, factory: () => Promise<Store>): void {
  describe(label, () => {
    let s: Store;
    beforeAll(async () => {
      s = await factory();
    });
    afterAll(async () => {
      await s?.close();
    });
    const setup = (period?: string) => setupTenant(s, period);

    it("migrating again applies nothing", async () => {
      expect(await migrateToLatest(s.db)).toEqual([]);
    });

    it("keeps tenants apart: B never sees A's employees, runs or audit", async () => {
      const a = await setup();
      const b = await setup();
      await s.employees.create(a.t, {
        employeeNo: "E001",
        name: "张三",
        employmentType: "全职",
        idNumber: "310101199001011234",
      });
      const run = await s.runs.startRun(a.t, {
        period: a.period,
        policyVersionId: a.versionId,
        inputsHash: "h",
      });
      await s.audit.append(a.t, {
        actor: "hr",
        action: "employee.create",
        entity: "employee",
        entityId: "E001",
      });

      expect(await s.employees.findByNo(b.t, "E001")).toBeUndefined();
      expect(await s.employees.list(b.t)).toEqual([]);
      expect(await s.runs.listRuns(b.t)).toEqual([]);
      expect(await s.audit.list(b.t)).toEqual([]);
      await rejectsWith(s.runs.getRun(b.t, run.id), "NOT_FOUND");
      await rejectsWith(s.runs.approveRun(b.t, run.id, "boss"), "NOT_FOUND");
      // B cannot start a run on A's policy version: the composite foreign key includes tenant_id.
      await rejectsWith(
        s.runs.startRun(b.t, { period: b.period, policyVersionId: a.versionId, inputsHash: "h" }),
        "NOT_FOUND",
      );
      // 工号 is unique per tenant, not globally.
      await s.employees.create(b.t, { employeeNo: "E001", name: "李四", employmentType: "实习" });
      await rejectsWith(
        s.employees.create(a.t, { employeeNo: "E001", name: "王五", employmentType: "全职" }),
        "DUPLICATE",
      );
      expect((await s.employees.getByNo(a.t, "E001")).name).toBe("张三");
      expect((await s.employees.getByNo(b.t, "E001")).name).toBe("李四");
    });

    it("encrypts 身份证号 and 银行卡号 at rest and masks them on read", async () => {
      const { t } = await setup();
      const idNumber = "310101199001011234";
      const bank = "6222021234567890123";
      await s.employees.create(t, {
        employeeNo: "E9",
        name: "赵六",
        employmentType: "全职",
        idNumber,
        bankAccount: bank,
      });
      const raw = await s.db
        .selectFrom("employees")
        .selectAll()
        .where("tenant_id", "=", t)
        .executeTakeFirstOrThrow();
      expect(raw.id_number_enc).toMatch(/^v1:/);
      expect(raw.id_number_enc).not.toContain(idNumber);
      expect(raw.bank_account_enc).not.toContain(bank);
      const shown = await s.employees.getByNo(t, "E9");
      expect(shown.idNumber).toBe("3101**********1234");
      expect(shown.bankAccount).toBe("6222***********0123");
      const clear = await s.employees.getByNo(t, "E9", { reveal: true });
      expect([clear.idNumber, clear.bankAccount]).toEqual([idNumber, bank]);
      const updated = await s.employees.update(t, "E9", {
        bankAccount: "6217000011112222",
        leaveDate: "2025-06-30",
      });
      expect(updated.bankAccount).toBe("6217********2222");
      expect(updated.leaveDate).toBe("2025-06-30");
      expect((await s.employees.list(t, { search: "赵" })).map((e) => e.idNumber)).toEqual([
        "3101**********1234",
      ]);
      expect(await s.employees.list(t, { search: "%" })).toEqual([]);
      // A ciphertext copied into another tenant's row does not decrypt there (tenant bound as associated data).
      const other = await setup();
      await s.employees.create(other.t, { employeeNo: "X1", name: "钱七", employmentType: "全职" });
      await sql`update employees set id_number_enc = ${raw.id_number_enc} where tenant_id = ${other.t}`.execute(
        s.db,
      );
      await rejectsWith(s.employees.getByNo(other.t, "X1"), "KEY");
    });

    it("imports a dataset and its rows all-or-nothing, found again by checksum", async () => {
      const { t } = await setup();
      const rows = Array.from({ length: 2500 }, (_, i) => ({
        rowNumber: i + 2,
        employeeNo: `E${i}`,
        values: { 出勤天数: "21.75", 备注: i % 2 ? "迟到" : "" },
      }));
      const checksum = sha256("file-1");
      const good = await s.datasets.insertDataset(t, {
        period: "2025-04",
        kind: "attendance",
        fileName: "考勤.xlsx",
        checksum,
        rows,
      });
      expect(good.rowCount).toBe(2500);
      expect((await s.datasets.findByChecksum(t, "2025-04", checksum))?.id).toBe(good.id);
      const back = await s.datasets.listRows(t, good.id);
      expect(back).toHaveLength(2500);
      expect(back[1]).toEqual(rows[1]);
      await rejectsWith(
        s.datasets.insertDataset(t, {
          period: "2025-04",
          kind: "attendance",
          fileName: "again.xlsx",
          checksum,
          rows,
        }),
        "DUPLICATE",
      );
      // Row 2,400 repeats a row number: the whole import, including its new period, is rolled back.
      const bad = rows.map((r, i) => (i === 2400 ? { ...r, rowNumber: 2 } : r));
      const badSum = sha256("file-2");
      await rejectsWith(
        s.datasets.insertDataset(t, {
          period: "2025-05",
          kind: "kpi",
          fileName: "kpi.csv",
          checksum: badSum,
          rows: bad,
        }),
        "DUPLICATE",
      );
      expect(await s.datasets.findByChecksum(t, "2025-05", badSum)).toBeUndefined();
      expect(await s.datasets.findPeriod(t, "2025-05")).toBeUndefined();
      const left = await s.db
        .selectFrom("dataset_rows")
        .select("row_number")
        .where("tenant_id", "=", t)
        .execute();
      expect(left).toHaveLength(2500);
    });

    it("round-trips the carried state ledger as the PriorState given", async () => {
      const { t } = await setup();
      const state: PriorState = {
        employees: {
          E001: { 个税累计收入: "36000.00", 个税累计已预扣: "1080.00", 连续不合格月数: "2" },
          E002: { 个税累计收入: "0" },
        },
        groups: { 团队: { 售前一组: { 单量门槛: "105.00" }, 售后组: { 单量门槛: "100" } } },
      };
      await s.ledger.writeState(t, "2025-03", state);
      expect(await s.ledger.readState(t, "2025-03")).toEqual(state);
      expect(await s.ledger.readPriorState(t, "2025-04")).toEqual(state);
      expect(await s.ledger.readPriorState(t, "2025-06")).toEqual(state);
      expect(await s.ledger.readPriorState(t, "2025-03")).toEqual({ employees: {}, groups: {} });
      const april: PriorState = { employees: { E001: { 个税累计收入: "48000.00" } }, groups: {} };
      await s.ledger.writeState(t, "2025-04", april);
      await s.ledger.writeState(t, "2025-04", april);
      expect(await s.ledger.readPriorState(t, "2025-05")).toEqual(april);
      expect(await s.ledger.readState(t, "2025-03")).toEqual(state);
    });

    it("keeps the audit log append-only: raw UPDATE and DELETE fail", async () => {
      const { t } = await setup();
      const entry = await s.audit.append(t, {
        actor: "hr:li",
        action: "employee.update",
        entity: "employee",
        entityId: "E001",
        before: { 基本工资: "3000.00" },
        after: { 基本工资: "3200.00" },
      });
      expect(Object.keys(s.audit).sort()).toEqual(["append", "list"]);
      await expect(
        sql`update audit_log set actor = 'mallory' where tenant_id = ${t}`.execute(s.db),
      ).rejects.toThrow();
      await expect(sql`delete from audit_log where tenant_id = ${t}`.execute(s.db)).rejects.toThrow();
      const [only] = await s.audit.list(t);
      expect(only).toEqual(entry);
    });

    it("finds the policy version in force and the policy assigned to an employee", async () => {
      const { t } = await setup();
      const p = await s.policies.createPolicy(t, "新方案");
      const v1 = await s.policies.addVersion(t, p.id, { yaml: "v: 1\n", effectiveFrom: "2025-01-01" });
      const v2 = await s.policies.addVersion(t, p.id, { yaml: "v: 2\n", effectiveFrom: "2025-03-16" });
      await rejectsWith(
        s.policies.addVersion(t, p.id, { yaml: "v: 0\n", effectiveFrom: "2025-02-01" }),
        "INVALID",
      );
      expect(v2.checksum).toBe(sha256("v: 2\n"));
      expect((await s.policies.versionInForce(t, p.id, "2025-03-15"))?.id).toBe(v1.id);
      expect((await s.policies.versionInForce(t, p.id, "2025-03-16"))?.version).toBe(2);
      expect(await s.policies.versionInForce(t, p.id, "2024-12-31")).toBeUndefined();
      expect((await s.policies.listVersions(t, p.id))[0]!.effectiveTo).toBe("2025-03-15");
      const team = await s.teams.create(t, { name: "售前一组", department: "客服部" });
      const team2 = await s.teams.create(t, { name: "售后组" });
      const own = await s.policies.createPolicy(t, "个人方案");
      const e = await s.employees.create(t, {
        employeeNo: "E1",
        name: "甲",
        employmentType: "全职",
        teamId: team.id,
      });
      await s.teams.setLead(t, team.id, e.id);
      expect((await s.teams.get(t, team.id)).leadEmployeeId).toBe(e.id);
      await s.policies.assign(t, { policyId: p.id, teamId: team.id, effectiveFrom: "2025-01-01" });
      await s.policies.assign(t, { policyId: own.id, employeeId: e.id, effectiveFrom: "2025-04-01" });
      expect(await s.policies.policyIdFor(t, { employeeId: e.id, teamId: team.id }, "2025-03-31")).toBe(p.id);
      expect(await s.policies.policyIdFor(t, { employeeId: e.id, teamId: team.id }, "2025-04-01")).toBe(
        own.id,
      );
      expect(
        await s.policies.policyIdFor(t, { employeeId: "nobody", teamId: team2.id }, "2025-04-01"),
      ).toBeUndefined();
      await s.history.addGrade(t, e.id, { grade: "初级", effectiveFrom: "2025-01-01" });
      await s.history.addGrade(t, e.id, { grade: "中级", effectiveFrom: "2025-04-01", reason: "晋升" });
      expect((await s.history.gradeOn(t, e.id, "2025-03-31"))?.grade).toBe("初级");
      expect((await s.history.gradeOn(t, e.id, "2025-04-01"))?.grade).toBe("中级");
      await s.history.addDeduction(t, e.id, {
        kind: "子女教育",
        monthlyAmount: "2000.00",
        fromMonth: "2025-01",
        toMonth: "2025-06",
      });
      expect(await s.history.deductionsIn(t, e.id, "2025-06")).toHaveLength(1);
      expect(await s.history.deductionsIn(t, e.id, "2025-07")).toHaveLength(0);
    });
    registerRunTests(() => s);
    registerBulkTests(() => s);
  });
}
