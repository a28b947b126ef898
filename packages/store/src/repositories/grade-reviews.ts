/**
 * Grade reviews (晋升/降级 candidates of a period and HR's decision). Listing candidates again replaces the period's
 * pending ones and keeps every decided one as it was; a decision is taken once.
 * @example await reviews.decide(t, id, { status: "confirmed", by: "hr:li" })
 */

import type { Kysely } from "kysely";
import { guard, StoreError } from "../errors.js";
import type { Database, GradeReviewStatus } from "../schema.js";
import { newId, nowIso } from "../util.js";

/** A review with its employee's 工号 and name. @example const r: GradeReview = (await reviews.list(t, { period: "2026-10" }))[0]! */
export type GradeReview = {
  id: string;
  employeeId: string;
  employeeNo: string;
  employeeName: string;
  period: string;
  rule: string;
  fromGrade: string;
  toGrade: string;
  reason: string;
  status: GradeReviewStatus;
  createdAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  comment: string | null;
};

/** A candidate found by a period's rules. @example const c: GradeCandidate = { employeeId, rule: "晋升候选", fromGrade: "初级", toGrade: "中级", reason: "月均 85 分" } */
export type GradeCandidate = {
  employeeId: string;
  rule: string;
  fromGrade: string;
  toGrade: string;
  reason: string;
};

/** What an upsert did. @example const u: CandidateUpsert = { added: 1, updated: 0, removed: 0, kept: 2 } */
export type CandidateUpsert = { added: number; updated: number; removed: number; kept: number };

/** HR's decision. @example const d: GradeDecision = { status: "rejected", by: "hr:li", comment: "考核期未满" } */
export type GradeDecision = { status: "confirmed" | "rejected"; by: string; comment?: string | null };

/** Grade review storage. @example const reviews: GradeReviewRepository = createGradeReviewRepository(db) */
export interface GradeReviewRepository {
  /**
   * Makes the period's pending candidates exactly `candidates`: new ones inserted, pending ones updated, pending
   * ones no longer found removed; a decided review (same employee and rule) is kept unchanged.
   */
  upsertCandidates(
    tenantId: string,
    period: string,
    candidates: readonly GradeCandidate[],
  ): Promise<CandidateUpsert>;
  get(tenantId: string, id: string): Promise<GradeReview | undefined>;
  /** Ordered by period, 工号 and rule. */
  list(tenantId: string, f?: { period?: string; status?: GradeReviewStatus }): Promise<GradeReview[]>;
  /** Confirms or rejects a pending review; NOT_FOUND for an unknown id, INVALID when already decided. */
  decide(tenantId: string, id: string, d: GradeDecision): Promise<GradeReview>;
}

/**
 * Grade reviews over Kysely.
 * @example const pending = await createGradeReviewRepository(db).list(t, { status: "pending" })
 */
export function createGradeReviewRepository(db: Kysely<Database>): GradeReviewRepository {
  const base = (tenantId: string) =>
    db
      .selectFrom("grade_reviews as g")
      .innerJoin("employees as e", (j) =>
        j.onRef("e.id", "=", "g.employee_id").onRef("e.tenant_id", "=", "g.tenant_id"),
      )
      .select([
        "g.id as id",
        "g.employee_id as employeeId",
        "e.employee_no as employeeNo",
        "e.name as employeeName",
        "g.period as period",
        "g.rule as rule",
        "g.from_grade as fromGrade",
        "g.to_grade as toGrade",
        "g.reason as reason",
        "g.status as status",
        "g.created_at as createdAt",
        "g.decided_by as decidedBy",
        "g.decided_at as decidedAt",
        "g.comment as comment",
      ])
      .where("g.tenant_id", "=", tenantId);
  const read = (q: ReturnType<typeof base>): Promise<GradeReview[]> =>
    q.orderBy("g.period").orderBy("e.employee_no").orderBy("g.rule").orderBy("g.id").execute();

  const repo: GradeReviewRepository = {
    async upsertCandidates(tenantId, period, candidates) {
      const existing = await db
        .selectFrom("grade_reviews")
        .select(["id", "employee_id", "rule", "status"])
        .where("tenant_id", "=", tenantId)
        .where("period", "=", period)
        .execute();
      const key = (employeeId: string, rule: string) => `${employeeId}\u0000${rule}`;
      const byKey = new Map(existing.map((r) => [key(r.employee_id, r.rule), r]));
      const seen = new Set<string>();
      const out: CandidateUpsert = { added: 0, updated: 0, removed: 0, kept: 0 };
      await guard("保存晋升/降级候选", "saving grade review candidates", async () => {
        for (const c of candidates) {
          const k = key(c.employeeId, c.rule);
          if (seen.has(k)) continue;
          seen.add(k);
          const old = byKey.get(k);
          const values = { from_grade: c.fromGrade, to_grade: c.toGrade, reason: c.reason };
          if (!old) {
            await db
              .insertInto("grade_reviews")
              .values({
                id: newId(),
                tenant_id: tenantId,
                employee_id: c.employeeId,
                period,
                rule: c.rule,
                ...values,
                status: "pending",
                created_at: nowIso(),
              })
              .execute();
            out.added++;
          } else if (old.status === "pending") {
            await db.updateTable("grade_reviews").set(values).where("id", "=", old.id).execute();
            out.updated++;
          } else out.kept++;
        }
        const stale = existing.filter((r) => r.status === "pending" && !seen.has(key(r.employee_id, r.rule)));
        for (const r of stale) await db.deleteFrom("grade_reviews").where("id", "=", r.id).execute();
        out.removed = stale.length;
      });
      return out;
    },
    async get(tenantId, id) {
      const [row] = await read(base(tenantId).where("g.id", "=", id));
      return row;
    },
    list(tenantId, f = {}) {
      let q = base(tenantId);
      if (f.period !== undefined) q = q.where("g.period", "=", f.period);
      if (f.status !== undefined) q = q.where("g.status", "=", f.status);
      return read(q);
    },
    async decide(tenantId, id, d) {
      const res = await guard("审批晋升/降级", "deciding the grade review", () =>
        db
          .updateTable("grade_reviews")
          .set({ status: d.status, decided_by: d.by, decided_at: nowIso(), comment: d.comment ?? null })
          .where("tenant_id", "=", tenantId)
          .where("id", "=", id)
          .where("status", "=", "pending")
          .executeTakeFirst(),
      );
      const review = await repo.get(tenantId, id);
      if (!review)
        throw new StoreError("NOT_FOUND", `找不到晋升/降级审批 ${id}`, `grade review ${id} not found`);
      if (Number(res.numUpdatedRows) !== 1) {
        const was = review.status === "confirmed" ? "确认" : "驳回";
        throw new StoreError(
          "INVALID",
          `晋升/降级审批 ${id} 已于 ${review.decidedAt} 由 ${review.decidedBy} ${was}，不能再次审批`,
          `grade review ${id} was already ${review.status} by ${review.decidedBy}`,
        );
      }
      return review;
    },
  };
  return repo;
}
