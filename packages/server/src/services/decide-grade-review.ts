/**
 * HR's decision on a 晋升/降级 candidate. Confirming adds the new 职级 to the employee's grade history, effective the
 * first day of the period after the review's (so the next period's run uses it); rejecting records the comment.
 * Both are audited; a review is decided once.
 * @example await decideGradeReview(ctx, { id, decision: "confirmed" })
 */

import type { GradeReview } from "@xinsuan/store";
import { AppError } from "../app-error.js";
import { authorize } from "../auth/authorize.js";
import { inTransaction, type ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";

/** The first day of the month after a YYYY-MM period. @example firstDayOfNextPeriod("2026-12") === "2027-01-01" */
export function firstDayOfNextPeriod(period: string): string {
  const [y, m] = period.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
}

/**
 * Confirms or rejects a pending review; the decided review is returned (with `effectiveFrom` when confirmed).
 * @example const r = await decideGradeReview(ctx, { id, decision: "rejected", comment: "考核期未满" })
 */
export async function decideGradeReview(
  ctx: ServiceContext,
  o: { id: string; decision: "confirmed" | "rejected"; comment?: string },
): Promise<GradeReview & { effectiveFrom?: string }> {
  authorize(ctx, "reviews.decide");
  const { store, tenantId, actor } = ctx;
  return storeCall(() =>
    inTransaction(store, async (tx) => {
      const before = await tx.gradeReviews.get(tenantId, o.id);
      if (!before)
        throw new AppError("NOT_FOUND", `找不到晋升/降级审批 ${o.id}`, `grade review ${o.id} not found`);
      if (before.status !== "pending") {
        const was = before.status === "confirmed" ? "确认" : "驳回";
        throw new AppError(
          "INPUT_INVALID",
          `${before.employeeNo} ${before.employeeName} 的“${before.rule}”（${before.period}）已于 ${before.decidedAt} 由 ${before.decidedBy} ${was}，不能再次审批`,
          `grade review ${o.id} (${before.employeeNo}, ${before.rule}, ${before.period}) was already ${before.status} by ${before.decidedBy}`,
        );
      }
      const decided = await tx.gradeReviews.decide(tenantId, o.id, {
        status: o.decision,
        by: actor,
        comment: o.comment ?? null,
      });
      const effectiveFrom = o.decision === "confirmed" ? firstDayOfNextPeriod(before.period) : undefined;
      if (effectiveFrom) {
        const verb = before.rule.includes("降级") ? "降级审批" : "晋升审批";
        await tx.history.addGrade(tenantId, before.employeeId, {
          grade: before.toGrade,
          effectiveFrom,
          reason: `${verb} ${before.period} ${before.rule}：${before.fromGrade} → ${before.toGrade}（${actor}）`,
        });
      }
      await tx.audit.append(tenantId, {
        actor,
        action: o.decision === "confirmed" ? "grade_review.confirm" : "grade_review.reject",
        entity: "grade_review",
        entityId: o.id,
        before: { status: before.status, employeeNo: before.employeeNo, grade: before.fromGrade },
        after: {
          status: decided.status,
          ...(effectiveFrom ? { grade: before.toGrade, effectiveFrom } : {}),
          ...(o.comment ? { comment: o.comment } : {}),
        },
      });
      return { ...decided, ...(effectiveFrom ? { effectiveFrom } : {}) };
    }),
  );
}
