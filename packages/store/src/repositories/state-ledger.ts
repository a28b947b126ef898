/**
 * The state a run carries into the next period (core's `PriorState`): per employee (工号) — including the
 * year-to-date tax ledger — and per group level and group. Stored one value per row, as text.
 * @example const prior = await ledger.readPriorState(tenantId, "2025-04"); await ledger.writeState(tenantId, "2025-04", run.nextState)
 */

import type { PriorState } from "@xinsuan/core";
import type { Kysely, Selectable, Transaction } from "kysely";
import { guard } from "../errors.js";
import type { Database, StateLedgerTable } from "../schema.js";
import { chunks } from "../util.js";

/** State ledger storage. @example const ledger: StateLedgerRepository = createStateLedgerRepository(db) */
export interface StateLedgerRepository {
  /** The state written for exactly this period (empty when none). */
  readState(tenantId: string, period: string): Promise<PriorState>;
  /** The state a run of `period` starts from: the latest one written for an earlier period. */
  readPriorState(tenantId: string, period: string): Promise<PriorState>;
  /** Replaces the state of `period` with `state`, in one transaction. */
  writeState(tenantId: string, period: string, state: PriorState): Promise<void>;
}

const BATCH = 1000;

/**
 * Replaces a period's carried state on an executor the caller owns (so a run can finish and write its next
 * state in one transaction).
 * @example await db.transaction().execute((tx) => replaceState(tx, tenantId, "2026-10", run.nextState))
 */
export async function replaceState(
  ex: Kysely<Database> | Transaction<Database>,
  tenantId: string,
  period: string,
  state: PriorState,
): Promise<void> {
  const rows = toRows(tenantId, period, state);
  await ex
    .deleteFrom("state_ledger")
    .where("tenant_id", "=", tenantId)
    .where("period", "=", period)
    .execute();
  for (const batch of chunks(rows, BATCH)) await ex.insertInto("state_ledger").values(batch).execute();
}

function toState(rows: readonly Selectable<StateLedgerTable>[]): PriorState {
  const employees: Record<string, Record<string, string>> = {};
  const groups: Record<string, Record<string, Record<string, string>>> = {};
  for (const r of rows) {
    if (r.scope === "employee") {
      employees[r.scope_key] ??= {};
      employees[r.scope_key]![r.name] = r.value;
    } else {
      groups[r.group_level] ??= {};
      const level = groups[r.group_level]!;
      level[r.scope_key] ??= {};
      level[r.scope_key]![r.name] = r.value;
    }
  }
  return { employees, groups };
}

function toRows(tenantId: string, period: string, state: PriorState): Selectable<StateLedgerTable>[] {
  const rows: Selectable<StateLedgerTable>[] = [];
  for (const [key, values] of Object.entries(state.employees ?? {})) {
    for (const [name, value] of Object.entries(values)) {
      rows.push({
        tenant_id: tenantId,
        period,
        scope: "employee",
        group_level: "",
        scope_key: key,
        name,
        value,
      });
    }
  }
  for (const [level, byKey] of Object.entries(state.groups ?? {})) {
    for (const [key, values] of Object.entries(byKey)) {
      for (const [name, value] of Object.entries(values)) {
        rows.push({
          tenant_id: tenantId,
          period,
          scope: "group",
          group_level: level,
          scope_key: key,
          name,
          value,
        });
      }
    }
  }
  return rows;
}

/**
 * The state ledger over Kysely.
 * @example const s = await createStateLedgerRepository(db).readState(tenantId, "2025-03")
 */
export function createStateLedgerRepository(db: Kysely<Database>): StateLedgerRepository {
  const repo: StateLedgerRepository = {
    async readState(tenantId, period) {
      const rows = await db
        .selectFrom("state_ledger")
        .selectAll()
        .where("tenant_id", "=", tenantId)
        .where("period", "=", period)
        .execute();
      return toState(rows);
    },

    async readPriorState(tenantId, period) {
      const last = await db
        .selectFrom("state_ledger")
        .select("period")
        .where("tenant_id", "=", tenantId)
        .where("period", "<", period)
        .orderBy("period", "desc")
        .limit(1)
        .executeTakeFirst();
      return last ? repo.readState(tenantId, last.period) : { employees: {}, groups: {} };
    },

    writeState(tenantId, period, state) {
      return guard(`保存 ${period} 的结转状态`, `saving the carried state of ${period}`, () =>
        db.transaction().execute((tx) => replaceState(tx, tenantId, period, state)),
      );
    },
  };
  return repo;
}
