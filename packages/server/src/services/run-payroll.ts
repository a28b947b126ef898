/**
 * Runs payroll for a period: takes the period's lock (a second run of the same period gets RUN_IN_PROGRESS),
 * loads the employees active in the period with their team, department and 职级, merges the period's datasets
 * per 工号, reads the carried state (tax ledger, team thresholds) from the state ledger, calls the engine, saves
 * the payslips in batches, writes the next state for the period, finishes the run and records it in the audit
 * log. On any failure the run is abandoned, so nothing half-written stays behind; a run whose process died (kill -9)
 * is taken over by the next attempt once its heartbeat is older than `takeoverAfterMs` (runs.ts). The run stores
 * the policy version and `inputs_hash`: SHA-256 of a canonical serialisation (sorted keys, rows by 工号) of the
 * period, the policy version(s), the employees' values as used (with approved claims, adjustments and the segment
 * amounts of a month split by a policy change), the dataset rows and the prior state (run-inputs.ts) — the same
 * inputs `verify-run.ts` reloads to recompute an approved run.
 * @example const r = await runPayrollService(ctx, { period: "2026-08" }); r.totals.net
 */

import {
  formatEmployeeError,
  formatUnits,
  type PayrollRun,
  type PriorState,
  periodContext,
} from "@xinsuan/core";
import type { PayslipRecord, RunTotals } from "@xinsuan/store";
import { AppError, type Msg } from "../app-error.js";
import { authorize } from "../auth/authorize.js";
import type { ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";
import { computeRuns, gatherRunInputs } from "./run-inputs.js";
import { checkOrder } from "./run-load.js";

export { canonicalFlat, canonicalJson } from "./run-hash.js";
export {
  computeRuns,
  findEmployeeRun,
  gatherRunInputs,
  type RunGroup,
  type RunInputs,
} from "./run-inputs.js";

/** What a run returns. @example const r: RunPayrollResult = await runPayrollService(ctx, { period: "2026-08" }) */
export type RunPayrollResult = {
  runId: string;
  period: string;
  policyVersion: number;
  employeeCount: number;
  errorCount: number;
  totals: RunTotals;
  /** Every employee in error, one line each. */
  errors: Msg[];
  /**
   * One entry per policy that paid someone: its versions and the days each governed (two or more when the policy
   * changed inside the month).
   */
  groups: { policy: string; employees: number; segments: { version: number; from: string; to: string }[] }[];
  /** Approved claims and adjustments the run included. */
  claimCount: number;
  adjustmentCount: number;
};

const SLIP_BATCH = 1000;

/**
 * The payslip records of a computed run: each column in its unit, totals as decimal text.
 * @example const slips = payslipRecords(result.run)
 */
export function payslipRecords(run: PayrollRun): PayslipRecord[] {
  const width = run.columns.length;
  const at = (name: string) => run.columns.findIndex((c) => c.name === name);
  const [gross, deductions, net] = [at("应发工资"), at("扣款合计"), at("实发工资")];
  const money = (i: number, k: number) => {
    const u = run.units[i * width + k]!;
    return formatUnits(Number.isFinite(u) ? u : 0, run.columns[k]!.places, 2);
  };
  return run.employees.map((e, i) => {
    const lines: Record<string, number> = {};
    run.columns.forEach((c, k) => {
      const u = run.units[i * width + k]!;
      lines[c.name] = Number.isFinite(u) ? u : 0;
    });
    const error = run.errors[i];
    return {
      employeeNo: String(e.values.工号 ?? ""),
      lines,
      gross: money(i, gross),
      deductions: money(i, deductions),
      net: money(i, net),
      ...(error ? { error } : {}),
    };
  });
}

/**
 * Runs payroll for `period` (YYYY-MM) and stores the result as a calculated run.
 * @example const { runId, errorCount } = await runPayrollService(ctx, { period: "2026-09" })
 */
export async function runPayrollService(
  ctx: ServiceContext,
  o: {
    period: string;
    onProgress?: (done: number, total: number) => void;
    /** A run in progress silent for longer is taken over (default 2 minutes; tests use less). */
    takeoverAfterMs?: number;
  },
): Promise<RunPayrollResult> {
  authorize(ctx, "runs.calculate");
  const { store, tenantId, actor } = ctx;
  const pc = periodContext(o.period);
  if (!pc)
    throw new AppError(
      "USAGE",
      `期间“${o.period}”格式不对，应为 YYYY-MM，如 2026-10`,
      "period must be YYYY-MM",
    );
  await storeCall(() => checkOrder(ctx, o.period));
  const gathered = await gatherRunInputs(ctx, o.period);
  const { version, inputsHash } = gathered;
  await storeCall(() => store.datasets.ensurePeriod(tenantId, o.period));
  const started = await storeCall(() =>
    store.runs.startRun(tenantId, {
      period: o.period,
      policyVersionId: version.id,
      inputsHash,
      actor,
      ...(o.takeoverAfterMs === undefined ? {} : { takeoverAfterMs: o.takeoverAfterMs }),
    }),
  );
  const lock = started.lockToken!;
  try {
    const runs = computeRuns(gathered);
    const slips = runs.flatMap((r) => payslipRecords(r));
    const errorCount = runs.reduce((n, r) => n + r.errorCount, 0);
    await storeCall(() => store.runs.heartbeat(tenantId, started.id, lock));
    for (let i = 0; i < slips.length; i += SLIP_BATCH) {
      await storeCall(() =>
        store.runs.savePayslips(tenantId, started.id, lock, slips.slice(i, i + SLIP_BATCH)),
      );
      o.onProgress?.(Math.min(i + SLIP_BATCH, slips.length), slips.length);
    }
    // The next state and the finished run commit together: a crash between them cannot leave one without the other.
    const done = await storeCall(() =>
      store.runs.finishRun(
        tenantId,
        started.id,
        lock,
        { employeeCount: slips.length, errorCount },
        { period: o.period, state: mergeStates(runs.map((r) => r.nextState)) },
      ),
    );
    const totals = await storeCall(() => store.runs.totals(tenantId, done.id));
    await storeCall(() =>
      store.audit.append(tenantId, {
        actor,
        action: "run.calculate",
        entity: "run",
        entityId: done.id,
        after: {
          period: o.period,
          policyVersion: version.version,
          inputsHash,
          ...totals,
          errors: errorCount,
        },
      }),
    );
    const errors: Msg[] = [];
    for (const run of runs)
      run.errors.forEach((e, i) => {
        if (e) errors.push({ zh: formatEmployeeError(run, i, "zh"), en: formatEmployeeError(run, i, "en") });
      });
    return {
      runId: done.id,
      period: o.period,
      policyVersion: version.version,
      employeeCount: slips.length,
      errorCount,
      totals,
      errors,
      groups: gathered.groups.map((g) => ({
        policy: g.policyName,
        employees: g.employees.length,
        segments: g.segments.map((sg) => ({ version: sg.version.version, from: sg.from, to: sg.to })),
      })),
      claimCount: gathered.claims.length,
      adjustmentCount: gathered.adjustments.length,
    };
  } catch (e) {
    await store.runs.abandonRun(tenantId, started.id).catch(() => undefined);
    throw e;
  }
}

/**
 * The next state of a period paid by several policies: each policy's employees and groups, together (a team
 * paid by two policies keeps the values of the later one).
 * @example mergeStates([{ employees: { E1: { a: "1" } } }, { employees: { E2: { a: "2" } } }]).employees
 */
export function mergeStates(states: readonly PriorState[]): PriorState {
  if (states.length === 1) return states[0]!;
  const employees: NonNullable<PriorState["employees"]> = {};
  const groups: NonNullable<PriorState["groups"]> = {};
  for (const s of states) {
    Object.assign(employees, s.employees ?? {});
    for (const [level, byName] of Object.entries(s.groups ?? {})) {
      groups[level] ??= {};
      const target = groups[level];
      for (const [name, values] of Object.entries(byName)) target[name] = { ...target[name], ...values };
    }
  }
  return { employees, groups };
}
