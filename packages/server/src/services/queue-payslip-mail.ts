/**
 * Queues the PDF 工资条 e-mail of a period's approved run: one message per employee of the run who has an
 * address (`employees.email`), subject "${company} ${period} 工资条". Employees without an address are listed in
 * the result, not an error. Queueing the same run again adds nothing (a failed message is queued again).
 * The PDF is rendered when the message is sent (send-mail-queue.ts), from the stored payslips.
 * @example const r = await queuePayslipMail(ctx, { period: "2026-08" }); r.withoutAddress.length
 */

import type { Employee, NewMailMessage, Run } from "@xinsuan/store";
import { AppError } from "../app-error.js";
import { inTransaction, type ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";

/** Options. @example const o: QueuePayslipMailOptions = { period: "2026-08" } */
export type QueuePayslipMailOptions = { period: string };

/** What queueing did. @example const { queued, withoutAddress } = await queuePayslipMail(ctx, { period: "2026-08" }) */
export type QueuePayslipMailResult = {
  runId: string;
  period: string;
  subject: string;
  /** New messages. */
  queued: number;
  /** Messages that had failed for good and are queued again. */
  requeued: number;
  /** Messages already in the outbox (queued or sent), left as they are. */
  kept: number;
  /** Employees of the run without an e-mail address. */
  withoutAddress: { employeeNo: string; name: string }[];
};

const PERIOD_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
const FINAL = new Set(["approved", "paid", "locked"]);

/**
 * The period's approved (paid, locked) run; RUN_NOT_READY for a run not approved, NOT_FOUND without a run.
 * @example const run = await approvedRun(ctx, "2026-08")
 */
export async function approvedRun(ctx: ServiceContext, period: string): Promise<Run> {
  if (!PERIOD_RE.test(period))
    throw new AppError(
      "USAGE",
      `期间“${period}”格式不对，应为 YYYY-MM，如 2026-10`,
      "period must be YYYY-MM",
    );
  const runs = await storeCall(() => ctx.store.runs.listRuns(ctx.tenantId, period));
  const final = runs.filter((r) => FINAL.has(r.status)).at(-1);
  if (final) return final;
  const latest = runs.at(-1);
  if (!latest)
    throw new AppError(
      "NOT_FOUND",
      `${period} 还没有算薪，无工资条可发`,
      `no run of ${period}: no payslips to send`,
    );
  throw new AppError(
    "RUN_NOT_READY",
    `${period} 的算薪尚未审批（状态 ${latest.status}），未审批的工资条不能发给员工；请先 xinsuan approve --period ${period}`,
    `the run of ${period} is ${latest.status}, not approved: payslips are sent only for an approved run`,
  );
}

/** Every employee of the tenant by 工号, read in pages. */
async function employeesByNo(ctx: ServiceContext): Promise<Map<string, Employee>> {
  const out = new Map<string, Employee>();
  const page = 1000;
  for (let offset = 0; ; offset += page) {
    const list = await storeCall(() => ctx.store.employees.list(ctx.tenantId, { limit: page, offset }));
    for (const e of list) out.set(e.employeeNo, e);
    if (list.length < page) return out;
  }
}

/**
 * Queues one 工资条 e-mail per employee of `period`'s approved run who has an address; audit-logged with the
 * counts. Nothing is written when anything fails.
 * @example await queuePayslipMail(ctx, { period: "2026-08" })
 */
export async function queuePayslipMail(
  ctx: ServiceContext,
  o: QueuePayslipMailOptions,
): Promise<QueuePayslipMailResult> {
  const run = await approvedRun(ctx, o.period);
  const [tenant, slips, employees] = await Promise.all([
    storeCall(() => ctx.store.tenants.get(ctx.tenantId)),
    storeCall(() => ctx.store.runs.listPayslips(ctx.tenantId, run.id)),
    employeesByNo(ctx),
  ]);
  const subject = `${tenant.name} ${o.period} 工资条`;
  const withoutAddress: QueuePayslipMailResult["withoutAddress"] = [];
  const messages: NewMailMessage[] = [];
  for (const s of slips) {
    const e = employees.get(s.employeeNo);
    if (!e?.email) {
      withoutAddress.push({ employeeNo: s.employeeNo, name: e?.name ?? "" });
      continue;
    }
    messages.push({ runId: run.id, employeeId: e.id, toAddress: e.email, subject });
  }
  const counts = await storeCall(() =>
    inTransaction(ctx.store, async (tx) => {
      const c = await tx.mailOutbox.enqueue(ctx.tenantId, messages);
      await tx.audit.append(ctx.tenantId, {
        actor: ctx.actor,
        action: "mail.queue",
        entity: "run",
        entityId: run.id,
        after: { period: o.period, ...c, withoutAddress: withoutAddress.length },
      });
      return c;
    }),
  );
  return { runId: run.id, period: o.period, subject, ...counts, withoutAddress };
}
