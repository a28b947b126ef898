/**
 * The 工资条 e-mail end to end against a local SMTP sink (smtp-server on 127.0.0.1, an ephemeral port, started by
 * the test): queue an approved run, send, and read what arrived (To, subject, the PDF attachment); a server that
 * refuses the first attempt (retried after the backoff, then sent); re-queueing; a run not approved.
 */

import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import PDFDocument from "pdfkit";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ExportWorkspace, openExportWorkspace } from "./export-test-setup.js";
import { payslipMailRenderer } from "./payslip-mail-render.js";
import { queuePayslipMail } from "./queue-payslip-mail.js";
import { nextAttemptAt, type RenderPayslipPdf, type SmtpSettings, sendMailQueue } from "./send-mail-queue.js";

type Received = { to: string[]; raw: string };

/** A tiny real PDF naming the employee (H7's renderer plugs in here). */
const renderTinyPdf: RenderPayslipPdf = (data, e) =>
  new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: "A6" });
    const parts: Buffer[] = [];
    doc.on("data", (b: Buffer) => parts.push(b));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(parts))));
    doc.on("error", reject);
    doc.text(`${data.period} ${e.employeeNo}`);
    doc.end();
  });

/** Decodes RFC 2047 encoded words (B and Q) of a header value. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
      enc.toLowerCase() === "b"
        ? Buffer.from(text, "base64").toString("utf8")
        : Buffer.from(
            text
              .replace(/_/g, " ")
              .replace(/=([0-9a-f]{2})/gi, (_x, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
            "latin1",
          ).toString("utf8"),
    );
}

/** A header of the message (folded lines joined), decoded. */
function header(raw: string, name: string): string {
  const head = raw.split(/\r\n\r\n/)[0]!.replace(/\r\n[ \t]+/g, " ");
  const line = head.split("\r\n").find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return decodeWords(line?.slice(name.length + 1).trim() ?? "");
}

/** The bytes of the first application/pdf part. */
function pdfAttachment(raw: string): Buffer | undefined {
  const parts = raw.split(/\r\n--[^\r\n]+\r\n/);
  const part = parts.find((p) => /content-type:\s*application\/pdf/i.test(p));
  if (!part) return undefined;
  const [, body] = part.split(/\r\n\r\n/);
  return Buffer.from((body ?? "").split(/\r\n--/)[0]!.replace(/\s+/g, ""), "base64");
}

let w: ExportWorkspace;
let server: SMTPServer;
let port = 0;
const received: Received[] = [];
let refuseNext = 0;
let refuseCode = 451;
const FROM = "hr@demo.example";

beforeAll(async () => {
  w = await openExportWorkspace();
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (refuseNext > 0) {
        refuseNext -= 1;
        const err = Object.assign(
          new Error(refuseCode >= 500 ? "no such mailbox" : "mailbox busy, try later"),
          {
            responseCode: refuseCode,
          },
        );
        callback(err);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (b: Buffer) => chunks.push(b));
      stream.on("end", () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.server.address() as AddressInfo).port;
}, 60_000);
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await w.store.close();
});

const smtp = (): SmtpSettings => ({ host: "127.0.0.1", port, secure: false, from: FROM });

async function setEmails(nos: readonly string[]): Promise<void> {
  for (const no of nos)
    await w.store.employees.update(w.ctx.tenantId, no, { email: `${no.toLowerCase()}@demo.example` });
}

describe("payslip e-mail", () => {
  it("backs off 1, 5, 30, 30 minutes and gives up after the 5th attempt", () => {
    const t = new Date("2026-09-01T00:00:00Z");
    expect([1, 2, 3, 4, 5].map((n) => nextAttemptAt(n, t))).toEqual([
      "2026-09-01T00:01:00.000Z",
      "2026-09-01T00:05:00.000Z",
      "2026-09-01T00:30:00.000Z",
      "2026-09-01T00:30:00.000Z",
      null,
    ]);
  });

  it("refuses a run that is not approved and queues nothing", async () => {
    await expect(queuePayslipMail(w.ctx, { period: "2026-09" })).rejects.toMatchObject({
      code: "RUN_NOT_READY",
    });
    const runs = await w.store.runs.listRuns(w.ctx.tenantId, "2026-09");
    expect(await w.store.mailOutbox.listByRun(w.ctx.tenantId, runs.at(-1)!.id)).toEqual([]);
  });

  it("queues one message per employee with an address, sends it with the PDF, retries a refusal, never twice", async () => {
    const all = await w.store.employees.list(w.ctx.tenantId);
    const run = (await w.store.runs.listRuns(w.ctx.tenantId, "2026-08")).at(-1)!;
    const slips = await w.store.runs.listPayslips(w.ctx.tenantId, run.id);
    const withSlip = all.filter((e) => slips.some((s) => s.employeeNo === e.employeeNo));
    const mailed = withSlip.slice(0, 3).map((e) => e.employeeNo);
    await setEmails(mailed);

    const q = await queuePayslipMail(w.ctx, { period: "2026-08" });
    const tenant = await w.store.tenants.get(w.ctx.tenantId);
    expect(q.subject).toBe(`${tenant.name} 2026-08 工资条`);
    expect(q.queued).toBe(3);
    expect(q.withoutAddress.map((x) => x.employeeNo).sort()).toEqual(
      slips
        .map((s) => s.employeeNo)
        .filter((no) => !mailed.includes(no))
        .sort(),
    );

    // the first recipient is refused once (451): retried later, the other two go out now
    refuseNext = 1;
    const t0 = new Date("2030-01-01T08:00:00Z");
    const first = await sendMailQueue(w.ctx, { smtp: smtp(), render: renderTinyPdf, now: () => t0 });
    expect({ sent: first.sent, retry: first.retry, failed: first.failed }).toEqual({
      sent: 2,
      retry: 1,
      failed: 0,
    });
    const retried = first.outcomes.find((x) => x.status === "retry")!;
    expect(retried.error).toMatch(/busy/);
    expect(retried.nextAttemptAt).toBe("2030-01-01T08:01:00.000Z");

    // not yet due: nothing is sent
    const early = await sendMailQueue(w.ctx, {
      smtp: smtp(),
      render: renderTinyPdf,
      now: () => new Date("2030-01-01T08:00:30Z"),
    });
    expect(early.outcomes).toEqual([]);
    const later = await sendMailQueue(w.ctx, {
      smtp: smtp(),
      render: renderTinyPdf,
      now: () => new Date("2030-01-01T08:02:00Z"),
    });
    expect(later.outcomes.map((x) => [x.employeeNo, x.status, x.attempts])).toEqual([
      [retried.employeeNo, "sent", 2],
    ]);

    // what arrived: three messages, one per address, the right subject and a real PDF naming the employee
    expect(received.map((r) => r.to[0]).sort()).toEqual(
      mailed.map((no) => `${no.toLowerCase()}@demo.example`).sort(),
    );
    for (const r of received) {
      expect(header(r.raw, "Subject")).toBe(`${tenant.name} 2026-08 工资条`);
      expect(header(r.raw, "To")).toBe(r.to[0]);
      expect(header(r.raw, "From")).toBe(FROM);
      const pdf = pdfAttachment(r.raw);
      expect(pdf?.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(pdf!.length).toBeGreaterThan(500);
    }

    // the log: all sent with a message id, the retried one after 2 attempts with its error cleared
    const log = await w.store.mailOutbox.listByRun(w.ctx.tenantId, run.id);
    expect(log.map((m) => m.status)).toEqual(["sent", "sent", "sent"]);
    expect(log.every((m) => /^<.+@.+>$/.test(m.messageId ?? ""))).toBe(true);
    expect(log.find((m) => m.employeeNo === retried.employeeNo)).toMatchObject({
      attempts: 2,
      lastError: null,
    });

    // queueing again adds nothing and sends nothing
    const again = await queuePayslipMail(w.ctx, { period: "2026-08" });
    expect({ queued: again.queued, requeued: again.requeued, kept: again.kept }).toEqual({
      queued: 0,
      requeued: 0,
      kept: 3,
    });
    const none = await sendMailQueue(w.ctx, {
      smtp: smtp(),
      render: renderTinyPdf,
      now: () => new Date("2030-01-02T00:00:00Z"),
    });
    expect(none.outcomes).toEqual([]);
    expect(received.length).toBe(3);
    expect(await w.store.mailOutbox.listByRun(w.ctx.tenantId, run.id)).toHaveLength(3);

    // audited with counts
    const audit = await w.store.db
      .selectFrom("audit_log")
      .select(["action", "after_json"])
      .where("tenant_id", "=", w.ctx.tenantId)
      .where("action", "like", "mail.%")
      .orderBy("at")
      .execute();
    expect(audit.map((a) => [a.action, JSON.parse(a.after_json ?? "{}")])).toEqual([
      [
        "mail.queue",
        { period: "2026-08", queued: 3, requeued: 0, kept: 0, withoutAddress: slips.length - 3 },
      ],
      ["mail.send", { sent: 2, retry: 1, failed: 0 }],
      ["mail.send", { sent: 1, retry: 0, failed: 0 }],
      [
        "mail.queue",
        { period: "2026-08", queued: 0, requeued: 0, kept: 3, withoutAddress: slips.length - 3 },
      ],
    ]);
  }, 60_000);

  it("attaches the real PDF payslip (H7's renderer) naming the employee and the net pay", async () => {
    const run = (await w.store.runs.listRuns(w.ctx.tenantId, "2026-08")).at(-1)!;
    const slips = await w.store.runs.listPayslips(w.ctx.tenantId, run.id);
    const emp = (await w.store.employees.list(w.ctx.tenantId)).find(
      (e) => !e.email && slips.some((x) => x.employeeNo === e.employeeNo),
    )!;
    await setEmails([emp.employeeNo]);
    expect((await queuePayslipMail(w.ctx, { period: "2026-08" })).queued).toBe(1);
    const before = received.length;
    const r = await sendMailQueue(w.ctx, {
      smtp: smtp(),
      render: payslipMailRenderer(),
      now: () => new Date("2030-01-03T00:00:00Z"),
    });
    expect(r.outcomes.map((x) => [x.employeeNo, x.status])).toEqual([[emp.employeeNo, "sent"]]);
    const pdf = pdfAttachment(received[before]!.raw)!;
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const file = join(mkdtempSync(join(tmpdir(), "xinsuan-mail-")), "a.pdf");
    writeFileSync(file, pdf);
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    const net = slips.find((x) => x.employeeNo === emp.employeeNo)!.net;
    expect(text).toContain(emp.employeeNo);
    expect(text.replace(/,/g, "")).toContain(net);
  }, 60_000);

  it("marks a message failed after 5 refused attempts", async () => {
    const unreachable: SmtpSettings = { host: "127.0.0.1", port: 1, secure: false, from: FROM };
    const run = (await w.store.runs.listRuns(w.ctx.tenantId, "2026-08")).at(-1)!;
    const slips = await w.store.runs.listPayslips(w.ctx.tenantId, run.id);
    const emp = (await w.store.employees.list(w.ctx.tenantId)).find(
      (e) => !e.email && slips.some((x) => x.employeeNo === e.employeeNo),
    )!;
    await w.store.mailOutbox.enqueue(
      w.ctx.tenantId,
      [{ runId: run.id, employeeId: emp.id, toAddress: "x@demo.example", subject: "s" }],
      "2030-02-01T00:00:00.000Z",
    );
    let t = new Date("2030-02-01T00:00:00Z");
    const statuses: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await sendMailQueue(w.ctx, { smtp: unreachable, render: renderTinyPdf, now: () => t });
      statuses.push(...r.outcomes.map((x) => x.status));
      t = new Date(t.getTime() + 31 * 60_000);
    }
    expect(statuses).toEqual(["retry", "retry", "retry", "retry", "failed"]);
    const row = (await w.store.mailOutbox.listByRun(w.ctx.tenantId, run.id)).find(
      (m) => m.employeeId === emp.id,
    )!;
    expect(row).toMatchObject({ status: "failed", attempts: 5, nextAttemptAt: null });
    expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
  }, 60_000);
  it("fails a message at once on a permanent refusal (550), without retries", async () => {
    const run = (await w.store.runs.listRuns(w.ctx.tenantId, "2026-08")).at(-1)!;
    const slips = await w.store.runs.listPayslips(w.ctx.tenantId, run.id);
    const queued = new Set(
      (await w.store.mailOutbox.listByRun(w.ctx.tenantId, run.id)).map((m) => m.employeeId),
    );
    const emp = (await w.store.employees.list(w.ctx.tenantId)).find(
      (e) => !queued.has(e.id) && slips.some((x) => x.employeeNo === e.employeeNo),
    )!;
    await w.store.mailOutbox.enqueue(
      w.ctx.tenantId,
      [{ runId: run.id, employeeId: emp.id, toAddress: "nobody@demo.example", subject: "s" }],
      "2030-03-01T00:00:00.000Z",
    );
    refuseNext = 1;
    refuseCode = 550;
    try {
      const r = await sendMailQueue(w.ctx, {
        smtp: smtp(),
        render: renderTinyPdf,
        now: () => new Date("2030-03-01T00:00:00Z"),
      });
      expect(r.outcomes.map((o) => [o.status, o.attempts])).toEqual([["failed", 1]]);
      const row = (await w.store.mailOutbox.listByRun(w.ctx.tenantId, run.id)).find(
        (m) => m.employeeId === emp.id,
      )!;
      expect(row).toMatchObject({ status: "failed", attempts: 1, nextAttemptAt: null });
      expect(row.lastError).toMatch(/550|no such mailbox/);
    } finally {
      refuseCode = 451;
      refuseNext = 0;
    }
  });
});
