/**
 * Claims with evidence (申报: an order closed on a call, an adopted suggestion, a customer's praise), adjustments
 * to approved periods (补发 / 补扣, paid in a later period) and grade reviews (晋升 / 降级 candidates and HR's
 * decision).
 * @example await migration0004.up(db)
 */

import { type Kysely, type Migration, sql } from "kysely";
import { ref, tenantScoped } from "./ddl.js";

async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await ref(
    tenantScoped(
      s.createTable("claims").addColumn("id", "text", (c) => c.primaryKey()),
      "claims",
    ),
    "claims",
    "employee_id",
    "employees",
  )
    .addColumn("employee_id", "text", (c) => c.notNull())
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("input_name", "text", (c) => c.notNull())
    .addColumn("quantity", "text", (c) => c.notNull())
    .addColumn("evidence", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("submitted_by", "text", (c) => c.notNull())
    .addColumn("submitted_at", "text", (c) => c.notNull())
    .addColumn("decided_by", "text")
    .addColumn("decided_at", "text")
    .addColumn("comment", "text")
    .addCheckConstraint("claims_status_check", sql`status in ('pending', 'approved', 'rejected')`)
    .execute();
  await s.createIndex("claims_by_period").on("claims").columns(["tenant_id", "period", "status"]).execute();

  await ref(
    tenantScoped(
      s.createTable("adjustments").addColumn("id", "text", (c) => c.primaryKey()),
      "adjustments",
    ),
    "adjustments",
    "employee_id",
    "employees",
  )
    .addColumn("employee_id", "text", (c) => c.notNull())
    .addColumn("for_period", "text", (c) => c.notNull())
    .addColumn("pay_period", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("amount", "text", (c) => c.notNull())
    .addColumn("taxable", "integer", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("cancelled_by", "text")
    .addColumn("cancelled_at", "text")
    .addCheckConstraint("adjustments_kind_check", sql`kind in ('补发', '补扣')`)
    .execute();
  await s
    .createIndex("adjustments_by_pay_period")
    .on("adjustments")
    .columns(["tenant_id", "pay_period"])
    .execute();

  await ref(
    tenantScoped(
      s.createTable("grade_reviews").addColumn("id", "text", (c) => c.primaryKey()),
      "grade_reviews",
    ),
    "grade_reviews",
    "employee_id",
    "employees",
  )
    .addColumn("employee_id", "text", (c) => c.notNull())
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("rule", "text", (c) => c.notNull())
    .addColumn("from_grade", "text", (c) => c.notNull())
    .addColumn("to_grade", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("decided_by", "text")
    .addColumn("decided_at", "text")
    .addColumn("comment", "text")
    .addUniqueConstraint("grade_reviews_key", ["tenant_id", "period", "employee_id", "rule"])
    .addCheckConstraint("grade_reviews_status_check", sql`status in ('pending', 'confirmed', 'rejected')`)
    .execute();
}

async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["grade_reviews", "adjustments", "claims"])
    await db.schema.dropTable(t).ifExists().execute();
}

/** The migration. @example const m: Migration = migration0004 */
export const migration0004: Migration = { up, down };
