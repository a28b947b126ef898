/**
 * What every service receives: the store, the tenant it acts for and who is acting (recorded in the audit log).
 * The store carries its field cipher so a service can build transaction-bound repositories (`inTransaction`).
 * @example const ctx: ServiceContext = { store, tenantId, actor: "hr:li" }; await runPayrollService(ctx, { period: "2026-08" })
 */

import { randomBytes } from "node:crypto";
import { dirname, join } from "node:path";
import {
  createFieldCipher,
  createStore,
  type FieldCipher,
  loadKey,
  migrateToLatest,
  openDatabase,
  parseDatabaseUrl,
  type Store,
} from "@xinsuan/store";
import type { Principal } from "./auth/principal.js";
import { storeCall } from "./store-errors.js";

/** A store with the cipher its employee repository was built with. @example const s: ServerStore = await openServerStore("sqlite::memory:") */
export type ServerStore = Store & { cipher: FieldCipher };

/**
 * The service context. `principal` is the signed-in user the services authorise (auth/authorize.ts); without one
 * the caller is the operator's own command line, which may do everything in the tenant it opened.
 * @example const ctx: ServiceContext = { store, tenantId, actor: "cli" }
 */
export type ServiceContext = { store: ServerStore; tenantId: string; actor: string; principal?: Principal };

/**
 * Where the field-encryption key file lives for a database URL: beside a SQLite file, else the store's default.
 * @example workspaceKeyPath("sqlite:/tmp/w/x.db") === "/tmp/w/xinsuan.key"
 */
export function workspaceKeyPath(url?: string): string | undefined {
  const target = parseDatabaseUrl(url);
  return target.kind === "sqlite" && target.path !== ":memory:"
    ? join(dirname(target.path), "xinsuan.key")
    : undefined;
}

/**
 * Opens and migrates the database for a URL (default: DATABASE_URL, else the SQLite file ./data/xinsuan.db).
 * The key comes from XINSUAN_KEY or the key file unless given; `ephemeralKey` uses a throw-away key (tests).
 * @example const store = await openServerStore("pglite://memory", { ephemeralKey: true })
 */
export async function openServerStore(
  url?: string,
  options: { cipher?: FieldCipher; ephemeralKey?: boolean; keyPath?: string } = {},
): Promise<ServerStore> {
  return storeCall(async () => {
    const db = openDatabase(url);
    try {
      await migrateToLatest(db);
    } catch (e) {
      await db.destroy();
      throw e;
    }
    const keyPath = options.keyPath ?? workspaceKeyPath(url);
    const cipher =
      options.cipher ??
      createFieldCipher(options.ephemeralKey ? randomBytes(32) : loadKey(keyPath ? { keyPath } : {}));
    return { ...createStore(db, cipher), cipher };
  });
}

/**
 * Runs `fn` with repositories bound to one database transaction: everything it writes commits together or not
 * at all. Only the transaction's repositories may be used inside (SQLite has one connection).
 * @example await inTransaction(store, async (tx) => { await tx.teams.create(t, { name: "一组" }) })
 */
export function inTransaction<T>(
  store: ServerStore,
  fn: (tx: Omit<Store, "close">) => Promise<T>,
): Promise<T> {
  return store.db.transaction().execute(async (trx) => {
    const { close: _close, ...repos } = createStore(trx, store.cipher);
    return fn(repos);
  });
}
