/**
 * Cancels an adjustment while the run of its pay period is not approved; the row stays (who cancelled, when) and
 * the run no longer pays it. Audit-logged as `adjustment.cancel`.
 * @example await cancelAdjustment(ctx, { id })
 */

import type { Adjustment } from "@xinsuan/store";
import { AppError } from "../app-error.js";
import { authorize } from "../auth/authorize.js";
import { inTransaction, type ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";
import { frozenRun, requireText } from "./claim-adjust-kit.js";

/**
 * Cancels the adjustment `id` as `ctx.actor`.
 * @example const adj = await cancelAdjustment(ctx, { id: "0b6e…" })
 */
export async function cancelAdjustment(ctx: ServiceContext, o: { id: string }): Promise<Adjustment> {
  authorize(ctx, "runs.calculate");
  const { store, tenantId, actor } = ctx;
  const id = requireText(o.id, "调整编号", "adjustment id");
  const adj = await storeCall(() => store.adjustments.get(tenantId, id));
  if (!adj) throw new AppError("NOT_FOUND", `找不到调整 ${id}`, `adjustment ${id} not found`);
  if (adj.cancelledAt) {
    throw new AppError(
      "STATE_CONFLICT",
      `调整 ${id} 已由 ${adj.cancelledBy} 于 ${adj.cancelledAt} 撤销`,
      `adjustment ${id} was already cancelled by ${adj.cancelledBy} at ${adj.cancelledAt}`,
    );
  }
  const frozen = await frozenRun(ctx, adj.payPeriod);
  if (frozen) {
    throw new AppError(
      "RUN_IMMUTABLE",
      `调整 ${id} 已在 ${adj.payPeriod} 的算薪中发放（状态 ${frozen.status}），不能撤销；如需更正请另记一笔反向调整`,
      `adjustment ${id} was paid in the ${adj.payPeriod} run (${frozen.status}); record an opposite adjustment instead`,
    );
  }
  return storeCall(() =>
    inTransaction(store, async (tx) => {
      const cancelled = await tx.adjustments.cancel(tenantId, id, actor);
      await tx.audit.append(tenantId, {
        actor,
        action: "adjustment.cancel",
        entity: "adjustment",
        entityId: id,
        before: { cancelledAt: null },
        after: { cancelledBy: actor, cancelledAt: cancelled.cancelledAt },
      });
      return cancelled;
    }),
  );
}
