/**
 * HR's inbox of payslip questions, open or answered, newest first.
 * @example const { items } = await listPayslipQuestions(ctx, { status: "open" })
 */

import { authorize } from "../auth/authorize.js";
import type { ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";
import { type QuestionView, questionView } from "./show-payslip.js";

/**
 * Lists the questions.
 * @example await listPayslipQuestions(ctx, { status: "answered" })
 */
export async function listPayslipQuestions(
  ctx: ServiceContext,
  f: { status?: "open" | "answered" } = {},
): Promise<{ items: QuestionView[] }> {
  authorize(ctx, "questions.answer");
  const rows = await storeCall(() =>
    ctx.store.feedback.listQuestions(ctx.tenantId, f.status ? { status: f.status } : {}),
  );
  return { items: rows.map(questionView) };
}
