/**
 * Lists a period's 晋升/降级 candidates: recomputes the period's latest calculated or approved run in memory from the
 * inputs it used (its policy version), takes the employees flagged by the policy's grade review checks (`checks:`
 * with `grade:`) and stores them as pending reviews — the reason is the check's rendered message. Reviews HR has
 * already decided are kept as they were; pending ones no longer flagged are removed.
 * @example const { candidates } = await listGradeCandidates(ctx, { period: "2026-10" })
 */

import { listWarnings } from "@xinsuan/core";
import type { CandidateUpsert, GradeCandidate, GradeReview } from "@xinsuan/store";
import { AppError } from "../app-error.js";
import { authorize } from "../auth/authorize.js";
import { inTransaction, type ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";
import { computeRuns, gatherRunInputs } from "./run-payroll.js";

export type { GradeReview } from "@xinsuan/store";

/** The period's reviews (pending and decided) and what the listing changed. @example const r: GradeCandidatesResult = await listGradeCandidates(ctx, { period: "2026-10" }) */
export type GradeCandidatesResult = {
  period: string;
  runId: string;
  candidates: GradeReview[];
  changes: CandidateUpsert;
};

/**
 * Finds and stores the period's grade review candidates, then returns every review of the period by 工号.
 * @example (await listGradeCandidates(ctx, { period: "2026-10" })).candidates.map((c) => `${c.employeeNo} → ${c.toGrade}`)
 */
export async function listGradeCandidates(
  ctx: ServiceContext,
  o: { period: string },
): Promise<GradeCandidatesResult> {
  authorize(ctx, "reviews.decide");
  const { store, tenantId, actor } = ctx;
  const runs = await storeCall(() => store.runs.listRuns(tenantId, o.period));
  const run = runs.filter((r) => r.status !== "draft").at(-1);
  if (!run)
    throw new AppError(
      "RUN_NOT_READY",
      `${o.period} 还没有算好的工资（需已计算或已审批），请先运行 xinsuan run --period ${o.period}`,
      `no calculated or approved run for ${o.period}; run it first`,
    );
  const version = await storeCall(() => store.policies.getVersion(tenantId, run.policyVersionId));
  const computedRuns = computeRuns(await gatherRunInputs(ctx, o.period, version));
  const flagged = computedRuns.flatMap((computed) =>
    listWarnings(computed)
      .filter((w) => w.grade !== undefined)
      .map((w) => ({ w, from: String(computed.employees[w.index]!.values.职级 ?? "").trim() })),
  );
  const found: GradeCandidate[] = [];
  for (const { w, from } of flagged) {
    const to = w.grade!.to;
    if (to === "" || to === from) continue; // the target failed for this employee, or is no change
    const emp = await storeCall(() => store.employees.findByNo(tenantId, w.工号));
    if (!emp) continue; // an employee of a dataset row only: nothing to change
    found.push({ employeeId: emp.id, rule: w.check, fromGrade: from, toGrade: to, reason: w.zh });
  }
  return storeCall(() =>
    inTransaction(store, async (tx) => {
      const changes = await tx.gradeReviews.upsertCandidates(tenantId, o.period, found);
      if (changes.added + changes.updated + changes.removed > 0)
        await tx.audit.append(tenantId, {
          actor,
          action: "grade_review.candidates",
          entity: "grade_review",
          entityId: o.period,
          after: { runId: run.id, ...changes },
        });
      const candidates = await tx.gradeReviews.list(tenantId, { period: o.period });
      return { period: o.period, runId: run.id, candidates, changes };
    }),
  );
}
