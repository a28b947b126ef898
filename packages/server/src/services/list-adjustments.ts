/**
 * Lists adjustments by pay period, corrected period or employee, ordered by 工号 and creation time.
 * @example const due = await listAdjustments(ctx, { payPeriod: "2026-10" })
 */

import type { Adjustment } from "@xinsuan/store";
import type { ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";
import { employeeByNo, requirePeriod } from "./claim-adjust-kit.js";

/** Filters. @example const f: AdjustmentFilter = { forPeriod: "2026-08", employeeNo: "E001" } */
export type AdjustmentFilter = { payPeriod?: string; forPeriod?: string; employeeNo?: string };

/**
 * The adjustments matching every filter given, cancelled ones included (see `cancelledAt`).
 * @example const all = await listAdjustments(ctx)
 */
export async function listAdjustments(ctx: ServiceContext, f: AdjustmentFilter = {}): Promise<Adjustment[]> {
  const payPeriod =
    f.payPeriod === undefined ? undefined : requirePeriod(f.payPeriod, "发放期间", "pay period");
  const forPeriod =
    f.forPeriod === undefined ? undefined : requirePeriod(f.forPeriod, "更正的期间", "corrected period");
  const employeeId = f.employeeNo === undefined ? undefined : (await employeeByNo(ctx, f.employeeNo)).id;
  return storeCall(() =>
    ctx.store.adjustments.list(ctx.tenantId, {
      ...(payPeriod ? { payPeriod } : {}),
      ...(forPeriod ? { forPeriod } : {}),
      ...(employeeId ? { employeeId } : {}),
    }),
  );
}
