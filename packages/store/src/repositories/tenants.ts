/**
 * Tenants (companies). The only table without `tenant_id`: a tenant's id is the scope of everything else.
 * @example const t = await createTenantRepository(db).create("示例电商客服中心")
 */

import type { Kysely } from "kysely";
import { guard, StoreError } from "../errors.js";
import type { Database } from "../schema.js";
import { newId, nowIso } from "../util.js";

/** A company using the workspace. @example const t: Tenant = { id: "…", name: "甲公司", createdAt: "…" } */
export type Tenant = { id: string; name: string; createdAt: string };

/** Tenant storage. @example const tenants: TenantRepository = createTenantRepository(db) */
export interface TenantRepository {
  create(name: string): Promise<Tenant>;
  get(tenantId: string): Promise<Tenant>;
}

/**
 * Tenants over Kysely.
 * @example await createTenantRepository(db).get(tenantId)
 */
export function createTenantRepository(db: Kysely<Database>): TenantRepository {
  return {
    async create(name) {
      const row = { id: newId(), name, created_at: nowIso() };
      await guard("创建公司", "creating the tenant", () => db.insertInto("tenants").values(row).execute());
      return { id: row.id, name, createdAt: row.created_at };
    },
    async get(tenantId) {
      const row = await db.selectFrom("tenants").selectAll().where("id", "=", tenantId).executeTakeFirst();
      if (!row) throw new StoreError("NOT_FOUND", "找不到该公司", "tenant not found");
      return { id: row.id, name: row.name, createdAt: row.created_at };
    },
  };
}
