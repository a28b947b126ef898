/**
 * Grade history (职级 with effective dates) and declared special additional deductions (专项附加扣除 by month).
 * @example await history.addGrade(tenantId, employeeId, { grade: "中级", effectiveFrom: "2025-03-01" })
 */

import type { Kysely } from "kysely";
import { guard } from "../errors.js";
import { exactAmount } from "../money.js";
import type { Database } from "../schema.js";
import { newId, nowIso } from "../util.js";

/** One grade change. @example const g: GradeChange = { grade: "初级", effectiveFrom: "2025-01-01" } */
export type GradeChange = {
  grade: string;
  tier?: string | null;
  effectiveFrom: string;
  reason?: string | null;
};

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
