/**
 * Runs payroll for a period: takes the period's lock (a second run of the same period gets RUN_IN_PROGRESS),
 * loads the employees active in the period with their team, department and 职级, merges the period's datasets
 * per 工号, reads the carried state (tax ledger, team thresholds) from the state ledger, calls the engine, saves
 * the payslips in batches, writes the next state for the period, finishes the run and records it in the audit
 * log. On any failure the run is abandoned, so nothing half-written stays behind; a run whose process died (kill -9)
 * is taken over by the next attempt once its heartbeat is older than `takeoverAfterMs` (runs.ts). The run stores
 * the policy version and `inputs_hash`: SHA-256 of a canonical serialisation (sorted keys, rows by 工号) of the
 * period, the policy version, the employees' values as used, the dataset rows and the prior state — the same
 * inputs `verify-run.ts` reloads to recompute an approved run.
 * @example const r = await runPayrollService(ctx, { period: "2026-08" }); r.totals.net
 */

import { createHash } from "node:crypto";
import {
  type CompiledPolicy,
  type EmployeeInput,
  formatEmployeeError,
  formatUnits,
  type PayrollRun,
  type PriorState,
  periodContext,
  runPayroll,
} from "@xinsuan/core";
import type { Employee, PayslipRecord, PolicyVersion, RunTotals } from "@xinsuan/store";
import { AppError, type Msg } from "../app-error.js";
import type { ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";
import { compileVersion, policyForPeriod } from "./policy-for-period.js";

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
};

const SLIP_BATCH = 1000;
const PAGE = 1000;

/** Every employee of the tenant, a page at a time. */
async function allEmployees(ctx: ServiceContext): Promise<Employee[]> {
  const out: Employee[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await ctx.store.employees.list(ctx.tenantId, { limit: PAGE, offset });
    out.push(...page);
    if (page.length < PAGE) return out;
  }
}

/** 职级 of every employee on `date`, in one query. */
async function gradesOn(ctx: ServiceContext, date: string): Promise<Map<string, string>> {
  const rows = await ctx.store.db
    .selectFrom("employee_grades")
    .select(["employee_id", "grade", "effective_from", "created_at"])
    .where("tenant_id", "=", ctx.tenantId)
    .where("effective_from", "<=", date)
    .orderBy("effective_from")
    .orderBy("created_at")
    .execute();
  return new Map(rows.map((r) => [r.employee_id, r.grade]));
}

/** Refuses a period while an earlier period with imported data has not been calculated (its state is missing). */
async function checkOrder(ctx: ServiceContext, period: string): Promise<void> {
  const { db } = ctx.store;
  const last = await db
    .selectFrom("state_ledger")
    .select("period")
    .where("tenant_id", "=", ctx.tenantId)
    .where("period", "<", period)
    .orderBy("period", "desc")
    .limit(1)
    .executeTakeFirst();
  const pending = await db
    .selectFrom("periods")
    .innerJoin("datasets", (j) =>
      j.onRef("datasets.period_id", "=", "periods.id").onRef("datasets.tenant_id", "=", "periods.tenant_id"),
    )
    .select("periods.period")
    .where("periods.tenant_id", "=", ctx.tenantId)
    .where("periods.period", "<", period)
    .where("periods.period", ">", last?.period ?? "")
    .orderBy("periods.period")
    .limit(1)
    .executeTakeFirst();
  if (pending) {
    throw new AppError(
      "RUN_NOT_READY",
      `请先计算 ${pending.period}：个税累计和结转状态按月传递，${period} 需要上月的结果`,
      `run ${pending.period} first: the tax ledger and carried state pass from month to month`,
    );
  }
}

/** A dataset of the period as it fed the run: rows ordered by 工号. */
type DatasetInput = {
  kind: string;
  file: string;
  checksum: string;
  rows: { 工号: string; values: Record<string, string> }[];
};

const byNo = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The engine's rows (ordered by 工号): master data of the active employees merged with the period's datasets. */
async function loadInputs(
  ctx: ServiceContext,
  period: string,
  end: string,
): Promise<{ employees: EmployeeInput[]; datasets: DatasetInput[] }> {
  const { store, tenantId } = ctx;
  const start = `${period}-01`;
  const teams = new Map((await store.teams.list(tenantId)).map((t) => [t.id, t]));
  const grades = await gradesOn(ctx, end);
  const merged = new Map<string, { values: Record<string, string>; source: { file: string; row: number } }>();
  const datasets: DatasetInput[] = [];
  for (const ds of await store.datasets.listDatasets(tenantId, period)) {
    const dsRows = await store.datasets.listRows(tenantId, ds.id);
    datasets.push({
      kind: ds.kind,
      file: ds.fileName,
      checksum: ds.checksum,
      rows: dsRows
        .map((r) => ({ 工号: r.employeeNo, values: r.values }))
        .sort((a, b) => byNo(a.工号, b.工号)),
    });
    for (const r of dsRows) {
      const m = merged.get(r.employeeNo);
      if (m) Object.assign(m.values, r.values);
      else
        merged.set(r.employeeNo, {
          values: { ...r.values },
          source: { file: ds.fileName, row: r.rowNumber },
        });
    }
  }
  const active = (await allEmployees(ctx))
    .filter(
      (e) => (e.hireDate === null || e.hireDate <= end) && (e.leaveDate === null || e.leaveDate >= start),
    )
    .sort((a, b) => byNo(a.employeeNo, b.employeeNo));
  const employees = active.map((e) => {
    const team = e.teamId ? teams.get(e.teamId) : undefined;
    const data = merged.get(e.employeeNo);
    const master: Record<string, string> = {
      工号: e.employeeNo,
      姓名: e.name,
      团队: team?.name ?? "",
      部门: team?.department ?? "",
      职级: grades.get(e.id) ?? "",
      用工类型: e.employmentType,
      入职日期: e.hireDate ?? "",
      转正日期: e.regularDate ?? "",
      离职日期: e.leaveDate ?? "",
      参保城市: e.insuredCity ?? "",
    };
    return {
      values: { ...(data?.values ?? {}), ...master },
      source: data?.source ?? { file: "员工信息", row: 0 },
    };
  });
  return { employees, datasets };
}

/**
 * JSON with every object's keys sorted (recursively), so equal values always serialise to the same text.
 * @example canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] }) === '{"a":[{"c":3,"d":2}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
    const o = v as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(o)
        .sort(byNo)
        .map((k) => [k, o[k]]),
    );
  });
}

/**
 * Everything a run of `period` computes from, and the hash of it. `version` fixes the policy version (verifying
 * an approved run); otherwise the version in force on the period's first day is used.
 * @example const inputs = await gatherRunInputs(ctx, "2026-08")
 */
export async function gatherRunInputs(
  ctx: ServiceContext,
  period: string,
  version?: PolicyVersion,
): Promise<{
  version: PolicyVersion;
  compiled: CompiledPolicy;
  employees: EmployeeInput[];
  prior: PriorState;
  inputsHash: string;
}> {
  const { store, tenantId } = ctx;
  const policy = version
    ? { version, compiled: compileVersion(version) }
    : await storeCall(() => policyForPeriod(ctx, period));
  const { employees, datasets } = await storeCall(() => loadInputs(ctx, period, lastDay(period)));
  const prior = await storeCall(() => store.ledger.readPriorState(tenantId, period));
  const canonical = canonicalJson({
    period,
    policy: { id: policy.version.id, version: policy.version.version, checksum: policy.version.checksum },
    employees: employees.map((e) => e.values),
    datasets: [...datasets].sort((a, b) =>
      byNo(`${a.kind}\u0000${a.checksum}`, `${b.kind}\u0000${b.checksum}`),
    ),
    prior,
  });
  const inputsHash = createHash("sha256").update(canonical, "utf8").digest("hex");
  return { ...policy, employees, prior, inputsHash };
}

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
  const { store, tenantId, actor } = ctx;
  const pc = periodContext(o.period);
  if (!pc)
    throw new AppError(
      "USAGE",
      `期间“${o.period}”格式不对，应为 YYYY-MM，如 2026-10`,
      "period must be YYYY-MM",
    );
  await storeCall(() => checkOrder(ctx, o.period));
  await storeCall(() => policyForPeriod(ctx, o.period));
  await storeCall(() => store.datasets.ensurePeriod(tenantId, o.period));
  const { version, compiled, employees, prior, inputsHash } = await gatherRunInputs(ctx, o.period);
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
    const result = runPayroll(compiled, { period: o.period, employees, prior });
    if (!result.ok) throw new AppError("CALC_FAILED", result.problem.zh, result.problem.en);
    const run = result.run;
    const slips = payslipRecords(run);
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
        { employeeCount: run.employees.length, errorCount: run.errorCount },
        { period: o.period, state: run.nextState },
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
          errors: run.errorCount,
        },
      }),
    );
    const errors: Msg[] = [];
    run.errors.forEach((e, i) => {
      if (e) errors.push({ zh: formatEmployeeError(run, i, "zh"), en: formatEmployeeError(run, i, "en") });
    });
    return {
      runId: done.id,
      period: o.period,
      policyVersion: version.version,
      employeeCount: run.employees.length,
      errorCount: run.errorCount,
      totals,
      errors,
    };
  } catch (e) {
    await store.runs.abandonRun(tenantId, started.id).catch(() => undefined);
    throw e;
  }
}

function lastDay(period: string): string {
  const [y, m] = period.split("-").map(Number) as [number, number];
  return `${period}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, "0")}`;
}
