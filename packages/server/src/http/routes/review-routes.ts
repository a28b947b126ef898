/**
 * 晋升/降级 review routes: the period's candidates (found and stored by the service) and HR's decision.
 * @example await registerReviewRoutes(api, deps)
 */

import type { GradeReview } from "@xinsuan/store";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { decideGradeReview } from "../../services/decide-grade-review.js";
import { listGradeCandidates } from "../../services/list-grade-candidates.js";
import type { RouteDeps } from "../app.js";
import { contextOf } from "../request-context.js";

const tags = ["reviews"];

/** A review as the API shows it. @example const v = reviewView(r); v.name */
export function reviewView(r: GradeReview & { effectiveFrom?: string }) {
  return {
    id: r.id,
    employeeNo: r.employeeNo,
    name: r.employeeName,
    period: r.period,
    rule: r.rule,
    fromGrade: r.fromGrade,
    toGrade: r.toGrade,
    reason: r.reason,
    status: r.status,
    decidedBy: r.decidedBy,
    decidedAt: r.decidedAt,
    comment: r.comment,
    ...(r.effectiveFrom ? { effectiveFrom: r.effectiveFrom } : {}),
  };
}

/**
 * Registers the review routes.
 * @example await registerReviewRoutes(api, { store, loginLimiter })
 */
export async function registerReviewRoutes(app: FastifyInstance, d: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/reviews",
    { schema: { tags, querystring: z.object({ period: z.string().regex(/^\d{4}-\d{2}$/) }) } },
    async (req) => {
      const found = await listGradeCandidates(contextOf(req, d.store), { period: req.query.period });
      return { items: found.candidates.map(reviewView) };
    },
  );
  r.post(
    "/reviews/:id/decide",
    {
      schema: {
        tags,
        params: z.object({ id: z.string().min(1).max(64) }),
        body: z.object({ decision: z.enum(["confirm", "reject"]), comment: z.string().max(1000).optional() }),
      },
    },
    async (req) => {
      const decided = await decideGradeReview(contextOf(req, d.store), {
        id: req.params.id,
        decision: req.body.decision === "confirm" ? "confirmed" : "rejected",
        ...(req.body.comment !== undefined ? { comment: req.body.comment } : {}),
      });
      return reviewView(decided);
    },
  );
}
