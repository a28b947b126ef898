/**
 * Export downloads of a period: the register (工资表), the 工资条 strips, the PDF payslips (a zip), the bank batch
 * payment file, the IIT declaration and the SI/HF summary, as xlsx (default) or `?format=csv`. Each is the
 * service's bytes with its content type and a Content-Disposition naming the file (RFC 5987 for Chinese names).
 * The services check the role (bank and IIT: finance) and record the export in the audit log.
 * @example await registerExportRoutes(api, deps) // GET /api/v1/periods/2026-09/exports/bank?format=csv
 */

import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { exportBank } from "../../services/export-bank.js";
import { exportIit } from "../../services/export-iit.js";
import { exportPayslips } from "../../services/export-payslips.js";
import { exportPayslipsPdf } from "../../services/export-payslips-pdf.js";
import { exportRegister } from "../../services/export-register.js";
import { exportSi } from "../../services/export-si.js";
import type { RouteDeps } from "../app.js";
import { contextOf } from "../request-context.js";
import { sendFile } from "../send-file.js";

const tags = ["exports"];

const KINDS = ["register", "payslips", "payslips-pdf", "bank", "iit", "si"] as const;

/**
 * Registers the export routes.
 * @example await registerExportRoutes(api, { store, loginLimiter })
 */
export async function registerExportRoutes(app: FastifyInstance, d: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/periods/:period/exports/:kind",
    {
      schema: {
        tags,
        params: z.object({
          period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "YYYY-MM"),
          kind: z.enum(KINDS),
        }),
        querystring: z.object({
          format: z.enum(["xlsx", "csv"]).default("xlsx"),
          /** register only: a calculated, unapproved run as a draft for review. */
          draft: z.enum(["true", "false", "1", "0"]).optional(),
        }),
      },
    },
    async (req, reply) => {
      const ctx = contextOf(req, d.store);
      const { period, kind } = req.params;
      const { format } = req.query;
      const ascii = (ext: string) => `${kind}-${period}.${ext}`;
      switch (kind) {
        case "register": {
          const draft = req.query.draft === "true" || req.query.draft === "1";
          const x = await exportRegister(ctx, { period, format, ...(draft ? { draft } : {}) });
          return sendFile(reply, { bytes: x.bytes, name: x.fileName, asciiName: ascii(x.format) });
        }
        case "payslips": {
          const x = await exportPayslips(ctx, { period, format });
          return sendFile(reply, { bytes: x.bytes, name: x.fileName, asciiName: ascii(x.format) });
        }
        case "payslips-pdf": {
          const x = await exportPayslipsPdf(ctx, { period });
          return sendFile(reply, { bytes: x.zip, name: `工资条-${period}.zip`, asciiName: ascii("zip") });
        }
        case "bank": {
          const x = await exportBank(ctx, { period, format });
          // A bank template may write its CSV in GBK: UTF-8 is claimed only when the file starts with its BOM.
          const bom = x.bytes[0] === 0xef && x.bytes[1] === 0xbb && x.bytes[2] === 0xbf;
          const type = x.format === "csv" && !bom ? "text/csv" : undefined;
          return sendFile(reply, {
            bytes: x.bytes,
            name: x.fileName,
            asciiName: ascii(x.format),
            ...(type ? { type } : {}),
          });
        }
        case "iit": {
          const x = await exportIit(ctx, { period, format });
          return sendFile(reply, { bytes: x.bytes, name: x.fileName, asciiName: ascii(x.format) });
        }
        case "si": {
          const x = await exportSi(ctx, { period, format });
          return sendFile(reply, { bytes: x.bytes, name: x.fileName, asciiName: ascii(x.format) });
        }
      }
    },
  );
}
