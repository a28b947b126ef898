/**
 * Approves or rejects a pending claim with a comment (a rejection needs one). A claim is decided once; a claim of
 * a period whose run is approved can no longer be decided. Audit-logged as `claim.approve` / `claim.reject`.
 * @example await decideClaim(ctx, { id, decision: "rejected", comment: "录音中客户未确认下单" })
 */

import type { Claim } from "@xinsuan/store";
import { AppError } from "../app-error.js";
import { authorize, authorizeTeam, seesEveryone } from "../auth/authorize.js";
import { inTransaction, type ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";
import { frozenRun, requireText } from "./claim-adjust-kit.js";

/** The decision. @example const d: ClaimDecisionInput = { id, decision: "approved", comment: "录音已核" } */
export type ClaimDecisionInput = { id: string; decision: "approved" | "rejected"; comment?: string };

const ZH = { approved: "已批准", rejected: "已驳回", pending: "待审批" } as const;

/**
 * Decides the claim as `ctx.actor` (the approver named in the payslip explanation).
 * @example const c = await decideClaim(ctx, { id: "6f1c…", decision: "approved" })
 */
export async function decideClaim(ctx: ServiceContext, d: ClaimDecisionInput): Promise<Claim> {
  authorize(ctx, "claims.decide");
  const { store, tenantId, actor } = ctx;
  const id = requireText(d.id, "申报编号", "claim id");
  const comment = d.comment?.trim() || undefined;
  if (d.decision === "rejected" && !comment) {
    throw new AppError(
      "INPUT_INVALID",
      "驳回申报须填写意见（--comment），说明驳回原因",
      "rejecting a claim needs a comment giving the reason",
    );
  }
  const claim = await storeCall(() => store.claims.get(tenantId, id));
  if (!claim) throw new AppError("NOT_FOUND", `找不到申报 ${id}`, `claim ${id} not found`);
  if (ctx.principal?.employeeId && ctx.principal.employeeId === claim.employeeId)
    throw new AppError(
      "FORBIDDEN",
      "不能审批自己的申报（请由薪酬专员或上级审批）",
      "you cannot decide your own claim (HR or your superior decides it)",
    );
  if (!seesEveryone(ctx)) {
    const owner = await storeCall(() => store.employees.getByNo(tenantId, claim.employeeNo));
    authorizeTeam(ctx, owner.teamId ?? "");
  }
  if (claim.status !== "pending") {
    throw new AppError(
      "STATE_CONFLICT",
      `申报 ${id} 已由 ${claim.decidedBy} 于 ${claim.decidedAt} ${ZH[claim.status]}，不能再次审批`,
      `claim ${id} was already ${claim.status} by ${claim.decidedBy} at ${claim.decidedAt}`,
    );
  }
  const frozen = await frozenRun(ctx, claim.period);
  if (frozen) {
    throw new AppError(
      "RUN_IMMUTABLE",
      `${claim.period} 的算薪已审批（状态 ${frozen.status}），不能再审批该期间的申报`,
      `the ${claim.period} run is ${frozen.status}; its claims can no longer be decided`,
    );
  }
  return storeCall(() =>
    inTransaction(store, async (tx) => {
      const decided = await tx.claims.decide(tenantId, id, {
        status: d.decision,
        by: actor,
        ...(comment ? { comment } : {}),
      });
      await tx.audit.append(tenantId, {
        actor,
        action: d.decision === "approved" ? "claim.approve" : "claim.reject",
        entity: "claim",
        entityId: id,
        before: { status: claim.status },
        after: { status: decided.status, comment: decided.comment },
      });
      return decided;
    }),
  );
}
