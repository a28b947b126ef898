/**
 * `runs.heartbeat_at`: the time a run in progress last showed it was alive (set when it starts and on every saved
 * batch of payslips). A run whose heartbeat is older than the take-over timeout is stale (its process died) and
 * the next run of the period may take its lock over. Existing rows get their `started_at`.
 * @example await migration0002.up(db)
 */

import { type Kysely, type Migration, sql } from "kysely";

async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("runs").addColumn("heartbeat_at", "text").execute();
  await sql`update runs set heartbeat_at = started_at`.execute(db);
}

async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("runs").dropColumn("heartbeat_at").execute();
}

/** The migration. @example const m: Migration = migration0002 */
export const migration0002: Migration = { up, down };
