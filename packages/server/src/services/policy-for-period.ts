/**
 * The policies in force in a period and the one that pays each employee, each version compiled once per checksum.
 * @example const { all, byEmployee } = await policiesForPeriod(ctx, "2026-08")
 */

import { type CompiledPolicy, checkPolicyText } from "@xinsuan/core";
import type { PolicyVersion } from "@xinsuan/store";
import { AppError } from "../app-error.js";
import type { ServiceContext } from "../context.js";
import { lastDay, policyOfPeople } from "./run-load.js";

const compiledByChecksum = new Map<string, CompiledPolicy>();

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

/** A policy's version in force at the end of a period, compiled. @example const p: PeriodPolicy = (await policiesForPeriod(ctx, "2026-10")).all[0] */
export type PeriodPolicy = {
  policyId: string;
  policyName: string;
  version: PolicyVersion;
  compiled: CompiledPolicy;
};

/**
 * Every policy with a version in force on the period's last day, and the one that pays each employee (by 工号):
 * their own assignment, else their team's, else the company's first policy. Imports and claims validate against it.
 * @example const { byEmployee } = await policiesForPeriod(ctx, "2026-10"); byEmployee.get("E001")?.compiled
 */
export async function policiesForPeriod(
  ctx: ServiceContext,
  period: string,
  /** Only these 工号 (one claim); default everyone. */
  only?: readonly string[],
): Promise<{ all: PeriodPolicy[]; byEmployee: Map<string, PeriodPolicy> }> {
  const { store, tenantId } = ctx;
  const end = lastDay(period);
  const policies = await store.db
    .selectFrom("policies")
    .select(["id", "name"])
    .where("tenant_id", "=", tenantId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  const all: PeriodPolicy[] = [];
  for (const p of policies) {
    const version = await store.policies.versionInForce(tenantId, p.id, end);
    if (version) all.push({ policyId: p.id, policyName: p.name, version, compiled: compileVersion(version) });
  }
  if (all.length === 0)
    throw new AppError(
      "NOT_FOUND",
      `${period} 没有生效的薪酬方案：请先添加方案版本（xinsuan policy add）`,
      `no policy version is in force in ${period}; add one first (xinsuan policy add)`,
    );
  let q = store.db
    .selectFrom("employees")
    .select(["id", "employee_no", "team_id"])
    .where("tenant_id", "=", tenantId);
  if (only) q = q.where("employee_no", "in", only.length > 0 ? [...only] : [""]);
  const people = await q.execute();
  const ids = await policyOfPeople(
    ctx,
    people.map((p) => ({ id: p.id, teamId: p.team_id })),
    end,
  );
  const byEmployee = new Map<string, PeriodPolicy>();
  people.forEach((p, i) => {
    const found = all.find((x) => x.policyId === ids[i]);
    if (found) byEmployee.set(p.employee_no, found);
  });
  return { all, byEmployee };
}
