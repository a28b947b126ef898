/**
 * Account, session and payslip-feedback repository cases (migration 0006), registered once per database.
 * @example registerAccountSuite("SQLite", () => testStore("sqlite::memory:"))
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "./index.js";
import { rejectsWith, setupTenant } from "./suite-kit.js";

/**
 * Registers the cases under `label`; `factory` opens a migrated store.
 * @example registerAccountSuite("PGlite", () => testStore("pglite://memory"))
 */
export function registerAccountSuite(label: string, factory: () => Promise<Store>): void {
  describe(label, () => {
    let s: Store;
    beforeAll(async () => {
      s = await factory();
    });
    afterAll(async () => {
      await s?.close();
    });

    it("keeps logins unique per company but not across companies, and finds them", async () => {
      // A real server keeps rows between runs: this run's own login.
      const login = `K${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
      const a = (await s.tenants.create("甲公司")).id;
      const b = (await s.tenants.create("乙公司")).id;
      const hash = "$argon2id$v=19$m=19456,t=2,p=1$x$y";
      const u = await s.users.create(a, { login: login, name: "张三", role: "agent", passwordHash: hash });
      await s.users.create(b, { login: login, name: "别家", role: "admin", passwordHash: hash });
      await rejectsWith(
        s.users.create(a, { login: login, name: "重复", role: "hr", passwordHash: hash }),
        "DUPLICATE",
      );
      expect((await s.users.findAllByLogin(login)).map((x) => x.tenantId).sort()).toEqual([a, b].sort());
      expect((await s.users.findByLogin(a, login))?.id).toBe(u.id);
      expect(await s.users.findByLogin(a, `${login}-x`)).toBeUndefined();
      await s.users.update(a, u.id, { role: "lead", disabled: true, mustChangePassword: true });
      const after = (await s.users.findById(a, u.id))!;
      expect([after.role, after.disabled, after.mustChangePassword]).toEqual(["lead", true, true]);
      await s.users.recordSignIn(a, u.id, { failedAttempts: 3, lockedUntil: "2026-11-27T10:15:00.000Z" });
      expect((await s.users.findById(a, u.id))!.lockedUntil).toBe("2026-11-27T10:15:00.000Z");
      expect(await s.users.countAll()).toBeGreaterThanOrEqual(2);
      await rejectsWith(
        s.users.create(a, { login: "bad", name: "x", role: "root" as "admin", passwordHash: hash }),
        "INVALID",
      );
    });

    it("creates many accounts at once and links them to employees of the same company only", async () => {
      const t = (await s.tenants.create("丙公司")).id;
      const e = await s.employees.create(t, { employeeNo: "E1", name: "王五", employmentType: "全职" });
      const n = await s.users.createMany(
        t,
        Array.from({ length: 450 }, (_, i) => ({
          login: `L${i}`,
          name: `员工${i}`,
          role: "agent" as const,
          passwordHash: "h",
          ...(i === 0 ? { employeeId: e.id } : {}),
        })),
      );
      expect(n).toBe(450);
      expect((await s.users.list(t)).length).toBe(450);
      expect((await s.users.findByEmployee(t, e.id))?.login).toBe("L0");
      const other = (await s.tenants.create("丁公司")).id;
      await rejectsWith(
        s.users.create(other, { login: "x", name: "x", role: "agent", passwordHash: "h", employeeId: e.id }),
        "NOT_FOUND",
      );
    });

    it("stores sessions by hash, extends, ends one, all of a user's but one, and expired ones", async () => {
      const t = (await s.tenants.create("戊公司")).id;
      const u = await s.users.create(t, { login: "hr", name: "李", role: "hr", passwordHash: "h" });
      const later = "2099-01-01T00:00:00.000Z";
      const run = Math.random().toString(36).slice(2, 8);
      const [s1, s2, s3, old] = ["s1", "s2", "s3", "old"].map((x) => `${x}-${run}`) as [
        string,
        string,
        string,
        string,
      ];
      for (const id of [s1, s2, s3])
        await s.sessions.create(t, { id, userId: u.id, csrfToken: `c-${id}`, expiresAt: later });
      await s.sessions.create(t, {
        id: old,
        userId: u.id,
        csrfToken: "c",
        expiresAt: "2000-01-01T00:00:00.000Z",
      });
      expect(await s.sessions.find(s1)).toMatchObject({ tenantId: t, userId: u.id, csrfToken: `c-${s1}` });
      await s.sessions.extend(s1, "2099-06-01T00:00:00.000Z");
      expect((await s.sessions.find(s1))?.expiresAt).toBe("2099-06-01T00:00:00.000Z");
      expect(await s.sessions.deleteExpired("2026-01-01T00:00:00.000Z")).toBe(1);
      await s.sessions.delete(s3);
      expect(await s.sessions.find(s3)).toBeUndefined();
      expect(await s.sessions.deleteForUser(t, u.id, s1)).toBe(1);
      expect(await s.sessions.find(s1)).toBeDefined();
      expect(await s.sessions.deleteForUser(t, u.id)).toBe(1);
    });

    it("keeps the first receipt, and answers a question once", async () => {
      const { t, period, versionId } = await setupTenant(s, "2026-09");
      const e = await s.employees.create(t, { employeeNo: "A1", name: "赵六", employmentType: "全职" });
      const run = await s.runs.startRun(t, { period, policyVersionId: versionId, inputsHash: "h" });
      const first = await s.feedback.confirm(
        t,
        { runId: run.id, employeeId: e.id },
        "2026-10-10T08:00:00.000Z",
      );
      const again = await s.feedback.confirm(
        t,
        { runId: run.id, employeeId: e.id },
        "2026-10-11T08:00:00.000Z",
      );
      expect(again).toBe(first);
      expect((await s.feedback.receipts(t, e.id)).get(run.id)).toBe(first);
      expect(await s.feedback.countReceipts(t, run.id)).toBe(1);
      const q = await s.feedback.ask(t, {
        runId: run.id,
        period,
        employeeId: e.id,
        line: "绩效工资",
        text: "为什么？",
      });
      expect(q).toMatchObject({ employeeNo: "A1", employeeName: "赵六", status: "open", answer: null });
      expect((await s.feedback.listQuestions(t, { status: "open" })).map((x) => x.id)).toEqual([q.id]);
      expect(await s.feedback.answer(t, q.id, { answer: "按评分计算", by: "hr" })).toBe(true);
      expect(await s.feedback.answer(t, q.id, { answer: "again", by: "hr" })).toBe(false);
      const [done] = await s.feedback.listQuestions(t, { id: q.id });
      expect(done).toMatchObject({ status: "answered", answer: "按评分计算", answeredBy: "hr" });
      expect(await s.feedback.listQuestions(t, { status: "open" })).toEqual([]);
    });
  });
}
