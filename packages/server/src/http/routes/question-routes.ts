/**
 * HR's inbox of payslip questions and the answer route.
 * @example await registerQuestionRoutes(api, deps)
 */

import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { answerPayslipQuestion } from "../../services/answer-payslip-question.js";
import { listPayslipQuestions } from "../../services/list-payslip-questions.js";
import type { RouteDeps } from "../app.js";
import { contextOf } from "../request-context.js";

const tags = ["questions"];

/**
 * Registers the question routes.
 * @example await registerQuestionRoutes(api, deps)
 */
export async function registerQuestionRoutes(app: FastifyInstance, d: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/questions",
    { schema: { tags, querystring: z.object({ status: z.enum(["open", "answered"]).optional() }) } },
    async (req) => listPayslipQuestions(contextOf(req, d.store), req.query),
  );
  r.post(
    "/questions/:id/answer",
    {
      schema: {
        tags,
        params: z.object({ id: z.string().min(1).max(64) }),
        body: z.object({ answer: z.string().min(1).max(2000) }),
      },
    },
    async (req) => answerPayslipQuestion(contextOf(req, d.store), { id: req.params.id, ...req.body }),
  );
}
