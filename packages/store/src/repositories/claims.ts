/**
 * Claims with evidence (申报): an order closed on a call with its recording, an adopted suggestion, a customer's
 * praise. Submitted as pending, then approved or rejected once by the team lead with a comment; only approved
 * claims reach the run (`listApproved`).
 * @example const c = await claims.submit(t, { employeeId, period: "2026-10", inputName: "加分项数", quantity: "1", evidence: "REC-20261012-0042", submittedBy: "lead:wang" })
 */

import type { Kysely } from "kysely";
import { guard, StoreError } from "../errors.js";
import type { ClaimStatus, Database } from "../schema.js";
import { newId, nowIso } from "../util.js";

/** A claim with its employee's 工号 and name. @example const c: Claim = await claims.get(t, id) */
export type Claim = {
  id: string;
  employeeId: string;
  employeeNo: string;
  employeeName: string;
  period: string;
  inputName: string;
  quantity: string;
  evidence: string;
  note: string | null;
  status: ClaimStatus;
  submittedBy: string;
  submittedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  comment: string | null;
};

/** What submitting a claim needs. @example const n: NewClaim = { employeeId, period: "2026-10", inputName: "加分项数", quantity: "1", evidence: "表扬信", submittedBy: "lead:wang" } */
export type NewClaim = {
  employeeId: string;
  period: string;
  inputName: string;
  quantity: string;
  evidence: string;
  note?: string;
  submittedBy: string;
};

/** A decision on a pending claim. @example const d: ClaimDecision = { status: "rejected", by: "lead:wang", comment: "录音不清" } */
export type ClaimDecision = { status: "approved" | "rejected"; by: string; comment?: string };

/** Claim storage. @example const claims: ClaimRepository = createClaimRepository(db) */
export interface ClaimRepository {
  submit(tenantId: string, c: NewClaim): Promise<Claim>;
  get(tenantId: string, id: string): Promise<Claim | undefined>;
  list(tenantId: string, f: { period?: string; status?: ClaimStatus; teamId?: string }): Promise<Claim[]>;
  /** Decides a pending claim; a claim already decided is refused (INVALID), nothing changes. */
  decide(tenantId: string, id: string, d: ClaimDecision): Promise<Claim>;
  /** The period's approved claims, ordered by 工号, submission time and id. */
  listApproved(tenantId: string, period: string): Promise<Claim[]>;
}

/**
 * Claims over Kysely.
 * @example const approved = await createClaimRepository(db).listApproved(tenantId, "2026-10")
 */
export function createClaimRepository(db: Kysely<Database>): ClaimRepository {
  const base = (tenantId: string) =>
    db
      .selectFrom("claims as c")
      .innerJoin("employees as e", (j) =>
        j.onRef("e.id", "=", "c.employee_id").onRef("e.tenant_id", "=", "c.tenant_id"),
      )
      .select([
        "c.id as id",
        "c.employee_id as employeeId",
        "e.employee_no as employeeNo",
        "e.name as employeeName",
        "c.period as period",
        "c.input_name as inputName",
        "c.quantity as quantity",
        "c.evidence as evidence",
        "c.note as note",
        "c.status as status",
        "c.submitted_by as submittedBy",
        "c.submitted_at as submittedAt",
        "c.decided_by as decidedBy",
        "c.decided_at as decidedAt",
        "c.comment as comment",
      ])
      .where("c.tenant_id", "=", tenantId);
  const ordered = (q: ReturnType<typeof base>) =>
    q.orderBy("e.employee_no").orderBy("c.submitted_at").orderBy("c.id").execute();

  const repo: ClaimRepository = {
    async submit(tenantId, c) {
      const id = newId();
      await guard(`提交申报“${c.inputName}”`, `submitting claim "${c.inputName}"`, () =>
        db
          .insertInto("claims")
          .values({
            id,
            tenant_id: tenantId,
            employee_id: c.employeeId,
            period: c.period,
            input_name: c.inputName,
            quantity: c.quantity,
            evidence: c.evidence,
            note: c.note ?? null,
            status: "pending",
            submitted_by: c.submittedBy,
            submitted_at: nowIso(),
          })
          .execute(),
      );
      const saved = await repo.get(tenantId, id);
      if (!saved) throw new StoreError("NOT_FOUND", "找不到该员工", "employee not found");
      return saved;
    },
    get: (tenantId, id) => base(tenantId).where("c.id", "=", id).executeTakeFirst(),
    async list(tenantId, f) {
      let q = base(tenantId);
      if (f.period !== undefined) q = q.where("c.period", "=", f.period);
      if (f.status !== undefined) q = q.where("c.status", "=", f.status);
      if (f.teamId !== undefined) q = q.where("e.team_id", "=", f.teamId);
      return ordered(q);
    },
    async decide(tenantId, id, d) {
      const res = await guard("审批申报", "deciding the claim", () =>
        db
          .updateTable("claims")
          .set({ status: d.status, decided_by: d.by, decided_at: nowIso(), comment: d.comment ?? null })
          .where("tenant_id", "=", tenantId)
          .where("id", "=", id)
          .where("status", "=", "pending")
          .executeTakeFirst(),
      );
      const claim = await repo.get(tenantId, id);
      if (!claim) throw new StoreError("NOT_FOUND", `找不到申报 ${id}`, `claim ${id} not found`);
      if (Number(res.numUpdatedRows) !== 1) {
        const was = claim.status === "approved" ? "已批准" : "已驳回";
        throw new StoreError(
          "INVALID",
          `申报 ${id} ${was}（${claim.decidedBy}），不能再次审批`,
          `claim ${id} is already ${claim.status} by ${claim.decidedBy}`,
        );
      }
      return claim;
    },
    listApproved: (tenantId, period) =>
      ordered(base(tenantId).where("c.period", "=", period).where("c.status", "=", "approved")),
  };
  return repo;
}
