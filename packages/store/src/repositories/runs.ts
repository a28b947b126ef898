/**
 * Payroll runs and their payslips. One run per tenant and period may be in progress (the partial unique index
 * `runs_one_in_progress` on the lock token enforces it); an approved run and its payslips are immutable. A run in
 * progress beats a heartbeat (`heartbeat_at`, on start and every saved batch); a run whose heartbeat is older than
 * the take-over timeout (default 2 minutes) belonged to a process that died, and `startRun` takes its lock over:
 * the stale run and its partial payslips are deleted in the transaction that inserts the new run, audit-logged.
 * @example const run = await runs.startRun(tenantId, { period: "2025-03", policyVersionId, inputsHash })
 */

import type { PriorState } from "@xinsuan/core";
import type { Kysely, Selectable, Transaction } from "kysely";
import { driverErrorKind, guard, StoreError, toStoreError } from "../errors.js";
import type { Database, RunStatus, RunsTable } from "../schema.js";
import { newId, nowIso } from "../util.js";
import { createAuditRepository } from "./audit.js";
import {
  insertPayslips,
  type PayslipRecord,
  type RunTotals,
  readPayslips,
  sumPayslips,
} from "./run-payslips.js";
import { replaceState } from "./state-ledger.js";

/** A run; `lockToken` is set while it is being calculated. @example const run: Run = await runs.getRun(tenantId, runId) */
export type Run = {
  id: string;
  tenantId: string;
  periodId: string;
  policyVersionId: string;
  status: RunStatus;
  inputsHash: string;
  startedAt: string;
  finishedAt: string | null;
  employeeCount: number;
  errorCount: number;
  lockToken: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  /** Last sign of life while in progress; null once finished. */
  heartbeatAt: string | null;
};

const minutes = (r: NewRun) => Math.max(1, Math.round((r.takeoverAfterMs ?? DEFAULT_TAKEOVER_MS) / 60_000));

/** How long a run in progress may stay silent before another run may take its lock over. */
export const DEFAULT_TAKEOVER_MS = 2 * 60 * 1000;

/**
 * What `startRun` needs. `takeoverAfterMs`: a run in progress whose heartbeat is older is stale and is replaced
 * (default DEFAULT_TAKEOVER_MS); `actor` is recorded in the audit log of a take-over.
 * @example const r: NewRun = { period: "2025-03", policyVersionId, inputsHash, takeoverAfterMs: 500 }
 */
export type NewRun = {
  period: string;
  policyVersionId: string;
  inputsHash: string;
  takeoverAfterMs?: number;
  actor?: string;
};

/** Run storage. @example const runs: RunRepository = createRunRepository(db) */
export interface RunRepository {
  startRun(tenantId: string, r: NewRun): Promise<Run>;
  /** Records that the run is still alive (a long computation between batches may call it). */
  heartbeat(tenantId: string, runId: string, lockToken: string): Promise<void>;
  savePayslips(
    tenantId: string,
    runId: string,
    lockToken: string,
    payslips: readonly PayslipRecord[],
  ): Promise<void>;
  /** Marks the run calculated; with `nextState`, writes the period's carried state in the same transaction. */
  finishRun(
    tenantId: string,
    runId: string,
    lockToken: string,
    counts: { employeeCount: number; errorCount: number },
    nextState?: { period: string; state: PriorState },
  ): Promise<Run>;
  abandonRun(tenantId: string, runId: string): Promise<void>;
  approveRun(tenantId: string, runId: string, actor: string): Promise<Run>;
  markPaid(tenantId: string, runId: string): Promise<Run>;
  lockRun(tenantId: string, runId: string): Promise<Run>;
  getRun(tenantId: string, runId: string): Promise<Run>;
  listRuns(tenantId: string, period?: string): Promise<Run[]>;
  listPayslips(tenantId: string, runId: string): Promise<PayslipRecord[]>;
  totals(tenantId: string, runId: string): Promise<RunTotals>;
}

const FINAL: readonly RunStatus[] = ["approved", "paid", "locked"];
type Executor = Kysely<Database> | Transaction<Database>;

function toRun(r: Selectable<RunsTable>): Run {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    periodId: r.period_id,
    policyVersionId: r.policy_version_id,
    status: r.status,
    inputsHash: r.inputs_hash,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    employeeCount: Number(r.employee_count),
    errorCount: Number(r.error_count),
    lockToken: r.lock_token,
    approvedBy: r.approved_by,
    approvedAt: r.approved_at,
    heartbeatAt: r.heartbeat_at,
  };
}

const immutable = () =>
  new StoreError(
    "RUN_IMMUTABLE",
    "该算薪已审批，不能再修改",
    "the run is approved and can no longer be changed",
  );

async function loadRun(db: Executor, tenantId: string, runId: string): Promise<Run> {
  const r = await db
    .selectFrom("runs")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("id", "=", runId)
    .executeTakeFirst();
  if (!r) throw new StoreError("NOT_FOUND", "找不到该算薪", "run not found");
  return toRun(r);
}

/** The run, if it is still being calculated under this lock; otherwise the reason why not. */
async function lockedRun(
  db: Executor,
  tenantId: string,
  runId: string,
  lockToken: string | null,
): Promise<Run> {
  const run = await loadRun(db, tenantId, runId);
  if (FINAL.includes(run.status)) throw immutable();
  if (run.status !== "draft" || (lockToken !== null && run.lockToken !== lockToken)) {
    throw new StoreError("RUN_NOT_READY", "该算薪不在计算中", "the run is not being calculated");
  }
  return run;
}

/**
 * Runs over Kysely.
 * @example const totals = await createRunRepository(db).totals(tenantId, runId)
 */
export function createRunRepository(db: Kysely<Database>): RunRepository {
  async function transition(
    tenantId: string,
    runId: string,
    from: RunStatus,
    to: RunStatus,
    extra: Partial<RunsTable> = {},
  ) {
    const run = await loadRun(db, tenantId, runId);
    if (run.status !== from) {
      throw new StoreError(
        "RUN_NOT_READY",
        `算薪状态为 ${run.status}，不能改为 ${to}`,
        `run is ${run.status}, cannot become ${to}`,
      );
    }
    const res = await guard("更新算薪状态", "updating the run", () =>
      db
        .updateTable("runs")
        .set({ status: to, ...extra })
        .where("tenant_id", "=", tenantId)
        .where("id", "=", runId)
        .where("status", "=", from)
        .executeTakeFirst(),
    );
    if (Number(res.numUpdatedRows) !== 1) {
      throw new StoreError(
        "RUN_NOT_READY",
        "算薪状态已被其他操作改变",
        "the run was changed by another operation",
      );
    }
    return loadRun(db, tenantId, runId);
  }

  /**
   * Replaces a stale run in progress with `row` in one transaction: the stale run's partial payslips and the run
   * itself are deleted (only if its lock and heartbeat are still the ones seen — a concurrent take-over loses),
   * the take-over is audit-logged and the new run inserted.
   */
  async function takeOver(
    tenantId: string,
    stale: Selectable<RunsTable>,
    row: Selectable<RunsTable>,
    r: NewRun,
    inProgress: (cause?: unknown) => StoreError,
  ): Promise<void> {
    try {
      await db.transaction().execute(async (tx) => {
        let gone = tx
          .deleteFrom("runs")
          .where("tenant_id", "=", tenantId)
          .where("id", "=", stale.id)
          .where("status", "=", "draft")
          .where("lock_token", "=", stale.lock_token!);
        gone =
          stale.heartbeat_at === null
            ? gone.where("heartbeat_at", "is", null)
            : gone.where("heartbeat_at", "=", stale.heartbeat_at);
        await tx
          .deleteFrom("run_payslips")
          .where("tenant_id", "=", tenantId)
          .where("run_id", "=", stale.id)
          .execute();
        const res = await gone.executeTakeFirst();
        if (Number(res.numDeletedRows) !== 1) throw inProgress();
        await createAuditRepository(tx).append(tenantId, {
          actor: r.actor ?? "system",
          action: "run.takeover",
          entity: "run",
          entityId: stale.id,
          before: { status: stale.status, startedAt: stale.started_at, heartbeatAt: stale.heartbeat_at },
          after: { deleted: true, replacedBy: row.id },
        });
        await tx.insertInto("runs").values(row).execute();
      });
    } catch (e) {
      if (e instanceof StoreError) throw e;
      if (driverErrorKind(e) === "unique") throw inProgress(e);
      throw toStoreError(e, "接管中断的算薪", "taking over the interrupted run");
    }
  }

  const repo: RunRepository = {
    async startRun(tenantId, r) {
      const period = await db
        .selectFrom("periods")
        .select("id")
        .where("tenant_id", "=", tenantId)
        .where("period", "=", r.period)
        .executeTakeFirst();
      if (!period)
        throw new StoreError("NOT_FOUND", `薪资期间 ${r.period} 不存在`, `period ${r.period} does not exist`);
      const approved = await db
        .selectFrom("runs")
        .select("id")
        .where("tenant_id", "=", tenantId)
        .where("period_id", "=", period.id)
        .where("status", "in", FINAL)
        .executeTakeFirst();
      if (approved) throw immutable();
      const now = nowIso();
      const row: Selectable<RunsTable> = {
        id: newId(),
        tenant_id: tenantId,
        period_id: period.id,
        policy_version_id: r.policyVersionId,
        status: "draft",
        inputs_hash: r.inputsHash,
        started_at: now,
        finished_at: null,
        employee_count: 0,
        error_count: 0,
        lock_token: newId(),
        approved_by: null,
        approved_at: null,
        heartbeat_at: now,
      };
      const inProgress = (cause?: unknown) =>
        new StoreError(
          "RUN_IN_PROGRESS",
          `${r.period} 已有一次算薪正在进行，请等它结束后再试（若那次算薪已中断，超过 ${minutes(r)} 分钟无进展后可自动接管）`,
          `a run for ${r.period} is already in progress; try again when it has finished (an interrupted run is taken over after ${minutes(r)} min without progress)`,
          cause === undefined ? undefined : { cause },
        );
      try {
        await db.insertInto("runs").values(row).execute();
        return toRun(row);
      } catch (e) {
        if (driverErrorKind(e) !== "unique") throw toStoreError(e, "开始算薪", "starting the run");
        const stale = await db
          .selectFrom("runs")
          .selectAll()
          .where("tenant_id", "=", tenantId)
          .where("period_id", "=", period.id)
          .where("lock_token", "is not", null)
          .executeTakeFirst();
        const cutoff = new Date(Date.now() - (r.takeoverAfterMs ?? DEFAULT_TAKEOVER_MS)).toISOString();
        const beat = stale ? (stale.heartbeat_at ?? stale.started_at) : null;
        if (!stale || beat === null || beat >= cutoff) throw inProgress(e);
        await takeOver(tenantId, stale, row, r, inProgress);
        return toRun(row);
      }
    },

    heartbeat(tenantId, runId, lockToken) {
      return guard("更新算薪心跳", "recording the run's heartbeat", async () => {
        await db
          .updateTable("runs")
          .set({ heartbeat_at: nowIso() })
          .where("tenant_id", "=", tenantId)
          .where("id", "=", runId)
          .where("lock_token", "=", lockToken)
          .execute();
      });
    },

    savePayslips(tenantId, runId, lockToken, payslips) {
      return guard("保存工资条", "saving payslips", () =>
        db.transaction().execute(async (tx) => {
          await lockedRun(tx, tenantId, runId, lockToken);
          await insertPayslips(tx, tenantId, runId, payslips);
          await tx
            .updateTable("runs")
            .set({ heartbeat_at: nowIso() })
            .where("tenant_id", "=", tenantId)
            .where("id", "=", runId)
            .execute();
        }),
      );
    },

    async finishRun(tenantId, runId, lockToken, counts, nextState) {
      await lockedRun(db, tenantId, runId, lockToken);
      await guard("完成算薪", "finishing the run", () =>
        db.transaction().execute(async (tx) => {
          if (nextState) await replaceState(tx, tenantId, nextState.period, nextState.state);
          await tx
            .updateTable("runs")
            .set({
              status: "calculated",
              finished_at: nowIso(),
              employee_count: counts.employeeCount,
              error_count: counts.errorCount,
              lock_token: null,
              heartbeat_at: null,
            })
            .where("tenant_id", "=", tenantId)
            .where("id", "=", runId)
            .where("status", "=", "draft")
            .where("lock_token", "=", lockToken)
            .execute();
        }),
      );
      return loadRun(db, tenantId, runId);
    },

    abandonRun(tenantId, runId) {
      return guard("放弃算薪", "abandoning the run", () =>
        db.transaction().execute(async (tx) => {
          await lockedRun(tx, tenantId, runId, null);
          await tx
            .deleteFrom("run_payslips")
            .where("tenant_id", "=", tenantId)
            .where("run_id", "=", runId)
            .execute();
          await tx.deleteFrom("runs").where("tenant_id", "=", tenantId).where("id", "=", runId).execute();
        }),
      );
    },

    async approveRun(tenantId, runId, actor) {
      const run = await loadRun(db, tenantId, runId);
      if (FINAL.includes(run.status)) throw immutable();
      if (run.errorCount > 0) {
        throw new StoreError(
          "RUN_NOT_READY",
          `有 ${run.errorCount} 名员工算薪出错，不能审批`,
          `${run.errorCount} employees are in error; the run cannot be approved`,
        );
      }
      return transition(tenantId, runId, "calculated", "approved", {
        approved_by: actor,
        approved_at: nowIso(),
      });
    },

    markPaid: (tenantId, runId) => transition(tenantId, runId, "approved", "paid"),
    lockRun: (tenantId, runId) => transition(tenantId, runId, "paid", "locked"),
    getRun: (tenantId, runId) => loadRun(db, tenantId, runId),

    async listRuns(tenantId, period) {
      let q = db.selectFrom("runs").selectAll("runs").where("runs.tenant_id", "=", tenantId);
      if (period !== undefined) {
        q = q
          .innerJoin("periods", (j) =>
            j.onRef("periods.id", "=", "runs.period_id").onRef("periods.tenant_id", "=", "runs.tenant_id"),
          )
          .where("periods.period", "=", period);
      }
      const rows = await q.orderBy("runs.started_at").execute();
      return rows.map(toRun);
    },

    listPayslips: (tenantId, runId) => readPayslips(db, tenantId, runId),
    totals: (tenantId, runId) => sumPayslips(db, tenantId, runId),
  };
  return repo;
}
