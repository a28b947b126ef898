/**
 * One employee's PDF 工资条 of a period (the same document as the export, io/payslip-pdf.ts), for the employee
 * themself, their lead, or HR/finance. Audit-logged.
 * @example const { name, bytes } = await downloadPayslipPdf(ctx, { period: "2026-09", employeeNo: "A0000002" })
 */

import type { ServiceContext } from "../context.js";
import { renderPayslipPdf } from "../io/payslip-pdf.js";
import { storeCall } from "../store-errors.js";
import { payslipOf, safeFilePart } from "./export-payslips-pdf.js";
import { payslipSource, visibleEmployee } from "./show-payslip.js";

/**
 * Renders the PDF.
 * @example await downloadPayslipPdf(ctx, { period: "2026-09", employeeNo: "A0000002" })
 */
export async function downloadPayslipPdf(
  ctx: ServiceContext,
  o: { period: string; employeeNo: string },
): Promise<{ name: string; bytes: Uint8Array }> {
  const e = await visibleEmployee(ctx, o.employeeNo);
  const { view, row } = await payslipSource(ctx, o.period, e);
  const bytes = await renderPayslipPdf(payslipOf(view.data, row, view.runs));
  await storeCall(() =>
    ctx.store.audit.append(ctx.tenantId, {
      actor: ctx.actor,
      action: "payslip.pdf",
      entity: "run",
      entityId: view.run.id,
      after: { period: o.period, employeeNo: e.employeeNo },
    }),
  );
  return { name: `工资条-${safeFilePart(o.period)}-${safeFilePart(e.employeeNo)}.pdf`, bytes };
}
