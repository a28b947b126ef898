/**
 * Submits a claim with evidence (申报): an order closed on a call with its recording, an adopted suggestion, a
 * customer's praise. It counts towards a number/integer input of the policy in force for the period once the
 * team lead approves it; a period whose run is approved takes no claim.
 * @example await submitClaim(ctx, { period: "2026-10", employeeNo: "E001", inputName: "电话成交单数_已审批", evidence: "REC-20261012-0042" })
 */

import { Dec } from "@xinsuan/core";
import type { Claim } from "@xinsuan/store";
import { AppError } from "../app-error.js";
import { authorize, authorizeEmployee } from "../auth/authorize.js";
import { inTransaction, type ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";
import { employeeByNo, frozenRun, requirePeriod, requireText } from "./claim-adjust-kit.js";
import { policiesForPeriod } from "./policy-for-period.js";

/** What a claim needs; `quantity` is decimal text, "1" by default. @example const c: ClaimInput = { period: "2026-10", employeeNo: "E001", inputName: "加分项数", evidence: "客户表扬信 2026-10-08" } */
export type ClaimInput = {
  period: string;
  employeeNo: string;
  inputName: string;
  quantity?: string;
  evidence: string;
  note?: string;
};

/**
 * Validates and stores a pending claim, audit-logged as `claim.submit`.
 * @example const claim = await submitClaim(ctx, { period: "2026-10", employeeNo: "E001", inputName: "加分项数", quantity: "2", evidence: "建议被采纳：工单模板" })
 */
export async function submitClaim(ctx: ServiceContext, c: ClaimInput): Promise<Claim> {
  authorize(ctx, "claims.submit");
  const { store, tenantId, actor } = ctx;
  authorizeEmployee(ctx, await employeeByNo(ctx, c.employeeNo));
  const period = requirePeriod(c.period, "申报期间", "claim period");
  const inputName = requireText(c.inputName, "申报项目（方案输入名）", "input name");
  const evidence = requireText(c.evidence, "证据（如录音编号）", "evidence (e.g. the recording reference)");
  const qtyText = (c.quantity ?? "1").trim();
  const quantity = Dec.tryParse(qtyText);
  if (quantity === null || quantity.sign() <= 0) {
    throw new AppError(
      "INPUT_INVALID",
      `数量“${qtyText}”须为大于 0 的数`,
      `quantity "${qtyText}" must be a number greater than 0`,
    );
  }
  const { byEmployee, all } = await policiesForPeriod(ctx, period, [c.employeeNo.trim()]);
  const { compiled, version } = byEmployee.get(c.employeeNo.trim()) ?? all[0]!;
  const def = compiled.doc.inputs[inputName];
  if (!def || (def.type !== "number" && def.type !== "integer")) {
    const allowed = Object.entries(compiled.doc.inputs)
      .filter(([, d]) => d.type === "number" || d.type === "integer")
      .map(([n]) => n);
    throw new AppError(
      "INPUT_INVALID",
      def
        ? `“${inputName}”是${def.type}类型的输入，申报只能计入数值输入：${allowed.join("、")}`
        : `${period} 生效的方案（第 ${version.version} 版）没有输入“${inputName}”；可申报的输入：${allowed.join("、")}`,
      def
        ? `"${inputName}" is a ${def.type} input; a claim counts only towards number inputs: ${allowed.join(", ")}`
        : `the policy in force in ${period} (version ${version.version}) has no input "${inputName}"; allowed: ${allowed.join(", ")}`,
    );
  }
  if (def.type === "integer" && !quantity.isInteger()) {
    throw new AppError(
      "INPUT_INVALID",
      `“${inputName}”是整数输入，数量“${qtyText}”须为整数`,
      `"${inputName}" is an integer input; quantity "${qtyText}" must be whole`,
    );
  }
  const employee = await employeeByNo(ctx, c.employeeNo);
  const frozen = await frozenRun(ctx, period);
  if (frozen) {
    throw new AppError(
      "RUN_IMMUTABLE",
      `${period} 的算薪已审批（状态 ${frozen.status}），不能再提交申报；更正请走补发/补扣调整`,
      `the ${period} run is ${frozen.status}; no claim is accepted (record an adjustment instead)`,
    );
  }
  const note = c.note?.trim();
  return storeCall(() =>
    inTransaction(store, async (tx) => {
      const claim = await tx.claims.submit(tenantId, {
        employeeId: employee.id,
        period,
        inputName,
        quantity: quantity.toString(),
        evidence,
        ...(note ? { note } : {}),
        submittedBy: actor,
      });
      await tx.audit.append(tenantId, {
        actor,
        action: "claim.submit",
        entity: "claim",
        entityId: claim.id,
        after: { employeeNo: claim.employeeNo, period, inputName, quantity: claim.quantity, evidence, note },
      });
      return claim;
    }),
  );
}
