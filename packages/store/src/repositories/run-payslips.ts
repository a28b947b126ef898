/**
 * Payslip rows of a run: batched inserts (1000 rows a statement) and exact totals summed in TypeScript with Dec.
 * @example await insertPayslips(tx, tenantId, runId, payslips)
 */

import { Dec } from "@xinsuan/core";
import type { Kysely, Transaction } from "kysely";
import { exactAmount } from "../money.js";
import type { Database } from "../schema.js";
import { chunks } from "../util.js";

/**
 * One employee's payslip: integer 分 (or the column's unit) per column, totals as decimal text.
 * @example const p: PayslipRecord = { employeeNo: "E1", lines: { 基本工资: 300000 }, gross: "3000", deductions: "0", net: "3000" }
 */
export type PayslipRecord = {
  employeeNo: string;
  lines: Record<string, number>;
  gross: string;
  deductions: string;
  net: string;
  error?: unknown;
};

/**
 * Totals of a run, summed exactly with Dec.
 * @example const t: RunTotals = { gross: "0.30", deductions: "0.00", net: "0.30", payslips: 2 }
 */
export type RunTotals = { gross: string; deductions: string; net: string; payslips: number };

const BATCH = 1000;

/**
 * Checks every amount, then inserts the payslips in batches on the given transaction.
 * @example await insertPayslips(tx, tenantId, runId, [slip])
 */
export async function insertPayslips(
  tx: Transaction<Database>,
  tenantId: string,
  runId: string,
  payslips: readonly PayslipRecord[],
): Promise<void> {
  const rows = payslips.map((p) => ({
    tenant_id: tenantId,
    run_id: runId,
    employee_no: p.employeeNo,
    lines_json: JSON.stringify(p.lines),
    gross: exactAmount(p.gross),
    deductions: exactAmount(p.deductions),
    net: exactAmount(p.net),
    error_json: p.error === undefined || p.error === null ? null : JSON.stringify(p.error),
  }));
  for (const batch of chunks(rows, BATCH)) await tx.insertInto("run_payslips").values(batch).execute();
}

/**
 * The payslips of a run, by 工号.
 * @example const slips = await readPayslips(db, tenantId, runId)
 */
export async function readPayslips(
  db: Kysely<Database>,
  tenantId: string,
  runId: string,
): Promise<PayslipRecord[]> {
  const rows = await db
    .selectFrom("run_payslips")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("run_id", "=", runId)
    .orderBy("employee_no")
    .execute();
  return rows.map((r) => ({
    employeeNo: r.employee_no,
    lines: JSON.parse(r.lines_json) as Record<string, number>,
    gross: r.gross,
    deductions: r.deductions,
    net: r.net,
    error: r.error_json === null ? undefined : (JSON.parse(r.error_json) as unknown),
  }));
}

/**
 * Sums gross, deductions and net of a run with Dec (the database never adds money).
 * @example (await sumPayslips(db, tenantId, runId)).net === "0.30"
 */
export async function sumPayslips(db: Kysely<Database>, tenantId: string, runId: string): Promise<RunTotals> {
  const rows = await db
    .selectFrom("run_payslips")
    .select(["gross", "deductions", "net"])
    .where("tenant_id", "=", tenantId)
    .where("run_id", "=", runId)
    .execute();
  let gross = Dec.ZERO;
  let deductions = Dec.ZERO;
  let net = Dec.ZERO;
  for (const r of rows) {
    gross = gross.add(Dec.parse(r.gross));
    deductions = deductions.add(Dec.parse(r.deductions));
    net = net.add(Dec.parse(r.net));
  }
  return {
    gross: gross.toFixed(2),
    deductions: deductions.toFixed(2),
    net: net.toFixed(2),
    payslips: rows.length,
  };
}
