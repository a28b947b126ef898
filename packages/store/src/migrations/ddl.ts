/**
 * Helpers for tenant-scoped DDL: every table gets `tenant_id`, and references include it.
 * @example ref(tenantScoped(t, "runs"), "runs", "period_id", "periods")
 */

import type { CreateTableBuilder } from "kysely";

/** A table being created. @example const t: Table = db.schema.createTable("teams") */
export type Table = CreateTableBuilder<string, string>;

/**
 * `tenant_id` column with its reference to `tenants`, and `unique (tenant_id, id)` so children can reference both.
 * @example tenantScoped(db.schema.createTable("teams").addColumn("id", "text"), "teams")
 */
export function tenantScoped(t: Table, name: string, withIdKey = true): Table {
  let b = t
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addForeignKeyConstraint(`${name}_tenant_fk`, ["tenant_id"], "tenants", ["id"]);
  if (withIdKey) b = b.addUniqueConstraint(`${name}_tenant_id_key`, ["tenant_id", "id"]);
  return b;
}

/** A reference that also has to be in the same tenant. @example ref(t, "runs", "period_id", "periods") */
export function ref(t: Table, name: string, column: string, table: string): Table {
  return t.addForeignKeyConstraint(`${name}_${column}_fk`, ["tenant_id", column], table, ["tenant_id", "id"]);
}
