/**
 * The signed-in employee's own payslips: one per period whose run is approved (or paid, locked), newest first,
 * with the amounts, whether they confirmed receipt and how many of their questions are still open. A user with no
 * employee (admin, HR, finance accounts) has none.
 * @example const { items } = await listMyPayslips(ctx); items[0]?.net
 */

import type { ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";
import { FINAL_STATES } from "./run-view-cache.js";

/** A payslip in a list. @example const s: PayslipSummary = (await listMyPayslips(ctx)).items[0]! */
export type PayslipSummary = {
  period: string;
  status: string;
  gross: string;
  deductions: string;
  net: string;
  confirmedAt: string | null;
  openQuestions: number;
};

/**
 * Payslip summaries of one employee over the final runs.
 * @example await payslipSummaries(ctx, employeeId, "A0000002")
 */
export async function payslipSummaries(
  ctx: ServiceContext,
  employeeId: string,
  employeeNo: string,
): Promise<PayslipSummary[]> {
  const { db } = ctx.store;
  const rows = await storeCall(() =>
    db
      .selectFrom("run_payslips as s")
      .innerJoin("runs as r", (j) =>
        j.onRef("r.id", "=", "s.run_id").onRef("r.tenant_id", "=", "s.tenant_id"),
      )
      .innerJoin("periods as p", (j) =>
        j.onRef("p.id", "=", "r.period_id").onRef("p.tenant_id", "=", "r.tenant_id"),
      )
      .select([
        "p.period as period",
        "r.id as runId",
        "r.status as status",
        "r.started_at as startedAt",
        "s.gross",
        "s.deductions",
        "s.net",
      ])
      .where("s.tenant_id", "=", ctx.tenantId)
      .where("s.employee_no", "=", employeeNo)
      .where("r.status", "in", [...FINAL_STATES] as ("approved" | "paid" | "locked")[])
      .orderBy("p.period", "desc")
      .orderBy("r.started_at", "desc")
      .execute(),
  );
  const [receipts, open] = await Promise.all([
    storeCall(() => ctx.store.feedback.receipts(ctx.tenantId, employeeId)),
    storeCall(() => ctx.store.feedback.listQuestions(ctx.tenantId, { employeeId, status: "open" })),
  ]);
  const seen = new Set<string>();
  const out: PayslipSummary[] = [];
  for (const r of rows) {
    if (seen.has(r.period)) continue;
    seen.add(r.period);
    out.push({
      period: r.period,
      status: r.status,
      gross: r.gross,
      deductions: r.deductions,
      net: r.net,
      confirmedAt: receipts.get(r.runId) ?? null,
      openQuestions: open.filter((q) => q.period === r.period).length,
    });
  }
  return out;
}

/**
 * The caller's own payslips.
 * @example const { items } = await listMyPayslips(ctx)
 */
export async function listMyPayslips(ctx: ServiceContext): Promise<{ items: PayslipSummary[] }> {
  const p = ctx.principal;
  if (!p?.employeeId || !p.employeeNo) return { items: [] };
  return { items: await payslipSummaries(ctx, p.employeeId, p.employeeNo) };
}
