/**
 * The period workspace: the periods, one period with its run and datasets, the input template, dataset uploads,
 * a payroll run as a background job with progress, the register, approval (finance) and marking paid (finance).
 * Thin routes: parse, call the service (which checks the role), return its result.
 * @example await registerPeriodRoutes(api, deps) // POST /api/v1/periods/2026-10/run → { jobId }
 */

import type { DatasetKind } from "@xinsuan/store";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../app-error.js";
import { approveRun } from "../../services/approve-run.js";
import { buildPeriodTemplate } from "../../services/build-period-template.js";
import { importDataset } from "../../services/import-dataset.js";
import { listPeriods } from "../../services/list-periods.js";
import { markRunPaid } from "../../services/mark-run-paid.js";
import { showPeriod, viewRun } from "../../services/show-period.js";
import { showRegister } from "../../services/show-register.js";
import type { RouteDeps } from "../app.js";
import { langOf } from "../error-body.js";
import { readUploadedTable } from "../read-upload.js";
import { contextOf } from "../request-context.js";
import { createRunJobs, type RunJobs } from "../run-jobs.js";
import { sendFile } from "../send-file.js";

const tags = ["periods"];
const periodParams = z.object({ period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "YYYY-MM") });
const UPLOAD_KINDS = ["attendance", "kpi", "orders", "scores", "other"] as const;

/**
 * Registers the period routes; `given` is the run registry (default: a new one for this server).
 * @example await registerPeriodRoutes(api, { store, loginLimiter })
 */
export async function registerPeriodRoutes(
  app: FastifyInstance,
  d: RouteDeps,
  given?: RunJobs,
): Promise<void> {
  const jobs = given ?? createRunJobs({ onUnexpected: (e) => app.log.error(e) });
  const r = app.withTypeProvider<ZodTypeProvider>();
  app.addHook("onClose", async () => jobs.settle());
  r.get("/periods", { schema: { tags } }, async (req) => ({
    items: await listPeriods(contextOf(req, d.store)),
  }));
  r.get("/periods/:period", { schema: { tags, params: periodParams } }, async (req) =>
    showPeriod(contextOf(req, d.store), req.params),
  );
  r.get("/periods/:period/input-template", { schema: { tags, params: periodParams } }, async (req, reply) => {
    const t = await buildPeriodTemplate(contextOf(req, d.store), req.params);
    return sendFile(reply, {
      bytes: t.bytes,
      name: t.fileName,
      asciiName: `input-template-${req.params.period}.xlsx`,
    });
  });
  r.post(
    "/periods/:period/datasets",
    { schema: { tags, params: periodParams, consumes: ["multipart/form-data"] } },
    async (req) => {
      const ctx = contextOf(req, d.store);
      const lang = langOf(req);
      const upload = await readUploadedTable(req);
      const kind = z.enum(UPLOAD_KINDS).safeParse(upload.fields.kind);
      if (!kind.success)
        throw new AppError(
          "INPUT_INVALID",
          `数据类型（kind）应为 ${UPLOAD_KINDS.join("、")} 之一`,
          `kind must be one of ${UPLOAD_KINDS.join(", ")}`,
        );
      const x = await importDataset(ctx, {
        period: req.params.period,
        kind: kind.data as DatasetKind,
        file: upload.fileName,
        rows: upload.table.rows,
        headers: upload.table.headers,
        checksum: upload.checksum,
        replace: upload.fields.replace === "true" || upload.fields.replace === "1",
      });
      return {
        rows: x.dataset.rowCount,
        datasetId: x.dataset.id,
        kind: x.dataset.kind,
        fileName: x.dataset.fileName,
        warnings: x.warnings.map((w) => w[lang]),
        diff: x.diff ?? null,
      };
    },
  );
  r.post("/periods/:period/run", { schema: { tags, params: periodParams } }, async (req) =>
    jobs.start(contextOf(req, d.store), req.params.period),
  );
  r.get("/jobs/:id", { schema: { tags, params: z.object({ id: z.string().min(1).max(64) }) } }, async (req) =>
    jobs.view(contextOf(req, d.store), req.params.id, langOf(req)),
  );
  r.get("/periods/:period/register", { schema: { tags, params: periodParams } }, async (req) =>
    showRegister(contextOf(req, d.store), { period: req.params.period, lang: langOf(req) }),
  );
  r.post("/periods/:period/approve", { schema: { tags, params: periodParams } }, async (req) => {
    const ctx = contextOf(req, d.store);
    return viewRun(ctx, await approveRun(ctx, req.params));
  });
  r.post("/periods/:period/paid", { schema: { tags, params: periodParams } }, async (req) => {
    const ctx = contextOf(req, d.store);
    return viewRun(ctx, await markRunPaid(ctx, req.params));
  });
}
