/**
 * Records an adjustment (补发 / 补扣) to an approved period with a reason; it is paid as its own line in the run
 * of a later period that is not approved yet (by default the earliest such period after the corrected one).
 * Audit-logged as `adjustment.add`.
 * @example await addAdjustment(ctx, { employeeNo: "E001", forPeriod: "2026-08", kind: "补发", amount: "300.00", reason: "8月加班费漏算" })
 */

import { Dec } from "@xinsuan/core";
import type { Adjustment } from "@xinsuan/store";
import { AppError } from "../app-error.js";
import { authorize } from "../auth/authorize.js";
import { inTransaction, type ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";
import { employeeByNo, frozenRun, nextPeriod, requirePeriod, requireText } from "./claim-adjust-kit.js";

/** What an adjustment needs; `taxable` defaults to true. @example const a: AdjustmentInput = { employeeNo: "E001", forPeriod: "2026-08", payPeriod: "2026-10", kind: "补扣", amount: "50", reason: "多发餐补" } */
export type AdjustmentInput = {
  employeeNo: string;
  forPeriod: string;
  payPeriod?: string;
  kind: string;
  amount: string;
  taxable?: boolean;
  reason: string;
};

/** Parses an amount: a plain decimal > 0 with at most 2 places. @example adjustmentAmount("300") === "300.00" */
export function adjustmentAmount(text: string): string {
  const t = text.trim();
  const d = /^\d+(\.\d+)?$/.test(t) ? Dec.tryParse(t) : null;
  if (d === null || d.sign() <= 0 || !d.round(2).eq(d)) {
    throw new AppError(
      "INPUT_INVALID",
      `金额“${text}”须为大于 0 的数，最多两位小数（如 300.00）；补扣用 --kind 补扣，不用负数`,
      `amount "${text}" must be greater than 0 with at most 2 decimals (use kind 补扣, not a negative amount)`,
    );
  }
  return d.toFixed(2);
}

/**
 * Validates and stores the adjustment.
 * @example const adj = await addAdjustment(ctx, { employeeNo: "E001", forPeriod: "2026-08", kind: "补发", amount: "300", reason: "漏算加班" })
 */
export async function addAdjustment(ctx: ServiceContext, a: AdjustmentInput): Promise<Adjustment> {
  authorize(ctx, "runs.calculate");
  const { store, tenantId, actor } = ctx;
  const forPeriod = requirePeriod(a.forPeriod, "更正的期间", "corrected period");
  if (a.kind !== "补发" && a.kind !== "补扣") {
    throw new AppError(
      "INPUT_INVALID",
      `类型“${a.kind}”无效，应为 补发 或 补扣`,
      `kind "${a.kind}" must be 补发 (back pay) or 补扣 (deduction)`,
    );
  }
  const kind = a.kind;
  const amount = adjustmentAmount(a.amount);
  const reason = requireText(a.reason, "调整原因", "reason");
  const employee = await employeeByNo(ctx, a.employeeNo);
  if (!(await frozenRun(ctx, forPeriod))) {
    throw new AppError(
      "RUN_NOT_READY",
      `${forPeriod} 还没有已审批的算薪，不需要补发/补扣：直接更正数据后重新运行 xinsuan run --period ${forPeriod}`,
      `${forPeriod} has no approved run; correct its data and run it again instead of an adjustment`,
    );
  }
  let payPeriod: string;
  if (a.payPeriod !== undefined) {
    payPeriod = requirePeriod(a.payPeriod, "发放期间", "pay period");
    if (payPeriod <= forPeriod) {
      throw new AppError(
        "INPUT_INVALID",
        `发放期间 ${payPeriod} 须晚于更正的期间 ${forPeriod}`,
        `pay period ${payPeriod} must be later than the corrected period ${forPeriod}`,
      );
    }
    const frozen = await frozenRun(ctx, payPeriod);
    if (frozen) {
      throw new AppError(
        "RUN_IMMUTABLE",
        `发放期间 ${payPeriod} 的算薪已审批（状态 ${frozen.status}），请选择以后的期间`,
        `the pay period ${payPeriod} run is ${frozen.status}; choose a later period`,
      );
    }
  } else {
    payPeriod = nextPeriod(forPeriod);
    while (await frozenRun(ctx, payPeriod)) payPeriod = nextPeriod(payPeriod);
  }
  // A run pays only the employees employed in it; a leaver's correction is settled outside the monthly run.
  if (employee.leaveDate !== null && employee.leaveDate < `${payPeriod}-01`) {
    throw new AppError(
      "INPUT_INVALID",
      `${employee.employeeNo} ${employee.name} 已于 ${employee.leaveDate} 离职，${payPeriod} 的算薪不含该员工；请选择其在职的发放期间，或线下结算`,
      `${employee.employeeNo} left on ${employee.leaveDate}; the ${payPeriod} run does not pay them. Choose a pay period they are employed in, or settle outside the run`,
    );
  }
  return storeCall(() =>
    inTransaction(store, async (tx) => {
      const adj = await tx.adjustments.add(tenantId, {
        employeeId: employee.id,
        forPeriod,
        payPeriod,
        kind,
        amount,
        taxable: a.taxable ?? true,
        reason,
        createdBy: actor,
      });
      await tx.audit.append(tenantId, {
        actor,
        action: "adjustment.add",
        entity: "adjustment",
        entityId: adj.id,
        after: {
          employeeNo: adj.employeeNo,
          forPeriod,
          payPeriod,
          kind,
          amount,
          taxable: adj.taxable,
          reason,
        },
      });
      return adj;
    }),
  );
}
