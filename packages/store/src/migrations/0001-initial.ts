/**
 * The first schema: organisation, people, policies, periods and datasets, runs and payslips, state ledger and
 * the append-only audit log. Portable DDL through Kysely's schema builder; triggers per dialect.
 * @example await migration0001.up(db)
 */

import { type Kysely, type Migration, sql } from "kysely";
import { appendOnlyTriggers } from "./append-only.js";
import { ref, tenantScoped } from "./ddl.js";

async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s
    .createTable("tenants")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await tenantScoped(
    s.createTable("teams").addColumn("id", "text", (c) => c.primaryKey()),
    "teams",
  )
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("department", "text")
    .addColumn("lead_employee_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("teams_name_key", ["tenant_id", "name"])
    .execute();

  let employees = tenantScoped(
    s.createTable("employees").addColumn("id", "text", (c) => c.primaryKey()),
    "employees",
  )
    .addColumn("employee_no", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("phone", "text")
    .addColumn("id_number_enc", "text")
    .addColumn("bank_account_enc", "text")
    .addColumn("bank_name", "text")
    .addColumn("hire_date", "text")
    .addColumn("regular_date", "text")
    .addColumn("leave_date", "text")
    .addColumn("employment_type", "text", (c) => c.notNull())
    .addColumn("insured_city", "text")
    .addColumn("team_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("employees_no_key", ["tenant_id", "employee_no"])
    .addCheckConstraint("employees_type_check", sql`employment_type in ('全职', '非全日制', '实习', '培训')`);
  employees = ref(employees, "employees", "team_id", "teams");
  await employees.execute();

  await ref(
    tenantScoped(
      s.createTable("employee_grades").addColumn("id", "text", (c) => c.primaryKey()),
      "grades",
      false,
    ),
    "grades",
    "employee_id",
    "employees",
  )
    .addColumn("employee_id", "text", (c) => c.notNull())
    .addColumn("grade", "text", (c) => c.notNull())
    .addColumn("tier", "text")
    .addColumn("effective_from", "text", (c) => c.notNull())
    .addColumn("reason", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await ref(
    tenantScoped(
      s.createTable("employee_deductions").addColumn("id", "text", (c) => c.primaryKey()),
      "deductions",
      false,
    ),
    "deductions",
    "employee_id",
    "employees",
  )
    .addColumn("employee_id", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("monthly_amount", "text", (c) => c.notNull())
    .addColumn("from_month", "text", (c) => c.notNull())
    .addColumn("to_month", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await tenantScoped(
    s.createTable("policies").addColumn("id", "text", (c) => c.primaryKey()),
    "policies",
  )
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("template_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("policies_name_key", ["tenant_id", "name"])
    .execute();

  await ref(
    tenantScoped(
      s.createTable("policy_versions").addColumn("id", "text", (c) => c.primaryKey()),
      "policy_versions",
    ),
    "policy_versions",
    "policy_id",
    "policies",
  )
    .addColumn("policy_id", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("yaml", "text", (c) => c.notNull())
    .addColumn("checksum", "text", (c) => c.notNull())
    .addColumn("effective_from", "text", (c) => c.notNull())
    .addColumn("effective_to", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("policy_versions_version_key", ["tenant_id", "policy_id", "version"])
    .execute();

  let assignments = tenantScoped(
    s.createTable("policy_assignments").addColumn("id", "text", (c) => c.primaryKey()),
    "assignments",
    false,
  )
    .addColumn("policy_id", "text", (c) => c.notNull())
    .addColumn("team_id", "text")
    .addColumn("employee_id", "text")
    .addColumn("effective_from", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addCheckConstraint("assignments_target_check", sql`(team_id is null) <> (employee_id is null)`);
  assignments = ref(assignments, "assignments", "policy_id", "policies");
  assignments = ref(assignments, "assignments", "team_id", "teams");
  assignments = ref(assignments, "assignments", "employee_id", "employees");
  await assignments.execute();

  await tenantScoped(
    s.createTable("periods").addColumn("id", "text", (c) => c.primaryKey()),
    "periods",
  )
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("periods_period_key", ["tenant_id", "period"])
    .execute();

  await ref(
    tenantScoped(
      s.createTable("datasets").addColumn("id", "text", (c) => c.primaryKey()),
      "datasets",
    ),
    "datasets",
    "period_id",
    "periods",
  )
    .addColumn("period_id", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("checksum", "text", (c) => c.notNull())
    .addColumn("row_count", "integer", (c) => c.notNull())
    .addColumn("imported_at", "text", (c) => c.notNull())
    .addUniqueConstraint("datasets_checksum_key", ["tenant_id", "period_id", "checksum"])
    .addCheckConstraint(
      "datasets_kind_check",
      sql`kind in ('attendance', 'kpi', 'orders', 'scores', 'claims', 'other')`,
    )
    .execute();

  await ref(
    tenantScoped(s.createTable("dataset_rows"), "dataset_rows", false),
    "dataset_rows",
    "dataset_id",
    "datasets",
  )
    .addColumn("dataset_id", "text", (c) => c.notNull())
    .addColumn("row_number", "integer", (c) => c.notNull())
    .addColumn("employee_no", "text", (c) => c.notNull())
    .addColumn("values_json", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("dataset_rows_pk", ["dataset_id", "row_number"])
    .execute();

  let runs = tenantScoped(
    s.createTable("runs").addColumn("id", "text", (c) => c.primaryKey()),
    "runs",
  )
    .addColumn("period_id", "text", (c) => c.notNull())
    .addColumn("policy_version_id", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("inputs_hash", "text", (c) => c.notNull())
    .addColumn("started_at", "text", (c) => c.notNull())
    .addColumn("finished_at", "text")
    .addColumn("employee_count", "integer", (c) => c.notNull())
    .addColumn("error_count", "integer", (c) => c.notNull())
    .addColumn("lock_token", "text")
    .addColumn("approved_by", "text")
    .addColumn("approved_at", "text")
    .addCheckConstraint(
      "runs_status_check",
      sql`status in ('draft', 'calculated', 'approved', 'paid', 'locked')`,
    );
  runs = ref(runs, "runs", "period_id", "periods");
  runs = ref(runs, "runs", "policy_version_id", "policy_versions");
  await runs.execute();
  // The database, not the code, guarantees one run in progress and one approved run per tenant and period.
  await s
    .createIndex("runs_one_in_progress")
    .on("runs")
    .columns(["tenant_id", "period_id"])
    .unique()
    .where(sql.ref("lock_token"), "is not", null)
    .execute();
  await s
    .createIndex("runs_one_approved")
    .on("runs")
    .columns(["tenant_id", "period_id"])
    .unique()
    .where(sql.ref("status"), "in", ["approved", "paid", "locked"])
    .execute();

  await ref(
    tenantScoped(s.createTable("run_payslips"), "run_payslips", false),
    "run_payslips",
    "run_id",
    "runs",
  )
    .addColumn("run_id", "text", (c) => c.notNull())
    .addColumn("employee_no", "text", (c) => c.notNull())
    .addColumn("lines_json", "text", (c) => c.notNull())
    .addColumn("gross", "text", (c) => c.notNull())
    .addColumn("deductions", "text", (c) => c.notNull())
    .addColumn("net", "text", (c) => c.notNull())
    .addColumn("error_json", "text")
    .addPrimaryKeyConstraint("run_payslips_pk", ["run_id", "employee_no"])
    .execute();

  await tenantScoped(s.createTable("state_ledger"), "state_ledger", false)
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("scope", "text", (c) => c.notNull())
    .addColumn("group_level", "text", (c) => c.notNull())
    .addColumn("scope_key", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("value", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("state_ledger_pk", [
      "tenant_id",
      "period",
      "scope",
      "group_level",
      "scope_key",
      "name",
    ])
    .addCheckConstraint("state_ledger_scope_check", sql`scope in ('employee', 'group')`)
    .execute();

  await tenantScoped(
    s.createTable("audit_log").addColumn("id", "text", (c) => c.primaryKey()),
    "audit_log",
    false,
  )
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("entity", "text", (c) => c.notNull())
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("before_json", "text")
    .addColumn("after_json", "text")
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await s
    .createIndex("audit_log_entity")
    .on("audit_log")
    .columns(["tenant_id", "entity", "entity_id"])
    .execute();
  await appendOnlyTriggers(db);
}

/** Migration 0001. @example await migration0001.up(db) */
export const migration0001: Migration = { up };
