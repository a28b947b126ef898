/**
 * `xinsuan send payslips --period YYYY-MM`: queues the PDF 工资条 e-mail of the period's approved run (one message
 * per employee with a 邮箱) and sends what is due now over SMTP (XINSUAN_SMTP_URL = smtp://user:pass@host:port,
 * smtps:// for TLS on connect; XINSUAN_MAIL_FROM = the sender). Run it again to retry what failed (after 1, 5,
 * 30 minutes; failed for good after 5 attempts). `xinsuan send status --period` shows the send log.
 * @example XINSUAN_SMTP_URL=smtp://hr:pw@mail.example.cn:587 XINSUAN_MAIL_FROM=hr@example.cn xinsuan send payslips --period 2026-08
 */

import { AppError, formatTerminalTable } from "@xinsuan/server/io";
import type { Command } from "commander";
import { needOption } from "../need-option.js";

type Io = { out: (s: string) => void; err: (s: string) => void };
type Opts = { db?: string; company?: string; period?: string };

const STATUS_ZH = { queued: "待发送", sent: "已发送", failed: "发送失败" } as const;

/** SMTP settings from the environment; USAGE naming the variable that is missing. */
async function smtpFromEnv(env: NodeJS.ProcessEnv) {
  const { smtpSettingsFromUrl } = await import("@xinsuan/server");
  const url = env.XINSUAN_SMTP_URL;
  const from = env.XINSUAN_MAIL_FROM;
  if (!url)
    throw new AppError(
      "USAGE",
      "缺少环境变量 XINSUAN_SMTP_URL（如 smtp://用户:密码@smtp.example.cn:587）",
      "XINSUAN_SMTP_URL is not set (e.g. smtp://user:pass@smtp.example.cn:587)",
    );
  if (!from)
    throw new AppError(
      "USAGE",
      "缺少环境变量 XINSUAN_MAIL_FROM（发件人邮箱）",
      "XINSUAN_MAIL_FROM (the sender's address) is not set",
    );
  return smtpSettingsFromUrl(url, from);
}

/**
 * `xinsuan send payslips`: queue, then send what is due.
 * @example await runSendPayslips({ period: "2026-08" }, console.log)
 */
export async function runSendPayslips(o: Opts, print: (s: string) => void, env = process.env): Promise<void> {
  const period = needOption(o.period, "--period");
  const smtp = await smtpFromEnv(env);
  const { payslipMailRenderer, queuePayslipMail, sendMailQueue } = await import("@xinsuan/server");
  const { contextFor, withStore } = await import("./workspace.js");
  await withStore(o, async (store) => {
    const ctx = await contextFor(store, o);
    const q = await queuePayslipMail(ctx, { period });
    print(
      `${period} 工资条邮件：新排队 ${q.queued} 封，重新排队 ${q.requeued} 封，已在队列或已发送 ${q.kept} 封；主题“${q.subject}”`,
    );
    if (q.withoutAddress.length > 0)
      print(
        `${q.withoutAddress.length} 人没有邮箱，未发送：${q.withoutAddress
          .slice(0, 20)
          .map((e) => `${e.employeeNo} ${e.name}`)
          .join("、")}${q.withoutAddress.length > 20 ? " …" : ""}（在员工表“邮箱”列补填后重新导入）`,
      );
    const r = await sendMailQueue(ctx, { smtp, render: payslipMailRenderer() });
    print(`本次发送：成功 ${r.sent} 封，稍后重试 ${r.retry} 封，失败 ${r.failed} 封`);
    for (const x of r.outcomes.filter((y) => y.status !== "sent"))
      print(
        `  ${x.employeeNo} ${x.toAddress}：${x.error ?? ""}${x.nextAttemptAt ? `（第 ${x.attempts} 次，${x.nextAttemptAt} 后重试：再次运行本命令）` : "（已放弃）"}`,
      );
  });
}

/**
 * `xinsuan send status`: the send log of the period's approved run.
 * @example await runSendStatus({ period: "2026-08" }, console.log)
 */
export async function runSendStatus(o: Opts, print: (s: string) => void): Promise<void> {
  const period = needOption(o.period, "--period");
  const { approvedRun, storeCall } = await import("@xinsuan/server");
  const { contextFor, withStore } = await import("./workspace.js");
  await withStore(o, async (store) => {
    const ctx = await contextFor(store, o);
    const run = await approvedRun(ctx, period);
    const log = await storeCall(() => store.mailOutbox.listByRun(ctx.tenantId, run.id));
    if (log.length === 0) {
      print(`${period} 还没有工资条邮件：运行 xinsuan send payslips --period ${period}`);
      return;
    }
    const rows = log.map((m) => [
      m.employeeNo,
      m.employeeName,
      m.toAddress,
      STATUS_ZH[m.status],
      String(m.attempts),
      m.sentAt ?? m.nextAttemptAt ?? "",
      m.lastError ?? "",
    ]);
    print(
      formatTerminalTable(
        ["工号", "姓名", "邮箱", "状态", "尝试次数", "发送/下次尝试时间", "最后错误"],
        rows,
      ),
    );
    const count = (s: keyof typeof STATUS_ZH) => log.filter((m) => m.status === s).length;
    print(
      `共 ${log.length} 封：已发送 ${count("sent")}，待发送 ${count("queued")}，发送失败 ${count("failed")}`,
    );
  });
}

/**
 * Adds `send payslips|status` to the program.
 * @example registerSend(program, { out: console.log, err: console.error })
 */
export function registerSend(program: Command, io: Io): void {
  const cmd = program
    .command("send")
    .description("用邮件把 PDF 工资条发给员工（SMTP，排队、失败重试、有发送记录）");
  for (const [name, description, action] of [
    [
      "payslips",
      "把已审批期间的 PDF 工资条排队并立即发送（环境变量 XINSUAN_SMTP_URL、XINSUAN_MAIL_FROM）；再次运行重试失败的",
      (o: Opts) => runSendPayslips(o, io.out),
    ],
    ["status", "查看一个期间的工资条邮件发送记录", (o: Opts) => runSendStatus(o, io.out)],
  ] as const)
    cmd
      .command(name)
      .description(description)
      .option("--period <YYYY-MM>", "薪资期间，如 2026-08")
      .option("--db <url>", "数据库地址，同 init")
      .option("--company <名称>", "数据库中有多家公司时指定")
      .action(action);
}
