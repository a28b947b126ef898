/**
 * The 工资条 outbox on SQLite and PGlite: one row per run and employee whatever the number of queueings, due
 * messages by time, sent / retried / failed, a failed one queued again; employees' e-mail round trip.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "./index.js";
import { setupTenant, testStore } from "./suite-kit.js";

for (const url of ["sqlite::memory:", "pglite://memory"]) {
  describe(`mail outbox on ${url}`, () => {
    let s: Store;
    let t = "";
    let runId = "";
    const ids: string[] = [];
    beforeAll(async () => {
      s = await testStore(url);
      const setup = await setupTenant(s);
      t = setup.t;
      runId = (
        await s.runs.startRun(t, { period: setup.period, policyVersionId: setup.versionId, inputsHash: "h" })
      ).id;
      for (const [no, email] of [
        ["E1", "e1@example.cn"],
        ["E2", null],
      ] as const) {
        const e = await s.employees.create(t, {
          employeeNo: no,
          name: `员工${no}`,
          employmentType: "全职",
          email,
        });
        ids.push(e.id);
      }
    }, 60_000);
    afterAll(() => s.close());

    it("stores the employee's e-mail, updates and keeps it through saveMany", async () => {
      expect((await s.employees.getByNo(t, "E1")).email).toBe("e1@example.cn");
      await s.employees.update(t, "E2", { email: "e2@example.cn" });
      await s.employees.saveMany(t, [{ employeeNo: "E1", name: "员工E1", employmentType: "全职" }]);
      expect((await s.employees.getByNo(t, "E1")).email).toBe("e1@example.cn");
      expect((await s.employees.getByNo(t, "E2")).email).toBe("e2@example.cn");
    });

    it("queues once per run and employee, lists what is due, records sent, retry and failure", async () => {
      const msgs = ids.map((employeeId, i) => ({
        runId,
        employeeId,
        toAddress: `e${i + 1}@example.cn`,
        subject: "甲 2025-03 工资条",
      }));
      expect(await s.mailOutbox.enqueue(t, msgs, "2030-01-01T00:00:00.000Z")).toEqual({
        queued: 2,
        requeued: 0,
        kept: 0,
      });
      expect(await s.mailOutbox.enqueue(t, msgs, "2030-01-01T00:00:01.000Z")).toEqual({
        queued: 0,
        requeued: 0,
        kept: 2,
      });
      expect(await s.mailOutbox.listDue(t, "2029-12-31T23:59:59.000Z")).toEqual([]);
      const due = await s.mailOutbox.listDue(t, "2030-01-01T00:00:00.000Z");
      expect(due.map((m) => [m.employeeNo, m.status, m.attempts])).toEqual([
        ["E1", "queued", 0],
        ["E2", "queued", 0],
      ]);
      // a second sender cannot take a message already taken
      expect(await s.mailOutbox.claim(t, due[0]!, "2030-01-01T00:10:00.000Z")).toBe(true);
      expect(await s.mailOutbox.claim(t, due[0]!, "2030-01-01T00:10:00.000Z")).toBe(false);
      await s.mailOutbox.markSent(t, due[0]!.id, {
        messageId: "<a@x>",
        at: "2030-01-01T00:00:02.000Z",
        attempts: 1,
      });
      await s.mailOutbox.markAttemptFailed(t, due[1]!.id, {
        error: "451 busy",
        attempts: 1,
        nextAttemptAt: "2030-01-01T00:01:00.000Z",
      });
      expect((await s.mailOutbox.listDue(t, "2030-01-01T00:00:30.000Z")).length).toBe(0);
      expect((await s.mailOutbox.listDue(t, "2030-01-01T00:01:00.000Z")).map((m) => m.employeeNo)).toEqual([
        "E2",
      ]);
      await s.mailOutbox.markAttemptFailed(t, due[1]!.id, {
        error: "550 no such user",
        attempts: 5,
        nextAttemptAt: null,
      });
      const log = await s.mailOutbox.listByRun(t, runId);
      expect(log.map((m) => [m.employeeNo, m.status, m.attempts, m.messageId, m.lastError])).toEqual([
        ["E1", "sent", 1, "<a@x>", null],
        ["E2", "failed", 5, null, "550 no such user"],
      ]);
      // queueing again leaves the sent one and gives the failed one a new start
      expect(await s.mailOutbox.enqueue(t, msgs, "2030-01-02T00:00:00.000Z")).toEqual({
        queued: 0,
        requeued: 1,
        kept: 1,
      });
      const again = await s.mailOutbox.listByRun(t, runId);
      expect(again.map((m) => [m.status, m.attempts])).toEqual([
        ["sent", 1],
        ["queued", 0],
      ]);
    });
  });
}
