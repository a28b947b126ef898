import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_SQLITE_PATH, dialectOf, openDatabase, parseDatabaseUrl } from "./db.js";
import { migrateToLatest } from "./migrations/index.js";

describe("database URLs", () => {
  it("maps each URL to one dialect", () => {
    expect(parseDatabaseUrl()).toEqual({ kind: "sqlite", path: DEFAULT_SQLITE_PATH });
    expect(parseDatabaseUrl("sqlite::memory:")).toEqual({ kind: "sqlite", path: ":memory:" });
    expect(parseDatabaseUrl("sqlite:./x/y.db")).toEqual({ kind: "sqlite", path: "./x/y.db" });
    expect(parseDatabaseUrl("postgres://u:p@h:5432/db").kind).toBe("postgres");
    expect(parseDatabaseUrl("postgresql://h/db").kind).toBe("postgres");
    expect(parseDatabaseUrl("pglite://memory")).toEqual({ kind: "pglite", dir: null });
    expect(() => parseDatabaseUrl("mysql://h/db")).toThrow(/unknown database URL/);
  });

  it("creates the folder of a SQLite file and migrates it", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "xinsuan-db-")), "data", "xinsuan.db");
    const db = openDatabase(`sqlite:${path}`);
    expect(dialectOf(db)).toBe("sqlite");
    expect(await migrateToLatest(db)).toEqual([
      "0001-initial",
      "0002-run-heartbeat",
      "0003-lookup-indexes",
      "0004-claims-adjustments-reviews",
      "0005-mail-outbox",
      "0006-accounts-sessions",
    ]);
    await db.destroy();
    expect(existsSync(path)).toBe(true);
    const again = openDatabase(`sqlite:${path}`);
    expect(await migrateToLatest(again)).toEqual([]);
    await again.destroy();
  });
});
