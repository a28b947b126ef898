/**
 * Sign-in and the agent's side of a payslip: `users` (accounts by 工号/phone, argon2id hash, role, lockout),
 * `sessions` (hashed token, CSRF token, expiry), `payslip_receipts` (confirmation of receipt per run and employee)
 * and `payslip_questions` (a question on a payslip line and HR's answer).
 * @example await migration0006.up(db)
 */

import { type Kysely, type Migration, sql } from "kysely";
import { ref, tenantScoped } from "./ddl.js";

async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await ref(
    tenantScoped(
      s.createTable("users").addColumn("id", "text", (c) => c.primaryKey()),
      "users",
    ),
    "users",
    "employee_id",
    "employees",
  )
    .addColumn("login", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("employee_id", "text")
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("must_change_password", "integer", (c) => c.notNull())
    .addColumn("disabled", "integer", (c) => c.notNull())
    .addColumn("failed_attempts", "integer", (c) => c.notNull())
    .addColumn("locked_until", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("users_login_key", ["tenant_id", "login"])
    .addCheckConstraint("users_role_check", sql`role in ('admin', 'hr', 'finance', 'lead', 'agent')`)
    .execute();
  await s.createIndex("users_login").on("users").column("login").execute();
  await s.createIndex("users_employee").on("users").columns(["tenant_id", "employee_id"]).execute();
  await ref(
    tenantScoped(
      s.createTable("sessions").addColumn("id", "text", (c) => c.primaryKey()),
      "sessions",
    ),
    "sessions",
    "user_id",
    "users",
  )
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("csrf_token", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await s.createIndex("sessions_user").on("sessions").columns(["tenant_id", "user_id"]).execute();
  await ref(
    ref(
      tenantScoped(s.createTable("payslip_receipts"), "payslip_receipts", false),
      "payslip_receipts",
      "run_id",
      "runs",
    ),
    "payslip_receipts",
    "employee_id",
    "employees",
  )
    .addColumn("run_id", "text", (c) => c.notNull())
    .addColumn("employee_id", "text", (c) => c.notNull())
    .addColumn("confirmed_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("payslip_receipts_pk", ["tenant_id", "run_id", "employee_id"])
    .execute();
  await ref(
    ref(
      tenantScoped(
        s.createTable("payslip_questions").addColumn("id", "text", (c) => c.primaryKey()),
        "payslip_questions",
      ),
      "payslip_questions",
      "run_id",
      "runs",
    ),
    "payslip_questions",
    "employee_id",
    "employees",
  )
    .addColumn("run_id", "text", (c) => c.notNull())
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("employee_id", "text", (c) => c.notNull())
    .addColumn("line", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("asked_at", "text", (c) => c.notNull())
    .addColumn("answer", "text")
    .addColumn("answered_by", "text")
    .addColumn("answered_at", "text")
    .addCheckConstraint("payslip_questions_status_check", sql`status in ('open', 'answered')`)
    .execute();
  await s
    .createIndex("payslip_questions_status")
    .on("payslip_questions")
    .columns(["tenant_id", "status", "asked_at"])
    .execute();
  await s
    .createIndex("payslip_questions_employee")
    .on("payslip_questions")
    .columns(["tenant_id", "employee_id", "period"])
    .execute();
}

async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["payslip_questions", "payslip_receipts", "sessions", "users"])
    await db.schema.dropTable(t).ifExists().execute();
}

/** The migration. @example const m: Migration = migration0006 */
export const migration0006: Migration = { up, down };
