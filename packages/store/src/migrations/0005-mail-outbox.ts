/**
 * E-mail of the PDF 工资条: `employees.email` and the outbox `mail_outbox` (one message per run and employee,
 * queued → sent | failed, with attempts, the last error and the next attempt time; the table is the send log).
 * @example await migration0005.up(db)
 */

import { type Kysely, type Migration, sql } from "kysely";
import { ref, tenantScoped } from "./ddl.js";

async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s.alterTable("employees").addColumn("email", "text").execute();
  await ref(
    ref(
      tenantScoped(
        s.createTable("mail_outbox").addColumn("id", "text", (c) => c.primaryKey()),
        "mail_outbox",
      ),
      "mail_outbox",
      "run_id",
      "runs",
    ),
    "mail_outbox",
    "employee_id",
    "employees",
  )
    .addColumn("run_id", "text", (c) => c.notNull())
    .addColumn("employee_id", "text", (c) => c.notNull())
    .addColumn("to_address", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull())
    .addColumn("last_error", "text")
    .addColumn("next_attempt_at", "text")
    .addColumn("sent_at", "text")
    .addColumn("message_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("mail_outbox_key", ["tenant_id", "run_id", "employee_id"])
    .addCheckConstraint("mail_outbox_status_check", sql`status in ('queued', 'sent', 'failed')`)
    .execute();
  await s
    .createIndex("mail_outbox_due")
    .on("mail_outbox")
    .columns(["tenant_id", "status", "next_attempt_at"])
    .execute();
}

async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("mail_outbox").ifExists().execute();
  await db.schema.alterTable("employees").dropColumn("email").execute();
}

/** The migration. @example const m: Migration = migration0005 */
export const migration0005: Migration = { up, down };
