/**
 * Payslip routes: my payslips, one explained payslip, confirm receipt, ask a question, the PDF.
 * @example await registerPayslipRoutes(api, deps)
 */

import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { askPayslipQuestion } from "../../services/ask-payslip-question.js";
import { confirmPayslip } from "../../services/confirm-payslip.js";
import { downloadPayslipPdf } from "../../services/download-payslip-pdf.js";
import { listMyPayslips } from "../../services/list-my-payslips.js";
import { showPayslip } from "../../services/show-payslip.js";
import type { RouteDeps } from "../app.js";
import { contextOf } from "../request-context.js";
import { sendFile } from "../send-file.js";

const tags = ["payslips"];
/** Path parameters of a payslip. */
const slipParams = z.object({
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "YYYY-MM"),
  employeeNo: z.string().min(1).max(64),
});

/**
 * Registers the payslip routes.
 * @example await registerPayslipRoutes(api, deps)
 */
export async function registerPayslipRoutes(app: FastifyInstance, d: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get("/me/payslips", { schema: { tags } }, async (req) => listMyPayslips(contextOf(req, d.store)));
  r.get("/payslips/:period/:employeeNo", { schema: { tags, params: slipParams } }, async (req) =>
    showPayslip(contextOf(req, d.store), req.params),
  );
  r.post("/payslips/:period/:employeeNo/confirm", { schema: { tags, params: slipParams } }, async (req) =>
    confirmPayslip(contextOf(req, d.store), req.params),
  );
  r.post(
    "/payslips/:period/:employeeNo/questions",
    {
      schema: {
        tags,
        params: slipParams,
        body: z.object({ line: z.string().min(1).max(100), text: z.string().min(1).max(500) }),
      },
    },
    async (req) => askPayslipQuestion(contextOf(req, d.store), { ...req.params, ...req.body }),
  );
  r.get("/payslips/:period/:employeeNo/pdf", { schema: { tags, params: slipParams } }, async (req, reply) =>
    sendFile(reply, await downloadPayslipPdf(contextOf(req, d.store), req.params)),
  );
}
