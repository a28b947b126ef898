/**
 * The PDF renderer the 工资条 e-mail uses: H7's PDF payslip (export-payslips-pdf.ts / io/payslip-pdf.ts) of one
 * register row, with its explained lines. The engine runs behind the explanations are computed once per run.
 * @example await sendMailQueue(ctx, { smtp, render: payslipMailRenderer() })
 */

import type { PayrollRun } from "@xinsuan/core";
import { renderPayslipPdf } from "../io/payslip-pdf.js";
import type { ExportData } from "./export-data.js";
import { payslipOf } from "./export-payslips-pdf.js";
import { computeRuns } from "./run-payroll.js";
import type { RenderPayslipPdf } from "./send-mail-queue.js";

/**
 * A renderer for `sendMailQueue` (no password: the PDF goes to the employee's own address).
 * @example const render = payslipMailRenderer(); const pdf = await render(data, data.rows[0]!)
 */
export function payslipMailRenderer(): RenderPayslipPdf {
  const runsOf = new WeakMap<ExportData, readonly PayrollRun[]>();
  return (data, row) => {
    let runs = runsOf.get(data);
    if (!runs) {
      runs = computeRuns(data.inputs);
      runsOf.set(data, runs);
    }
    return renderPayslipPdf(payslipOf(data, row, runs));
  };
}
