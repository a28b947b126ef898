/**
 * HR answers an open payslip question (1–2000 characters); the employee sees the answer on their payslip. A
 * question answered already is STATE_CONFLICT. Audit-logged.
 * @example const q = await answerPayslipQuestion(ctx, { id, answer: "绩效系数按8月评分80分计算……" })
 */

import { AppError } from "../app-error.js";
import { authorize } from "../auth/authorize.js";
import type { ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";
import { type QuestionView, questionView } from "./show-payslip.js";

/**
 * Stores the answer.
 * @example await answerPayslipQuestion(ctx, { id: q.id, answer: "…" })
 */
export async function answerPayslipQuestion(
  ctx: ServiceContext,
  o: { id: string; answer: string },
): Promise<QuestionView> {
  authorize(ctx, "questions.answer");
  const answer = o.answer.trim();
  if (answer.length < 1 || answer.length > 2000)
    throw new AppError("INPUT_INVALID", "回复应为 1–2000 个字", "an answer must be 1–2000 characters");
  const [q] = await storeCall(() => ctx.store.feedback.listQuestions(ctx.tenantId, { id: o.id }));
  if (!q) throw new AppError("NOT_FOUND", "没有这个提问", "no such question");
  const done = await storeCall(() =>
    ctx.store.feedback.answer(ctx.tenantId, o.id, { answer, by: ctx.actor }),
  );
  if (!done)
    throw new AppError("STATE_CONFLICT", "这个提问已经回复过了", "this question was answered already");
  await storeCall(() =>
    ctx.store.audit.append(ctx.tenantId, {
      actor: ctx.actor,
      action: "payslip.answer",
      entity: "question",
      entityId: o.id,
    }),
  );
  const [after] = await storeCall(() => ctx.store.feedback.listQuestions(ctx.tenantId, { id: o.id }));
  return questionView(after!);
}
