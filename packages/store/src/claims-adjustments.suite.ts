/**
 * Repository cases for claims (申报) and adjustments (补发 / 补扣) and the audit list's filters, registered once per
 * database (SQLite and PGlite in memory).
 * @example registerClaimsAdjustmentsSuite("SQLite", () => testStore("sqlite::memory:"))
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "./index.js";
import { rejectsWith } from "./suite-kit.js";

/**
 * Registers the suite under `label`; `factory` opens a migrated store.
 * @example registerClaimsAdjustmentsSuite("PGlite", () => testStore("pglite://memory"))
 */
export function registerClaimsAdjustmentsSuite(label: string, factory: () => Promise<Store>): void {
  describe(label, () => {
    let s: Store;
    beforeAll(async () => {
      s = await factory();
    });
    afterAll(async () => {
      await s?.close();
    });

    /** A tenant with two teams and three employees (E002 and E001 in 一组, E003 in 二组). */
    async function setup() {
      const t = (await s.tenants.create("申报测试公司")).id;
      const one = await s.teams.create(t, { name: "一组" });
      const two = await s.teams.create(t, { name: "二组" });
      const e2 = await s.employees.create(t, {
        employeeNo: "E002",
        name: "李四",
        employmentType: "全职",
        teamId: one.id,
      });
      const e1 = await s.employees.create(t, {
        employeeNo: "E001",
        name: "张三",
        employmentType: "全职",
        teamId: one.id,
      });
      const e3 = await s.employees.create(t, {
        employeeNo: "E003",
        name: "王五",
        employmentType: "全职",
        teamId: two.id,
      });
      return { t, one, two, e1, e2, e3 };
    }
    const claim = (employeeId: string, inputName = "电话成交单数_已审批", period = "2026-10") => ({
      employeeId,
      period,
      inputName,
      quantity: "1",
      evidence: "REC-20261012-0042",
      submittedBy: "lead:wang",
    });

    it("submits a pending claim with the employee's 工号 and name, and reads it back", async () => {
      const { t, e1 } = await setup();
      const c = await s.claims.submit(t, { ...claim(e1.id), quantity: "2", note: "外拨成交" });
      expect(c).toMatchObject({
        employeeNo: "E001",
        employeeName: "张三",
        period: "2026-10",
        inputName: "电话成交单数_已审批",
        quantity: "2",
        evidence: "REC-20261012-0042",
        note: "外拨成交",
        status: "pending",
        submittedBy: "lead:wang",
        decidedBy: null,
        decidedAt: null,
        comment: null,
      });
      expect(await s.claims.get(t, c.id)).toEqual(c);
      expect(await s.claims.get(t, "no-such-id")).toBeUndefined();
    });

    it("decides a claim once: approving it sets who, when and the comment; deciding again is refused", async () => {
      const { t, e1 } = await setup();
      const c = await s.claims.submit(t, claim(e1.id));
      const ok = await s.claims.decide(t, c.id, { status: "approved", by: "lead:wang", comment: "录音已核" });
      expect(ok).toMatchObject({ status: "approved", decidedBy: "lead:wang", comment: "录音已核" });
      expect(ok.decidedAt).not.toBeNull();
      const err = await rejectsWith(s.claims.decide(t, c.id, { status: "rejected", by: "hr:li" }), "INVALID");
      expect(err.zh).toContain("已批准");
      expect((await s.claims.get(t, c.id))?.status).toBe("approved");
      await rejectsWith(s.claims.decide(t, "missing", { status: "approved", by: "x" }), "NOT_FOUND");
    });

    it("lists by period, status and team; listApproved orders by 工号 then submission", async () => {
      const { t, one, e1, e2, e3 } = await setup();
      const a = await s.claims.submit(t, claim(e2.id));
      const b = await s.claims.submit(t, claim(e1.id, "加分项数"));
      const c = await s.claims.submit(t, claim(e3.id));
      const d = await s.claims.submit(t, claim(e1.id));
      await s.claims.submit(t, claim(e1.id, "加分项数", "2026-09"));
      for (const x of [a, b, c, d]) await s.claims.decide(t, x.id, { status: "approved", by: "lead:wang" });
      const pending = await s.claims.submit(t, claim(e1.id));
      await s.claims.decide(t, (await s.claims.submit(t, claim(e2.id))).id, {
        status: "rejected",
        by: "lead:wang",
        comment: "无录音",
      });
      const approved = await s.claims.listApproved(t, "2026-10");
      expect(approved.map((x) => x.id)).toEqual([b.id, d.id, a.id, c.id]);
      expect(approved.map((x) => x.employeeNo)).toEqual(["E001", "E001", "E002", "E003"]);
      expect((await s.claims.list(t, { period: "2026-10", status: "pending" })).map((x) => x.id)).toEqual([
        pending.id,
      ]);
      expect(await s.claims.list(t, { period: "2026-10" })).toHaveLength(6);
      expect(await s.claims.list(t, { status: "rejected" })).toHaveLength(1);
      const team = await s.claims.list(t, { period: "2026-10", teamId: one.id });
      expect(new Set(team.map((x) => x.employeeNo))).toEqual(new Set(["E001", "E002"]));
      expect(await s.claims.list(t, {})).toHaveLength(7);
    });

    it("keeps tenants apart and refuses a claim for another tenant's employee", async () => {
      const a = await setup();
      const b = await setup();
      await s.claims.submit(a.t, claim(a.e1.id));
      expect(await s.claims.list(b.t, {})).toEqual([]);
      await expect(s.claims.submit(b.t, claim(a.e1.id))).rejects.toThrow();
      expect(await s.claims.list(b.t, {})).toEqual([]);
    });

    it("adds an adjustment with the amount exact to the 分 and taxable as a boolean", async () => {
      const { t, e1 } = await setup();
      const adj = await s.adjustments.add(t, {
        employeeId: e1.id,
        forPeriod: "2026-08",
        payPeriod: "2026-10",
        kind: "补发",
        amount: "300",
        taxable: true,
        reason: "8月加班费漏算",
        createdBy: "hr:li",
      });
      expect(adj).toMatchObject({
        employeeNo: "E001",
        employeeName: "张三",
        forPeriod: "2026-08",
        payPeriod: "2026-10",
        kind: "补发",
        amount: "300.00",
        taxable: true,
        cancelledBy: null,
      });
      expect(await s.adjustments.get(t, adj.id)).toEqual(adj);
      const bad = { ...adj, amount: "1.005", createdBy: "hr:li" };
      await rejectsWith(s.adjustments.add(t, bad), "INVALID");
      expect(await s.adjustments.list(t, {})).toHaveLength(1);
    });

    it("cancels once; listToPay skips cancelled ones and orders by 工号 then creation", async () => {
      const { t, e1, e2 } = await setup();
      const base = {
        forPeriod: "2026-08",
        payPeriod: "2026-10",
        taxable: false,
        reason: "餐补",
        createdBy: "hr:li",
      };
      const x = await s.adjustments.add(t, { ...base, employeeId: e2.id, kind: "补扣", amount: "50.5" });
      const y = await s.adjustments.add(t, { ...base, employeeId: e1.id, kind: "补发", amount: "10" });
      const z = await s.adjustments.add(t, { ...base, employeeId: e1.id, kind: "补发", amount: "20" });
      await s.adjustments.add(t, {
        ...base,
        employeeId: e1.id,
        kind: "补发",
        amount: "1",
        payPeriod: "2026-09",
      });
      const cancelled = await s.adjustments.cancel(t, y.id, "hr:zhao");
      expect(cancelled.cancelledBy).toBe("hr:zhao");
      expect(cancelled.cancelledAt).not.toBeNull();
      await rejectsWith(s.adjustments.cancel(t, y.id, "hr:zhao"), "INVALID");
      await rejectsWith(s.adjustments.cancel(t, "missing", "hr:zhao"), "NOT_FOUND");
      const due = await s.adjustments.listToPay(t, "2026-10");
      expect(due.map((a) => [a.employeeNo, a.amount, a.taxable])).toEqual([
        ["E001", "20.00", false],
        ["E002", "50.50", false],
      ]);
      expect(due[0]?.id).toBe(z.id);
      expect(due[1]?.id).toBe(x.id);
      expect(await s.adjustments.list(t, { payPeriod: "2026-10" })).toHaveLength(3);
      expect(await s.adjustments.list(t, { forPeriod: "2026-08", employeeId: e2.id })).toHaveLength(1);
    });

    it("lists the audit log by actor, time window and newest first", async () => {
      const { t } = await setup();
      const first = await s.audit.append(t, {
        actor: "hr:li",
        action: "x.a",
        entity: "claim",
        entityId: "1",
      });
      await new Promise((r) => setTimeout(r, 5));
      const second = await s.audit.append(t, {
        actor: "lead:wang",
        action: "x.b",
        entity: "claim",
        entityId: "2",
      });
      await new Promise((r) => setTimeout(r, 5));
      const third = await s.audit.append(t, {
        actor: "hr:li",
        action: "x.c",
        entity: "adjustment",
        entityId: "3",
      });
      expect((await s.audit.list(t, { actor: "hr:li" })).map((e) => e.id)).toEqual([first.id, third.id]);
      expect((await s.audit.list(t, { newestFirst: true, limit: 2 })).map((e) => e.id)).toEqual([
        third.id,
        second.id,
      ]);
      expect((await s.audit.list(t, { since: second.at, until: third.at })).map((e) => e.id)).toEqual([
        second.id,
      ]);
      expect((await s.audit.list(t, { entity: "claim", entityId: "2" })).map((e) => e.actor)).toEqual([
        "lead:wang",
      ]);
    });
  });
}
