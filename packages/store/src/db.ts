/**
 * Opens the database named by a URL — the one place that maps URLs to Kysely dialects:
 * (none) → SQLite file ./data/xinsuan.db · `sqlite::memory:` · `sqlite:<path>` · `postgres://…` / `postgresql://…`
 * (pg Pool) · `pglite://memory` · `pglite://<dir>`.
 * @example const db = openDatabase(process.env.DATABASE_URL); await migrateToLatest(db)
 */

import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import SqliteDatabase from "better-sqlite3";
import { type Dialect, Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import { StoreError } from "./errors.js";
import { PGliteDialect } from "./pglite-dialect.js";
import type { Database } from "./schema.js";

/** Where the embedded database lives when no URL is given. @example openDatabase(`sqlite:${DEFAULT_SQLITE_PATH}`) */
export const DEFAULT_SQLITE_PATH = "./data/xinsuan.db";

/** Which engine a URL selects. @example const k: DialectKind = "sqlite" */
export type DialectKind = "sqlite" | "postgres" | "pglite";

/** A parsed database URL. @example parseDatabaseUrl("sqlite::memory:") */
export type DatabaseTarget =
  | { kind: "sqlite"; path: string }
  | { kind: "postgres"; url: string }
  | { kind: "pglite"; dir: string | null };

/**
 * Reads a database URL; throws INVALID for an unknown scheme.
 * @example parseDatabaseUrl("pglite://memory") // { kind: "pglite", dir: null }
 */
export function parseDatabaseUrl(url?: string): DatabaseTarget {
  const u = (url ?? "").trim();
  if (u === "") return { kind: "sqlite", path: DEFAULT_SQLITE_PATH };
  if (u === "sqlite::memory:" || u === ":memory:") return { kind: "sqlite", path: ":memory:" };
  if (u.startsWith("sqlite:"))
    return { kind: "sqlite", path: u.slice("sqlite:".length).replace(/^\/\//, "") };
  if (u.startsWith("postgres://") || u.startsWith("postgresql://")) return { kind: "postgres", url: u };
  if (u.startsWith("pglite://")) {
    const rest = u.slice("pglite://".length);
    return { kind: "pglite", dir: rest === "" || rest === "memory" ? null : rest };
  }
  throw new StoreError(
    "INVALID",
    "无法识别的数据库地址：请使用 sqlite:、postgres:// 或 pglite://",
    "unknown database URL: use sqlite:, postgres:// or pglite://",
  );
}

function sqliteDialect(path: string): Dialect {
  if (path !== ":memory:") mkdirSync(dirname(resolve(path)), { recursive: true });
  const database = new SqliteDatabase(path);
  database.pragma("foreign_keys = ON");
  database.pragma("busy_timeout = 5000");
  if (path !== ":memory:") database.pragma("journal_mode = WAL");
  return new SqliteDialect({ database });
}

function dialectFor(target: DatabaseTarget): Dialect {
  switch (target.kind) {
    case "sqlite":
      return sqliteDialect(target.path);
    case "postgres":
      return new PostgresDialect({ pool: new pg.Pool({ connectionString: target.url, max: 10 }) });
    case "pglite":
      if (target.dir) mkdirSync(resolve(target.dir), { recursive: true });
      return new PGliteDialect(target.dir ? new PGlite(target.dir) : new PGlite());
  }
}

const kinds = new WeakMap<Kysely<Database>, DialectKind>();

/**
 * Opens a Kysely instance for the URL (see the file comment). Run `migrateToLatest` before use.
 * @example const db = openDatabase("sqlite::memory:")
 */
export function openDatabase(url?: string): Kysely<Database> {
  const target = parseDatabaseUrl(url);
  const db = new Kysely<Database>({ dialect: dialectFor(target) });
  kinds.set(db, target.kind);
  return db;
}

/**
 * The engine behind a database opened by `openDatabase`.
 * @example dialectOf(openDatabase("pglite://memory")) === "pglite"
 */
export function dialectOf(db: Kysely<Database>): DialectKind {
  const kind = kinds.get(db);
  if (!kind)
    throw new StoreError(
      "INVALID",
      "数据库未通过 openDatabase 打开",
      "database was not opened by openDatabase",
    );
  return kind;
}
