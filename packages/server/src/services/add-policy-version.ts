/**
 * Checks a policy's YAML and stores it as a new version of the company's policy (created on first use), then
 * assigns the policy to every team of the company. A policy with any error is refused with every problem.
 * @example await addPolicyVersion(ctx, { yaml, file: "policy.yaml", effectiveFrom: "2026-01-01" })
 */

import { checkPolicyText, formatProblem } from "@xinsuan/core";
import type { PolicyVersion } from "@xinsuan/store";
import { AppError } from "../app-error.js";
import { authorize } from "../auth/authorize.js";
import type { ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";
import { companyPolicy } from "./company-policy.js";

/** What to add. @example const v: NewPolicyVersion = { yaml, file: "policy.yaml", effectiveFrom: "2026-01-01" } */
export type NewPolicyVersion = {
  yaml: string;
  /** Shown in problem positions. */
  file: string;
  effectiveFrom: string;
  /** The policy to add to (created when the company has none of that name); default: the company's first policy. */
  policyName?: string;
  templateId?: string | null;
};

/** The stored version and the checker's warnings (labour-law and others). @example const { version, warnings } = await addPolicyVersion(ctx, v) */
export type AddPolicyVersionResult = {
  version: PolicyVersion;
  policyId: string;
  warnings: { zh: string; en: string }[];
};

/**
 * Adds a checked version; refuses (POLICY_INVALID) with every error and warning listed.
 * @example const { version } = await addPolicyVersion(ctx, { yaml, file: "p.yaml", effectiveFrom: "2026-01-01" })
 */
export async function addPolicyVersion(
  ctx: ServiceContext,
  v: NewPolicyVersion,
): Promise<AddPolicyVersionResult> {
  authorize(ctx, "policies.write");
  const check = checkPolicyText(v.yaml, v.file);
  const lines = check.problems.map((p) => ({
    zh: `${p.severity === "error" ? "错误" : "提醒"} ${formatProblem(p, "zh")}`,
    en: `${p.severity === "error" ? "error" : "warning"} ${formatProblem(p, "en")}`,
  }));
  if (!check.compiled || check.errors > 0) {
    throw new AppError(
      "POLICY_INVALID",
      `方案有 ${check.errors} 处错误，未保存`,
      `the policy has ${check.errors} error(s); nothing was saved`,
      lines,
    );
  }
  const { store, tenantId, actor } = ctx;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.effectiveFrom) || Number.isNaN(Date.parse(v.effectiveFrom)))
    throw new AppError(
      "USAGE",
      `生效日期“${v.effectiveFrom}”格式不对，应为 YYYY-MM-DD`,
      `effective date "${v.effectiveFrom}" must be YYYY-MM-DD`,
    );
  await refuseApprovedPeriod(ctx, v.effectiveFrom);
  return storeCall(async () => {
    const first = await companyPolicy(ctx);
    const named = v.policyName
      ? await store.db
          .selectFrom("policies")
          .select("id")
          .where("tenant_id", "=", tenantId)
          .where("name", "=", v.policyName)
          .executeTakeFirst()
      : undefined;
    const policy =
      (named ? { id: named.id } : v.policyName ? undefined : first) ??
      (await store.policies.createPolicy(
        tenantId,
        v.policyName ?? check.compiled!.doc.name ?? "公司薪酬方案",
        v.templateId ?? null,
      ));
    const version = await store.policies.addVersion(tenantId, policy.id, {
      yaml: v.yaml,
      effectiveFrom: v.effectiveFrom,
    });
    // The company's first policy covers every team; further policies apply where they are assigned.
    if (!first || first.id === policy.id) await assignToAllTeams(ctx, policy.id, v.effectiveFrom);
    await store.audit.append(tenantId, {
      actor,
      action: "policy.version.add",
      entity: "policy",
      entityId: policy.id,
      after: { version: version.version, checksum: version.checksum, effectiveFrom: version.effectiveFrom },
    });
    return {
      version,
      policyId: policy.id,
      warnings: lines.filter((_, i) => check.problems[i]!.severity !== "error"),
    };
  });
}

/**
 * Assigns the policy to each team that has no assignment to it yet.
 * @example await assignToAllTeams(ctx, policyId, "2026-01-01")
 */
export async function assignToAllTeams(ctx: ServiceContext, policyId: string, from: string): Promise<void> {
  const { store, tenantId } = ctx;
  const assigned = await store.db
    .selectFrom("policy_assignments")
    .select("team_id")
    .where("tenant_id", "=", tenantId)
    .where("policy_id", "=", policyId)
    .where("team_id", "is not", null)
    .execute();
  const have = new Set(assigned.map((a) => a.team_id));
  for (const team of await store.teams.list(tenantId)) {
    if (!have.has(team.id))
      await store.policies.assign(tenantId, { policyId, teamId: team.id, effectiveFrom: from });
  }
}

/**
 * A version may not take effect on or before the last day of an approved period: that run's numbers are final
 * (a correction is an adjustment paid later).
 * @example await refuseApprovedPeriod(ctx, "2026-10-16")
 */
export async function refuseApprovedPeriod(ctx: ServiceContext, effectiveFrom: string): Promise<void> {
  const period = effectiveFrom.slice(0, 7);
  const frozen = await storeCall(() =>
    ctx.store.db
      .selectFrom("runs")
      .innerJoin("periods", (j) =>
        j.onRef("periods.id", "=", "runs.period_id").onRef("periods.tenant_id", "=", "runs.tenant_id"),
      )
      .select(["periods.period", "runs.status"])
      .where("runs.tenant_id", "=", ctx.tenantId)
      .where("periods.period", ">=", period)
      .where("runs.status", "in", ["approved", "paid", "locked"])
      .orderBy("periods.period")
      .limit(1)
      .executeTakeFirst(),
  );
  if (frozen) {
    throw new AppError(
      "RUN_IMMUTABLE",
      `${frozen.period} 的算薪已审批，新方案版本不能从 ${effectiveFrom} 起生效；请选择之后的日期，已审批期间的更正请用补发/补扣调整`,
      `the ${frozen.period} run is approved; a version cannot take effect from ${effectiveFrom}. Choose a later date; correct approved periods with adjustments`,
    );
  }
}
