/**
 * Sends the due messages of the 工资条 outbox over SMTP (nodemailer): each with its employee's PDF attached,
 * rendered from the stored payslips at send time. A message sent is marked with its SMTP message id; a failed
 * attempt is retried after 1, 5, then 30 minutes, and after 5 attempts the message is marked failed. The outbox
 * table is the send log; each run's counts go to the audit log.
 * @example const r = await sendMailQueue(ctx, { smtp: smtpSettingsFromUrl("smtp://u:p@127.0.0.1:2525", "hr@x.cn"), render })
 */

import type { MailMessage } from "@xinsuan/store";
import { createTransport } from "nodemailer";
import { AppError } from "../app-error.js";
import type { ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";
import { type ExportData, type ExportEmployee, loadExportData } from "./export-data.js";

/** Where and as whom to send. @example const s: SmtpSettings = { host: "127.0.0.1", port: 2525, secure: false, from: "hr@x.cn" } */
export type SmtpSettings = {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user?: string;
  pass?: string;
  from: string;
};

/** Renders one employee's PDF 工资条 from the export data of the run. @example const render: RenderPayslipPdf = async (d, e) => pdfBytes */
export type RenderPayslipPdf = (data: ExportData, employee: ExportEmployee) => Promise<Uint8Array>;

/** Options. @example const o: SendMailQueueOptions = { smtp, render, now: () => new Date() } */
export type SendMailQueueOptions = {
  smtp: SmtpSettings;
  render: RenderPayslipPdf;
  /** The clock (tests move it past a retry's time). */
  now?: () => Date;
  /** At most this many messages in one call (default 500). */
  limit?: number;
};

/** One message's outcome. @example const o: MailOutcome = { employeeNo: "E001", toAddress: "a@b.cn", status: "sent", attempts: 1 } */
export type MailOutcome = {
  employeeNo: string;
  toAddress: string;
  status: "sent" | "retry" | "failed";
  attempts: number;
  error?: string;
  nextAttemptAt?: string;
};

/** What a send did. @example const { sent, retry, failed } = await sendMailQueue(ctx, o) */
export type SendMailQueueResult = { sent: number; retry: number; failed: number; outcomes: MailOutcome[] };

/** Minutes to wait after the n-th failed attempt (then 30 again); the 5th failure is final. */
const BACKOFF_MINUTES = [1, 5, 30];
/** A message being sent is due again only after this (a sender that died mid-send: the message is retried). */
const LEASE_MINUTES = 10;
/** @example MAX_MAIL_ATTEMPTS === 5 */
export const MAX_MAIL_ATTEMPTS = 5;

/**
 * When to try again after `attempts` failed attempts, or null when the message has failed for good.
 * @example nextAttemptAt(1, new Date("2026-09-01T00:00:00Z")) === "2026-09-01T00:01:00.000Z"
 */
export function nextAttemptAt(attempts: number, now: Date): string | null {
  if (attempts >= MAX_MAIL_ATTEMPTS) return null;
  const minutes = BACKOFF_MINUTES[Math.min(attempts, BACKOFF_MINUTES.length) - 1] ?? 1;
  return new Date(now.getTime() + minutes * 60_000).toISOString();
}

/**
 * SMTP settings from `smtp://user:pass@host:port` (or `smtps://`, TLS on connect, default port 465) and a sender.
 * @example smtpSettingsFromUrl("smtp://hr:pw@mail.x.cn:587", "hr@x.cn").port === 587
 */
export function smtpSettingsFromUrl(url: string, from: string): SmtpSettings {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new AppError(
      "USAGE",
      `XINSUAN_SMTP_URL“${url}”不是有效的地址，应如 smtp://用户:密码@主机:端口`,
      "XINSUAN_SMTP_URL is not a URL like smtp://user:pass@host:port",
    );
  }
  if (u.protocol !== "smtp:" && u.protocol !== "smtps:")
    throw new AppError(
      "USAGE",
      `XINSUAN_SMTP_URL 应以 smtp:// 或 smtps:// 开头`,
      "XINSUAN_SMTP_URL must start with smtp:// or smtps://",
    );
  if (!from.includes("@"))
    throw new AppError(
      "USAGE",
      `发件人 XINSUAN_MAIL_FROM“${from}”不是邮箱地址`,
      `sender XINSUAN_MAIL_FROM "${from}" is not an e-mail address`,
    );
  const secure = u.protocol === "smtps:";
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : secure ? 465 : 587,
    secure,
    ...(u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : {}),
    from,
  };
}

/** The period text of a run, from its period id. */
async function periodOf(ctx: ServiceContext, periodId: string): Promise<string> {
  const row = await storeCall(() =>
    ctx.store.db
      .selectFrom("periods")
      .select("period")
      .where("tenant_id", "=", ctx.tenantId)
      .where("id", "=", periodId)
      .executeTakeFirstOrThrow(),
  );
  return row.period;
}

/** The export data of each run, loaded once. */
function exportDataCache(ctx: ServiceContext): (runId: string) => Promise<ExportData> {
  const cache = new Map<string, Promise<ExportData>>();
  return (runId) => {
    let p = cache.get(runId);
    if (!p) {
      p = (async () => {
        const run = await storeCall(() => ctx.store.runs.getRun(ctx.tenantId, runId));
        const data = await loadExportData(ctx, { period: await periodOf(ctx, run.periodId) });
        if (data.run.id !== runId) throw new Error(`run ${runId} is no longer the period's approved run`);
        return data;
      })();
      cache.set(runId, p);
    }
    return p;
  };
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Sends every queued message that is due now; returns each outcome. SMTP failures never throw: they are
 * recorded on the message for the next attempt.
 * @example const r = await sendMailQueue(ctx, { smtp, render }); r.sent
 */
export async function sendMailQueue(
  ctx: ServiceContext,
  o: SendMailQueueOptions,
): Promise<SendMailQueueResult> {
  const now = o.now ?? (() => new Date());
  const due = await storeCall(() =>
    ctx.store.mailOutbox.listDue(ctx.tenantId, now().toISOString(), o.limit ?? 500),
  );
  const result: SendMailQueueResult = { sent: 0, retry: 0, failed: 0, outcomes: [] };
  if (due.length === 0) return result;
  const transport = createTransport({
    host: o.smtp.host,
    port: o.smtp.port,
    secure: o.smtp.secure,
    ...(o.smtp.user ? { auth: { user: o.smtp.user, pass: o.smtp.pass ?? "" } } : {}),
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
  });
  const dataOf = exportDataCache(ctx);
  const perRun = new Map<string, { sent: number; retry: number; failed: number }>();
  try {
    for (const m of due) {
      const outcome = await sendOne(ctx, m, transport, o, dataOf, now);
      if (outcome === null) continue;
      result.outcomes.push(outcome);
      result[outcome.status] += 1;
      const c = perRun.get(m.runId) ?? { sent: 0, retry: 0, failed: 0 };
      c[outcome.status] += 1;
      perRun.set(m.runId, c);
    }
  } finally {
    transport.close();
  }
  for (const [runId, counts] of perRun)
    await storeCall(() =>
      ctx.store.audit.append(ctx.tenantId, {
        actor: ctx.actor,
        action: "mail.send",
        entity: "run",
        entityId: runId,
        after: counts,
      }),
    );
  return result;
}

type Transport = ReturnType<typeof createTransport>;

/** Claims, renders, sends and records one message; null when another sender claimed it first. */
async function sendOne(
  ctx: ServiceContext,
  m: MailMessage,
  transport: Transport,
  o: SendMailQueueOptions,
  dataOf: (runId: string) => Promise<ExportData>,
  now: () => Date,
): Promise<MailOutcome | null> {
  const attempts = m.attempts + 1;
  const lease = new Date(now().getTime() + LEASE_MINUTES * 60_000).toISOString();
  if (!(await storeCall(() => ctx.store.mailOutbox.claim(ctx.tenantId, m, lease)))) return null;
  try {
    const data = await dataOf(m.runId);
    const row = data.rows.find((r) => r.employeeNo === m.employeeNo);
    if (!row) throw new Error(`no payslip of ${m.employeeNo} in run ${m.runId}`);
    const pdf = await o.render(data, row);
    const info = await transport.sendMail({
      from: o.smtp.from,
      to: m.toAddress,
      subject: m.subject,
      text: `${m.employeeName}，您好：\n\n附件是您 ${data.period} 的工资条（PDF）。如有疑问请联系人事。\n\n${data.company}`,
      attachments: [
        {
          filename: `工资条-${data.period}-${m.employeeNo}.pdf`,
          content: Buffer.from(pdf),
          contentType: "application/pdf",
        },
      ],
    });
    const at = now().toISOString();
    await storeCall(() =>
      ctx.store.mailOutbox.markSent(ctx.tenantId, m.id, { messageId: info.messageId, at, attempts }),
    );
    return { employeeNo: m.employeeNo, toAddress: m.toAddress, status: "sent", attempts };
  } catch (e) {
    if (e instanceof AppError && e.code === "DATABASE") throw e;
    const error = errorText(e);
    // A 5xx reply (550 no such mailbox …) will not change on a retry: the message fails at once.
    const code = (e as { responseCode?: unknown }).responseCode;
    const permanent = typeof code === "number" && code >= 500 && code < 600;
    const next = permanent ? null : nextAttemptAt(attempts, now());
    await storeCall(() =>
      ctx.store.mailOutbox.markAttemptFailed(ctx.tenantId, m.id, { error, attempts, nextAttemptAt: next }),
    );
    return {
      employeeNo: m.employeeNo,
      toAddress: m.toAddress,
      status: next === null ? "failed" : "retry",
      attempts,
      error,
      ...(next === null ? {} : { nextAttemptAt: next }),
    };
  }
}
