/**
 * Grade history (职级 with effective dates) and declared special additional deductions (专项附加扣除 by month).
 * @example await history.addGrade(tenantId, employeeId, { grade: "中级", effectiveFrom: "2025-03-01" })
 */

import type { Kysely } from "kysely";
import { guard } from "../errors.js";
import { exactAmount } from "../money.js";
import type { Database } from "../schema.js";
import { chunks, newId, nowIso } from "../util.js";

/** One grade change. @example const g: GradeChange = { grade: "初级", effectiveFrom: "2025-01-01" } */
export type GradeChange = {
  grade: string;
  tier?: string | null;
  effectiveFrom: string;
  reason?: string | null;
};

/** A grade change of one employee (for bulk writes). @example const c: EmployeeGradeChange = { employeeId, grade: "初级", effectiveFrom: "2025-01-01" } */
export type EmployeeGradeChange = GradeChange & { employeeId: string };

/** Rows per INSERT: 8 columns × 500 bound parameters, far under SQLite's and PostgreSQL's limits. */
const GRADE_CHUNK = 500;

/** A declared deduction; `monthlyAmount` is decimal text, months are YYYY-MM. @example const d: DeductionDeclaration = { kind: "子女教育", monthlyAmount: "2000.00", fromMonth: "2025-01" } */
export type DeductionDeclaration = {
  kind: string;
  monthlyAmount: string;
  fromMonth: string;
  toMonth?: string | null;
};

/** Grade and deduction history storage. @example const history: EmployeeHistoryRepository = createEmployeeHistoryRepository(db) */
export interface EmployeeHistoryRepository {
  addGrade(tenantId: string, employeeId: string, change: GradeChange): Promise<void>;
  gradeOn(tenantId: string, employeeId: string, date: string): Promise<GradeChange | undefined>;
  /** Adds many grade changes, 500 rows a statement. */
  addGrades(tenantId: string, changes: readonly EmployeeGradeChange[]): Promise<void>;
  /** Every employee's grade in force on `date` (as `gradeOn` would give it), by employee id, in one query. */
  gradesOn(tenantId: string, date: string): Promise<Map<string, GradeChange>>;
  addDeduction(tenantId: string, employeeId: string, d: DeductionDeclaration): Promise<void>;
  deductionsIn(tenantId: string, employeeId: string, month: string): Promise<DeductionDeclaration[]>;
}

/**
 * Grade and deduction history over Kysely.
 * @example const grade = await createEmployeeHistoryRepository(db).gradeOn(tenantId, employeeId, "2025-06-30")
 */
export function createEmployeeHistoryRepository(db: Kysely<Database>): EmployeeHistoryRepository {
  return {
    async addGrade(tenantId, employeeId, c) {
      const row = {
        id: newId(),
        tenant_id: tenantId,
        employee_id: employeeId,
        grade: c.grade,
        tier: c.tier ?? null,
        effective_from: c.effectiveFrom,
        reason: c.reason ?? null,
        created_at: nowIso(),
      };
      await guard("保存职级", "saving the grade", () =>
        db.insertInto("employee_grades").values(row).execute(),
      );
    },
    async gradeOn(tenantId, employeeId, date) {
      const r = await db
        .selectFrom("employee_grades")
        .selectAll()
        .where("tenant_id", "=", tenantId)
        .where("employee_id", "=", employeeId)
        .where("effective_from", "<=", date)
        .orderBy("effective_from", "desc")
        .orderBy("created_at", "desc")
        .executeTakeFirst();
      return r
        ? { grade: r.grade, tier: r.tier, effectiveFrom: r.effective_from, reason: r.reason }
        : undefined;
    },
    async addGrades(tenantId, changes) {
      const at = nowIso();
      const rows = changes.map((c) => ({
        id: newId(),
        tenant_id: tenantId,
        employee_id: c.employeeId,
        grade: c.grade,
        tier: c.tier ?? null,
        effective_from: c.effectiveFrom,
        reason: c.reason ?? null,
        created_at: at,
      }));
      for (const batch of chunks(rows, GRADE_CHUNK))
        await guard("保存职级", "saving the grades", () =>
          db.insertInto("employee_grades").values(batch).execute(),
        );
    },
    async gradesOn(tenantId, date) {
      // Ascending, so the last row of an employee is the one gradeOn would pick (latest from, then created).
      const rows = await db
        .selectFrom("employee_grades")
        .select(["employee_id", "grade", "tier", "effective_from", "reason"])
        .where("tenant_id", "=", tenantId)
        .where("effective_from", "<=", date)
        .orderBy("effective_from")
        .orderBy("created_at")
        .execute();
      const out = new Map<string, GradeChange>();
      for (const r of rows)
        out.set(r.employee_id, {
          grade: r.grade,
          tier: r.tier,
          effectiveFrom: r.effective_from,
          reason: r.reason,
        });
      return out;
    },
    async addDeduction(tenantId, employeeId, d) {
      const row = {
        id: newId(),
        tenant_id: tenantId,
        employee_id: employeeId,
        kind: d.kind,
        monthly_amount: exactAmount(d.monthlyAmount),
        from_month: d.fromMonth,
        to_month: d.toMonth ?? null,
        created_at: nowIso(),
      };
      await guard("保存专项附加扣除", "saving the deduction", () =>
        db.insertInto("employee_deductions").values(row).execute(),
      );
    },
    async deductionsIn(tenantId, employeeId, month) {
      const rows = await db
        .selectFrom("employee_deductions")
        .selectAll()
        .where("tenant_id", "=", tenantId)
        .where("employee_id", "=", employeeId)
        .where("from_month", "<=", month)
        .where((eb) => eb.or([eb("to_month", "is", null), eb("to_month", ">=", month)]))
        .orderBy("kind")
        .execute();
      return rows.map((r) => ({
        kind: r.kind,
        monthlyAmount: r.monthly_amount,
        fromMonth: r.from_month,
        toMonth: r.to_month,
      }));
    },
  };
}
