/**
 * The audit log is append-only in the database itself, whatever code connects to it.
 * @example await appendOnlyTriggers(db)
 */

import { type Kysely, SqliteAdapter, sql } from "kysely";

function isSqlite(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

/**
 * Triggers that refuse UPDATE and DELETE on `audit_log` (RAISE(ABORT) on SQLite; a plpgsql function on PostgreSQL,
 * which also refuses TRUNCATE).
 * @example await appendOnlyTriggers(db)
 */
export async function appendOnlyTriggers(db: Kysely<unknown>): Promise<void> {
  if (isSqlite(db)) {
    for (const op of ["update", "delete"]) {
      await sql
        .raw(
          `create trigger audit_log_no_${op} before ${op} on audit_log ` +
            `begin select raise(abort, 'audit_log is append-only'); end`,
        )
        .execute(db);
    }
    return;
  }
  await sql
    .raw(
      `create or replace function audit_log_refuse() returns trigger language plpgsql as $$ ` +
        `begin raise exception 'audit_log is append-only' using errcode = 'P0001'; end $$`,
    )
    .execute(db);
  await sql
    .raw(
      "create trigger audit_log_no_change before update or delete on audit_log " +
        "for each row execute function audit_log_refuse()",
    )
    .execute(db);
  await sql
    .raw(
      "create trigger audit_log_no_truncate before truncate on audit_log " +
        "for each statement execute function audit_log_refuse()",
    )
    .execute(db);
}
