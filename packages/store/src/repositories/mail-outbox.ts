/**
 * The outbox of 工资条 e-mails, which is also their send log: one row per run and employee (a second queueing of
 * the same run adds nothing), queued → sent with the SMTP message id, or retried until it is marked failed.
 * @example await outbox.enqueue(t, [{ runId, employeeId, toAddress: "a@b.cn", subject: "甲公司 2026-08 工资条" }])
 */

import type { Kysely } from "kysely";
import { guard } from "../errors.js";
import type { Database, MailStatus } from "../schema.js";
import { chunks, newId, nowIso } from "../util.js";

/** An outbox message with its employee's 工号 and name. @example const m: MailMessage = (await outbox.listByRun(t, runId))[0] */
export type MailMessage = {
  id: string;
  runId: string;
  employeeId: string;
  employeeNo: string;
  employeeName: string;
  toAddress: string;
  subject: string;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  sentAt: string | null;
  messageId: string | null;
  createdAt: string;
};

/** A message to queue. @example const n: NewMailMessage = { runId, employeeId, toAddress: "a@b.cn", subject: "…" } */
export type NewMailMessage = { runId: string; employeeId: string; toAddress: string; subject: string };

/** What queueing did. @example const { queued, requeued, kept } = await outbox.enqueue(t, list) */
export type EnqueueResult = { queued: number; requeued: number; kept: number };

/** Outbox storage. @example const outbox: MailOutboxRepository = createMailOutboxRepository(db) */
export interface MailOutboxRepository {
  /** Adds the messages not yet in the outbox for their run; a `failed` one is queued again (attempts reset). */
  enqueue(tenantId: string, messages: readonly NewMailMessage[], at?: string): Promise<EnqueueResult>;
  /** Queued messages whose next attempt is due at `now`, oldest first (then by 工号). */
  listDue(tenantId: string, now: string, limit?: number): Promise<MailMessage[]>;
  /** Every message of a run, by 工号. */
  listByRun(tenantId: string, runId: string): Promise<MailMessage[]>;
  /**
   * Takes a due message for sending until `leaseUntil` (its next attempt moves there): false when another sender
   * took it first, so two `send` processes never send the same message twice.
   */
  claim(tenantId: string, m: Pick<MailMessage, "id" | "nextAttemptAt">, leaseUntil: string): Promise<boolean>;
  markSent(
    tenantId: string,
    id: string,
    sent: { messageId: string; at: string; attempts: number },
  ): Promise<void>;
  /** A failed attempt: `nextAttemptAt` null marks the message failed for good. */
  markAttemptFailed(
    tenantId: string,
    id: string,
    f: { error: string; attempts: number; nextAttemptAt: string | null },
  ): Promise<void>;
}

/**
 * The outbox over Kysely.
 * @example const due = await createMailOutboxRepository(db).listDue(tenantId, new Date().toISOString())
 */
export function createMailOutboxRepository(db: Kysely<Database>): MailOutboxRepository {
  const base = (tenantId: string) =>
    db
      .selectFrom("mail_outbox as m")
      .innerJoin("employees as e", (j) =>
        j.onRef("e.id", "=", "m.employee_id").onRef("e.tenant_id", "=", "m.tenant_id"),
      )
      .select([
        "m.id as id",
        "m.run_id as runId",
        "m.employee_id as employeeId",
        "e.employee_no as employeeNo",
        "e.name as employeeName",
        "m.to_address as toAddress",
        "m.subject as subject",
        "m.status as status",
        "m.attempts as attempts",
        "m.last_error as lastError",
        "m.next_attempt_at as nextAttemptAt",
        "m.sent_at as sentAt",
        "m.message_id as messageId",
        "m.created_at as createdAt",
      ])
      .where("m.tenant_id", "=", tenantId);
  const toNumber = (m: MailMessage): MailMessage => ({ ...m, attempts: Number(m.attempts) });

  return {
    async enqueue(tenantId, messages, at = nowIso()) {
      const result: EnqueueResult = { queued: 0, requeued: 0, kept: 0 };
      for (const chunk of chunks(messages, 500)) {
        const runIds = [...new Set(chunk.map((m) => m.runId))];
        const existing = await db
          .selectFrom("mail_outbox")
          .select(["id", "run_id", "employee_id", "status"])
          .where("tenant_id", "=", tenantId)
          .where("run_id", "in", runIds)
          .where(
            "employee_id",
            "in",
            chunk.map((m) => m.employeeId),
          )
          .execute();
        const known = new Map(existing.map((r) => [`${r.run_id}\u0000${r.employee_id}`, r]));
        const fresh = chunk.filter((m) => !known.has(`${m.runId}\u0000${m.employeeId}`));
        const failed = existing.filter((r) => r.status === "failed").map((r) => r.id);
        result.kept += existing.length - failed.length;
        if (fresh.length > 0) {
          await guard("写入邮件队列", "queueing e-mail", () =>
            db
              .insertInto("mail_outbox")
              .values(
                fresh.map((m) => ({
                  id: newId(),
                  tenant_id: tenantId,
                  run_id: m.runId,
                  employee_id: m.employeeId,
                  to_address: m.toAddress,
                  subject: m.subject,
                  status: "queued" as const,
                  attempts: 0,
                  last_error: null,
                  next_attempt_at: at,
                  sent_at: null,
                  message_id: null,
                  created_at: at,
                })),
              )
              .onConflict((oc) => oc.columns(["tenant_id", "run_id", "employee_id"]).doNothing())
              .execute(),
          );
          result.queued += fresh.length;
        }
        if (failed.length > 0) {
          await guard("重新排队邮件", "re-queueing e-mail", () =>
            db
              .updateTable("mail_outbox")
              .set({ status: "queued", attempts: 0, next_attempt_at: at, last_error: null })
              .where("tenant_id", "=", tenantId)
              .where("id", "in", failed)
              .execute(),
          );
          result.requeued += failed.length;
        }
      }
      return result;
    },

    async listDue(tenantId, now, limit = 500) {
      const rows = await base(tenantId)
        .where("m.status", "=", "queued")
        .where("m.next_attempt_at", "<=", now)
        .orderBy("m.next_attempt_at")
        .orderBy("m.created_at")
        .orderBy("e.employee_no")
        .limit(limit)
        .execute();
      return rows.map(toNumber);
    },

    async listByRun(tenantId, runId) {
      const rows = await base(tenantId).where("m.run_id", "=", runId).orderBy("e.employee_no").execute();
      return rows.map(toNumber);
    },

    async claim(tenantId, m, leaseUntil) {
      const r = await guard("领取待发邮件", "claiming a queued e-mail", () => {
        let q = db
          .updateTable("mail_outbox")
          .set({ next_attempt_at: leaseUntil })
          .where("tenant_id", "=", tenantId)
          .where("id", "=", m.id)
          .where("status", "=", "queued");
        q =
          m.nextAttemptAt === null
            ? q.where("next_attempt_at", "is", null)
            : q.where("next_attempt_at", "=", m.nextAttemptAt);
        return q.executeTakeFirst();
      });
      return Number(r.numUpdatedRows) === 1;
    },

    async markSent(tenantId, id, s) {
      await guard("记录邮件已发送", "recording a sent e-mail", () =>
        db
          .updateTable("mail_outbox")
          .set({
            status: "sent",
            message_id: s.messageId,
            sent_at: s.at,
            attempts: s.attempts,
            last_error: null,
            next_attempt_at: null,
          })
          .where("tenant_id", "=", tenantId)
          .where("id", "=", id)
          .execute(),
      );
    },

    async markAttemptFailed(tenantId, id, f) {
      await guard("记录邮件发送失败", "recording a failed e-mail attempt", () =>
        db
          .updateTable("mail_outbox")
          .set({
            status: f.nextAttemptAt === null ? "failed" : "queued",
            attempts: f.attempts,
            last_error: f.error.slice(0, 2000),
            next_attempt_at: f.nextAttemptAt,
          })
          .where("tenant_id", "=", tenantId)
          .where("id", "=", id)
          .execute(),
      );
    },
  };
}
