/**
 * The employee's side of a payslip: receipt confirmations (one per run and employee; confirming twice keeps the
 * first time) and questions on a line, answered by HR.
 * @example await feedback.confirm(t, { runId, employeeId }); await feedback.ask(t, { runId, period, employeeId, line: "绩效工资", text: "为什么是80%？" })
 */

import type { Kysely, Selectable } from "kysely";
import { guard } from "../errors.js";
import type { Database, PayslipQuestionsTable } from "../schema.js";
import { newId, nowIso } from "../util.js";

/** A question with its employee. @example const q: PayslipQuestion = await feedback.ask(t, { … }) */
export type PayslipQuestion = {
  id: string;
  runId: string;
  period: string;
  employeeId: string;
  employeeNo: string;
  employeeName: string;
  line: string;
  text: string;
  status: "open" | "answered";
  askedAt: string;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
};

/** Filter for questions. @example const f: QuestionFilter = { status: "open" } */
export type QuestionFilter = {
  status?: "open" | "answered";
  employeeId?: string;
  period?: string;
  id?: string;
};

/** Receipt and question storage. @example const feedback: PayslipFeedbackRepository = createPayslipFeedbackRepository(db) */
export interface PayslipFeedbackRepository {
  /** Records receipt; returns when it was first confirmed. */
  confirm(tenantId: string, r: { runId: string; employeeId: string }, at?: string): Promise<string>;
  /** Confirmation times by run id for one employee. */
  receipts(tenantId: string, employeeId: string): Promise<Map<string, string>>;
  /** How many employees confirmed each run. */
  countReceipts(tenantId: string, runId: string): Promise<number>;
  ask(
    tenantId: string,
    q: { runId: string; period: string; employeeId: string; line: string; text: string },
  ): Promise<PayslipQuestion>;
  listQuestions(tenantId: string, f?: QuestionFilter): Promise<PayslipQuestion[]>;
  /** Answers an open question; false when it was answered already. */
  answer(tenantId: string, id: string, a: { answer: string; by: string }): Promise<boolean>;
}

type QuestionRow = Selectable<PayslipQuestionsTable> & { employee_no: string; employee_name: string };

function toQuestion(r: QuestionRow): PayslipQuestion {
  return {
    id: r.id,
    runId: r.run_id,
    period: r.period,
    employeeId: r.employee_id,
    employeeNo: r.employee_no,
    employeeName: r.employee_name,
    line: r.line,
    text: r.text,
    status: r.status,
    askedAt: r.asked_at,
    answer: r.answer,
    answeredBy: r.answered_by,
    answeredAt: r.answered_at,
  };
}

/**
 * Receipts and questions over Kysely.
 * @example const open = await createPayslipFeedbackRepository(db).listQuestions(tenantId, { status: "open" })
 */
export function createPayslipFeedbackRepository(db: Kysely<Database>): PayslipFeedbackRepository {
  const questions = (tenantId: string) =>
    db
      .selectFrom("payslip_questions as q")
      .innerJoin("employees as e", (j) =>
        j.onRef("e.id", "=", "q.employee_id").onRef("e.tenant_id", "=", "q.tenant_id"),
      )
      .selectAll("q")
      .select(["e.employee_no as employee_no", "e.name as employee_name"])
      .where("q.tenant_id", "=", tenantId);
  return {
    async confirm(tenantId, r, at = nowIso()) {
      await guard("确认工资条", "confirming the payslip", () =>
        db
          .insertInto("payslip_receipts")
          .values({ tenant_id: tenantId, run_id: r.runId, employee_id: r.employeeId, confirmed_at: at })
          .onConflict((c) => c.columns(["tenant_id", "run_id", "employee_id"]).doNothing())
          .execute(),
      );
      const row = await db
        .selectFrom("payslip_receipts")
        .select("confirmed_at")
        .where("tenant_id", "=", tenantId)
        .where("run_id", "=", r.runId)
        .where("employee_id", "=", r.employeeId)
        .executeTakeFirstOrThrow();
      return row.confirmed_at;
    },
    async receipts(tenantId, employeeId) {
      const rows = await db
        .selectFrom("payslip_receipts")
        .select(["run_id", "confirmed_at"])
        .where("tenant_id", "=", tenantId)
        .where("employee_id", "=", employeeId)
        .execute();
      return new Map(rows.map((r) => [r.run_id, r.confirmed_at]));
    },
    async countReceipts(tenantId, runId) {
      const r = await db
        .selectFrom("payslip_receipts")
        .select((e) => e.fn.countAll<number | string>().as("n"))
        .where("tenant_id", "=", tenantId)
        .where("run_id", "=", runId)
        .executeTakeFirst();
      return Number(r?.n ?? 0);
    },
    async ask(tenantId, q) {
      const id = newId();
      await guard("保存提问", "saving the question", () =>
        db
          .insertInto("payslip_questions")
          .values({
            id,
            tenant_id: tenantId,
            run_id: q.runId,
            period: q.period,
            employee_id: q.employeeId,
            line: q.line,
            text: q.text,
            status: "open",
            asked_at: nowIso(),
            answer: null,
            answered_by: null,
            answered_at: null,
          })
          .execute(),
      );
      return toQuestion(
        (await questions(tenantId).where("q.id", "=", id).executeTakeFirstOrThrow()) as QuestionRow,
      );
    },
    async listQuestions(tenantId, f = {}) {
      let q = questions(tenantId);
      if (f.status) q = q.where("q.status", "=", f.status);
      if (f.employeeId) q = q.where("q.employee_id", "=", f.employeeId);
      if (f.period) q = q.where("q.period", "=", f.period);
      if (f.id) q = q.where("q.id", "=", f.id);
      return ((await q.orderBy("q.asked_at", "desc").orderBy("q.id").execute()) as QuestionRow[]).map(
        toQuestion,
      );
    },
    async answer(tenantId, id, a) {
      const r = await db
        .updateTable("payslip_questions")
        .set({ status: "answered", answer: a.answer, answered_by: a.by, answered_at: nowIso() })
        .where("tenant_id", "=", tenantId)
        .where("id", "=", id)
        .where("status", "=", "open")
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
  };
}
