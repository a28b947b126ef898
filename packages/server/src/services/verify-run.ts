/**
 * Verifies an approved run: reloads the inputs it was computed from — the stored policy version, the period's
 * dataset rows, the employees' values and the prior state as the state ledger of the previous period holds it —
 * recomputes with the engine and compares every payslip, column by column, to the 分 with the stored one.
 * `inputsChanged` tells whether the reloaded inputs still hash to the run's `inputs_hash` (master data edited
 * since, or an earlier period recalculated, make a difference explainable rather than a fault).
 * @example const v = await verifyRun(ctx, { period: "2026-08" }); if (!v.same) console.table(v.differences)
 */

import type { PayslipRecord, Run } from "@xinsuan/store";
import { AppError } from "../app-error.js";
import { authorize } from "../auth/authorize.js";
import type { ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";
import { computeRuns, gatherRunInputs, payslipRecords } from "./run-payroll.js";

/**
 * One payslip value that differs: the column (a pay line, 应发工资/扣款合计/实发工资 for the stored totals, 错误 for
 * an error state, 工资条 for a payslip only one side has) with the stored and the recomputed value as text.
 * @example const d: RunDifference = { employeeNo: "E001", column: "实发工资", stored: "0.01", recomputed: "5230.17" }
 */
export type RunDifference = { employeeNo: string; column: string; stored: string; recomputed: string };

/** The verdict. @example const v: VerifyRunResult = { same: true, runId, inputsHash } */
export type VerifyRunResult =
  | { same: true; runId: string; inputsHash: string }
  | {
      same: false;
      runId: string;
      inputsHash: string;
      /** The reloaded inputs no longer hash to the run's stored `inputs_hash`. */
      inputsChanged: boolean;
      recomputedHash: string;
      differences: RunDifference[];
    };

const TOTALS: readonly [keyof PayslipRecord & ("gross" | "deductions" | "net"), string][] = [
  ["gross", "应发工资"],
  ["deductions", "扣款合计"],
  ["net", "实发工资"],
];

const text = (v: unknown): string => (v === undefined ? "" : typeof v === "string" ? v : JSON.stringify(v));

/** Every difference between the stored and the recomputed payslips, by 工号 then column. */
export function comparePayslips(
  stored: readonly PayslipRecord[],
  recomputed: readonly PayslipRecord[],
): RunDifference[] {
  const out: RunDifference[] = [];
  const fresh = new Map(recomputed.map((p) => [p.employeeNo, p]));
  const seen = new Set<string>();
  for (const s of stored) {
    seen.add(s.employeeNo);
    const r = fresh.get(s.employeeNo);
    if (!r) {
      out.push({ employeeNo: s.employeeNo, column: "工资条", stored: s.net, recomputed: "" });
      continue;
    }
    const columns = new Set([...Object.keys(s.lines), ...Object.keys(r.lines)]);
    for (const c of columns) {
      if (s.lines[c] !== r.lines[c]) {
        out.push({
          employeeNo: s.employeeNo,
          column: c,
          stored: text(s.lines[c]),
          recomputed: text(r.lines[c]),
        });
      }
    }
    for (const [key, column] of TOTALS) {
      // The stored text may be unnormalised ("1.5"): compare as amounts in 分.
      if (
        toFen(s[key]) !== toFen(r[key]) &&
        !out.some((d) => d.employeeNo === s.employeeNo && d.column === column)
      ) {
        out.push({ employeeNo: s.employeeNo, column, stored: s[key], recomputed: r[key] });
      }
    }
    if (text(s.error) !== text(r.error)) {
      out.push({
        employeeNo: s.employeeNo,
        column: "错误",
        stored: text(s.error),
        recomputed: text(r.error),
      });
    }
  }
  for (const r of recomputed) {
    if (!seen.has(r.employeeNo))
      out.push({ employeeNo: r.employeeNo, column: "工资条", stored: "", recomputed: r.net });
  }
  return out;
}

/** A decimal amount in 分 as bigint text (exact); the text itself when it is not an amount. */
function toFen(amount: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!m) return amount;
  const frac = (m[3] ?? "").padEnd(2, "0");
  if (/[1-9]/.test(frac.slice(2))) return amount;
  const fen = BigInt(m[2]!) * 100n + BigInt(frac.slice(0, 2));
  return (m[1] && fen !== 0n ? -fen : fen).toString();
}

/**
 * Recomputes the period's approved run (or `runId`) from its stored inputs and compares every payslip.
 * @example const { same } = await verifyRun(ctx, { period: "2026-08" })
 */
export async function verifyRun(
  ctx: ServiceContext,
  o: { period: string; runId?: string },
): Promise<VerifyRunResult> {
  authorize(ctx, "runs.read");
  const { store, tenantId } = ctx;
  const runs = await storeCall(() => store.runs.listRuns(tenantId, o.period));
  const run: Run | undefined = o.runId
    ? runs.find((r) => r.id === o.runId)
    : runs.find((r) => r.status === "approved" || r.status === "paid" || r.status === "locked");
  if (!run) {
    throw new AppError(
      "NOT_FOUND",
      `${o.period} 没有已审批的算薪可供核对`,
      `no approved run of ${o.period} to verify`,
    );
  }
  if (run.status === "draft") {
    throw new AppError(
      "RUN_NOT_READY",
      "该算薪尚未完成，不能核对",
      "the run has not finished; nothing to verify",
    );
  }
  const version = await storeCall(() => store.policies.getVersion(tenantId, run.policyVersionId));
  const inputs = await gatherRunInputs(ctx, o.period, version);
  const stored = await storeCall(() => store.runs.listPayslips(tenantId, run.id));
  const differences = comparePayslips(
    stored,
    computeRuns(inputs).flatMap((r) => payslipRecords(r)),
  );
  const inputsChanged = inputs.inputsHash !== run.inputsHash;
  if (differences.length === 0 && !inputsChanged)
    return { same: true, runId: run.id, inputsHash: run.inputsHash };
  return {
    same: false,
    runId: run.id,
    inputsHash: run.inputsHash,
    inputsChanged,
    recomputedHash: inputs.inputsHash,
    differences,
  };
}
