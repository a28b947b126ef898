/**
 * Indexes for the lookups the services make per employee and per period (grade on a date, declared deductions,
 * policy assignments, a period's datasets and runs). Without the grade index an import of n employees read the
 * whole grade table n times (quadratic: 100,000 employees took minutes).
 * @example await migration0003.up(db)
 */

import type { Kysely, Migration } from "kysely";

const INDEXES: [name: string, table: string, columns: string[]][] = [
  ["employee_grades_by_employee", "employee_grades", ["tenant_id", "employee_id", "effective_from"]],
  ["employee_deductions_by_employee", "employee_deductions", ["tenant_id", "employee_id"]],
  ["policy_assignments_by_team", "policy_assignments", ["tenant_id", "team_id"]],
  ["policy_assignments_by_employee", "policy_assignments", ["tenant_id", "employee_id"]],
  ["datasets_by_period", "datasets", ["tenant_id", "period_id"]],
  ["runs_by_period", "runs", ["tenant_id", "period_id"]],
];

async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name, table, columns] of INDEXES)
    await db.schema.createIndex(name).ifNotExists().on(table).columns(columns).execute();
}

async function down(db: Kysely<unknown>): Promise<void> {
  for (const [name] of INDEXES) await db.schema.dropIndex(name).ifExists().execute();
}

/** The migration. @example const m: Migration = migration0003 */
export const migration0003: Migration = { up, down };
