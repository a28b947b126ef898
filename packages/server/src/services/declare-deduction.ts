/**
 * Records an employee's declared special additional deduction (专项附加扣除: 子女教育, 住房租金 …) as a monthly
 * amount from a month (to a month, or open). Every run of a month in range feeds the employee's declared total
 * into the statutory tax as 专项附加扣除, explained kind by kind. Audited.
 * @example await declareDeduction(ctx, { employeeNo: "E001", kind: "子女教育", monthlyAmount: "2000", fromMonth: "2026-01" })
 */

import { Dec } from "@xinsuan/core";
import type { DeductionDeclaration } from "@xinsuan/store";
import { AppError } from "../app-error.js";
import { authorize } from "../auth/authorize.js";
import { inTransaction, type ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";
import { employeeByNo, requirePeriod } from "./claim-adjust-kit.js";

/** The kinds of 个人所得税专项附加扣除 (国发〔2018〕41号, 国发〔2022〕8号). @example DEDUCTION_KINDS.includes("住房租金") */
export const DEDUCTION_KINDS = [
  "子女教育",
  "继续教育",
  "大病医疗",
  "住房贷款利息",
  "住房租金",
  "赡养老人",
  "3岁以下婴幼儿照护",
] as const;

/** What to declare. @example const d: DeductionInput = { employeeNo: "E001", kind: "住房租金", monthlyAmount: "1500", fromMonth: "2026-03" } */
export type DeductionInput = {
  employeeNo: string;
  kind: string;
  monthlyAmount: string;
  fromMonth: string;
  toMonth?: string;
};

/**
 * Validates and stores the declaration.
 * @example const d = await declareDeduction(ctx, { employeeNo: "E001", kind: "赡养老人", monthlyAmount: "3000", fromMonth: "2026-01" })
 */
export async function declareDeduction(
  ctx: ServiceContext,
  d: DeductionInput,
): Promise<DeductionDeclaration> {
  authorize(ctx, "runs.calculate");
  const { store, tenantId, actor } = ctx;
  if (!(DEDUCTION_KINDS as readonly string[]).includes(d.kind))
    throw new AppError(
      "INPUT_INVALID",
      `专项附加扣除项目“${d.kind}”不对，可选：${DEDUCTION_KINDS.join("、")}`,
      `unknown deduction kind "${d.kind}"; one of ${DEDUCTION_KINDS.join(", ")}`,
    );
  const amount = d.monthlyAmount.trim();
  if (!/^\d+(\.\d{1,2})?$/.test(amount) || Dec.parse(amount).isZero())
    throw new AppError(
      "INPUT_INVALID",
      `每月金额“${amount}”须为大于 0、最多两位小数的金额`,
      `monthly amount "${amount}" must be greater than 0 with at most 2 decimals`,
    );
  const fromMonth = requirePeriod(d.fromMonth, "起始月份", "first month");
  const toMonth = d.toMonth === undefined ? null : requirePeriod(d.toMonth, "截止月份", "last month");
  if (toMonth !== null && toMonth < fromMonth)
    throw new AppError(
      "INPUT_INVALID",
      `截止月份 ${toMonth} 早于起始月份 ${fromMonth}`,
      "the last month is before the first",
    );
  const employee = await employeeByNo(ctx, d.employeeNo);
  const declaration: DeductionDeclaration = { kind: d.kind, monthlyAmount: amount, fromMonth, toMonth };
  await storeCall(() =>
    inTransaction(store, async (tx) => {
      await tx.history.addDeduction(tenantId, employee.id, declaration);
      await tx.audit.append(tenantId, {
        actor,
        action: "deduction.declare",
        entity: "employee",
        entityId: employee.id,
        after: { employeeNo: employee.employeeNo, ...declaration },
      });
    }),
  );
  return declaration;
}
