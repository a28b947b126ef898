/**
 * Migrations listed in code (Kysely's FileMigrationProvider imports by path, which does not suit tsx).
 * @example await migrateToLatest(db)
 */

import { type Kysely, type Migration, type MigrationProvider, Migrator } from "kysely";
import { StoreError } from "../errors.js";
import type { Database } from "../schema.js";
import { migration0001 } from "./0001-initial.js";
import { migration0002 } from "./0002-run-heartbeat.js";
import { migration0003 } from "./0003-lookup-indexes.js";
import { migration0004 } from "./0004-claims-adjustments-reviews.js";
import { migration0005 } from "./0005-mail-outbox.js";
import { migration0006 } from "./0006-accounts-sessions.js";

const MIGRATIONS: Record<string, Migration> = {
  "0001-initial": migration0001,
  "0002-run-heartbeat": migration0002,
  "0003-lookup-indexes": migration0003,
  "0004-claims-adjustments-reviews": migration0004,
  "0005-mail-outbox": migration0005,
  "0006-accounts-sessions": migration0006,
};

/** The in-code provider. @example new Migrator({ db, provider: inCodeProvider }) */
export const inCodeProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};

/**
 * Brings the schema up to date; throws a StoreError naming the migration that failed.
 * @example await migrateToLatest(openDatabase("sqlite::memory:"))
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: inCodeProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error) {
    throw new StoreError(
      "DATABASE",
      `数据库升级失败${failed ? `（${failed.migrationName}）` : ""}`,
      `database migration failed${failed ? ` (${failed.migrationName})` : ""}`,
      { cause: error },
    );
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
