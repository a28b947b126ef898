/**
 * The employee asks a question about one line of their own approved payslip; it lands in HR's inbox
 * (list-payslip-questions). The line must be one of the payslip's lines (or 其他 for a general question); the
 * text 1–500 characters. Audit-logged.
 * @example const q = await askPayslipQuestion(ctx, { period: "2026-09", employeeNo: "A0000002", line: "绩效工资", text: "为什么是80%？" })
 */

import { AppError } from "../app-error.js";
import type { ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";
import { requireSelf } from "./confirm-payslip.js";
import { chooseShownRun } from "./run-view-cache.js";
import { type QuestionView, questionView, showPayslip, visibleEmployee } from "./show-payslip.js";

/** The line name for a question about the payslip as a whole. @example GENERAL_LINE === "其他" */
export const GENERAL_LINE = "其他";

/**
 * Stores the question.
 * @example await askPayslipQuestion(ctx, { period, employeeNo, line: "其他", text: "…" })
 */
export async function askPayslipQuestion(
  ctx: ServiceContext,
  o: { period: string; employeeNo: string; line: string; text: string },
): Promise<QuestionView> {
  const e = await visibleEmployee(ctx, o.employeeNo);
  requireSelf(ctx, e);
  const text = o.text.trim();
  if (text.length < 1 || text.length > 500)
    throw new AppError("INPUT_INVALID", "问题内容应为 1–500 个字", "a question must be 1–500 characters", [
      { zh: "text: 长度应为 1–500 个字", en: "text: 1–500 characters" },
    ]);
  const slip = await showPayslip(ctx, { period: o.period, employeeNo: o.employeeNo });
  const names = new Set([...slip.lines, ...slip.details].map((l) => l.name));
  if (o.line !== GENERAL_LINE && !names.has(o.line))
    throw new AppError(
      "INPUT_INVALID",
      `工资条中没有“${o.line}”这一项`,
      `the payslip has no line "${o.line}"`,
      [{ zh: `line: 没有“${o.line}”`, en: `line: no "${o.line}"` }],
    );
  const run = await chooseShownRun(ctx, o.period, false);
  const q = await storeCall(() =>
    ctx.store.feedback.ask(ctx.tenantId, {
      runId: run.id,
      period: o.period,
      employeeId: e.id,
      line: o.line,
      text,
    }),
  );
  await storeCall(() =>
    ctx.store.audit.append(ctx.tenantId, {
      actor: ctx.actor,
      action: "payslip.question",
      entity: "question",
      entityId: q.id,
      after: { period: o.period, line: o.line },
    }),
  );
  return questionView(q);
}
