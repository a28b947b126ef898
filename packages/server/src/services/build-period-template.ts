/**
 * The xlsx input template of a period: the columns (工号, 姓名 and every input) of the policy in force in the
 * period, with notes, drop-downs and range checks (build-input-template.ts), named for the period.
 * @example const { bytes, fileName } = await buildPeriodTemplate(ctx, { period: "2026-10" })
 */

import { authorize } from "../auth/authorize.js";
import type { ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";
import { buildInputTemplate } from "./build-input-template.js";
import { policiesForPeriod } from "./policy-for-period.js";
import { requirePeriodText } from "./show-period.js";

/** The template file. @example const t: PeriodTemplate = { bytes, fileName: "导入模板-2026-10.xlsx", policy: "客服方案" } */
export type PeriodTemplate = { bytes: Uint8Array; fileName: string; policy: string };

/**
 * Builds the template of `period` from the company's first policy in force (runs.read).
 * @example const t = await buildPeriodTemplate(ctx, { period: "2026-10" }); t.bytes.length > 0
 */
export async function buildPeriodTemplate(
  ctx: ServiceContext,
  o: { period: string },
): Promise<PeriodTemplate> {
  authorize(ctx, "runs.read");
  requirePeriodText(o.period);
  const { all } = await storeCall(() => policiesForPeriod(ctx, o.period));
  const first = all[0]!;
  return {
    bytes: await buildInputTemplate(first.compiled),
    fileName: `导入模板-${o.period}.xlsx`,
    policy: first.policyName,
  };
}
