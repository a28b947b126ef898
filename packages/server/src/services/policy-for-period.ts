/**
 * The company policy version in force on the first day of a period, compiled once per checksum.
 * @example const { version, compiled } = await policyForPeriod(ctx, "2026-08")
 */

import { type CompiledPolicy, checkPolicyText } from "@xinsuan/core";
import type { PolicyVersion } from "@xinsuan/store";
import { AppError } from "../app-error.js";
import type { ServiceContext } from "../context.js";
import { companyPolicy } from "./company-policy.js";

const compiledByChecksum = new Map<string, CompiledPolicy>();

/**
 * Finds and compiles the version in force on `${period}-01`; NOT_FOUND when the company has none.
 * @example const { compiled } = await policyForPeriod(ctx, "2026-10")
 */
export async function policyForPeriod(
  ctx: ServiceContext,
  period: string,
): Promise<{ version: PolicyVersion; compiled: CompiledPolicy }> {
  const policy = await companyPolicy(ctx);
  const version = policy
    ? await ctx.store.policies.versionInForce(ctx.tenantId, policy.id, `${period}-01`)
    : undefined;
  if (!version) {
    throw new AppError(
      "NOT_FOUND",
      `${period} 没有生效的薪酬方案：请先添加方案版本`,
      `no policy version is in force in ${period}; add one first`,
    );
  }
  return { version, compiled: compileVersion(version) };
}

/**
 * A stored policy version compiled (cached by checksum); POLICY_INVALID when it no longer compiles.
 * @example const compiled = compileVersion(await store.policies.getVersion(tenantId, run.policyVersionId))
 */
export function compileVersion(version: PolicyVersion): CompiledPolicy {
  let compiled = compiledByChecksum.get(version.checksum);
  if (!compiled) {
    const check = checkPolicyText(version.yaml, `policy-v${version.version}.yaml`);
    if (!check.compiled)
      throw new AppError(
        "POLICY_INVALID",
        "已保存的方案版本无法编译",
        "the stored policy version does not compile",
      );
    compiled = check.compiled;
    compiledByChecksum.set(version.checksum, compiled);
  }
  return compiled;
}
