/**
 * Opens (and migrates) the workspace database and makes sure a company (tenant) exists. Idempotent: a second
 * call with the same name returns the same tenant.
 * @example const { store, tenant, created } = await initWorkspace({ url: "sqlite:./data/xinsuan.db", companyName: "示例公司" })
 */

import type { Tenant } from "@xinsuan/store";
import { openServerStore, type ServerStore } from "../context.js";
import { storeCall } from "../store-errors.js";

/** The open store and the tenant. @example const r: InitResult = await initWorkspace({ companyName: "甲公司" }) */
export type InitResult = { store: ServerStore; tenant: Tenant; created: boolean };

/**
 * Finds the tenant named `companyName` (the first tenant when no name is given) or creates it.
 * @example const { tenant } = await ensureTenant(store, "甲公司")
 */
export async function ensureTenant(
  store: ServerStore,
  companyName: string,
): Promise<{ tenant: Tenant; created: boolean }> {
  return storeCall(async () => {
    const found = await store.db
      .selectFrom("tenants")
      .selectAll()
      .where("name", "=", companyName)
      .orderBy("created_at")
      .executeTakeFirst();
    if (found)
      return { tenant: { id: found.id, name: found.name, createdAt: found.created_at }, created: false };
    return { tenant: await store.tenants.create(companyName), created: true };
  });
}

/**
 * Opens the database (or uses `store`), migrates it and ensures the tenant.
 * @example const { tenant } = await initWorkspace({ store, companyName: "甲公司" })
 */
export async function initWorkspace(o: {
  url?: string;
  store?: ServerStore;
  companyName: string;
  keyPath?: string;
}): Promise<InitResult> {
  const store = o.store ?? (await openServerStore(o.url, o.keyPath ? { keyPath: o.keyPath } : {}));
  const { tenant, created } = await ensureTenant(store, o.companyName);
  return { store, tenant, created };
}
