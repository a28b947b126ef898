/**
 * One stored version of a company policy with its YAML text, for the policy editor.
 * @example const v = await showPolicyVersion(ctx, { name: "薪资福利制度", version: 2 }); v.yaml
 */

import { AppError } from "../app-error.js";
import { authorize } from "../auth/authorize.js";
import type { ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";

/** A version's text. @example const v: PolicyVersionText = { name: "方案", version: 1, effectiveFrom: "2026-01-01", effectiveTo: null, yaml } */
export type PolicyVersionText = {
  name: string;
  version: number;
  effectiveFrom: string;
  effectiveTo: string | null;
  yaml: string;
};

/**
 * Shows the version; NOT_FOUND names what is missing.
 * @example await showPolicyVersion(ctx, { name: "示例方案", version: 1 })
 */
export async function showPolicyVersion(
  ctx: ServiceContext,
  o: { name: string; version: number },
): Promise<PolicyVersionText> {
  authorize(ctx, "policies.read");
  const { store, tenantId } = ctx;
  const policy = await storeCall(() =>
    store.db
      .selectFrom("policies")
      .select(["id", "name"])
      .where("tenant_id", "=", tenantId)
      .where("name", "=", o.name)
      .executeTakeFirst(),
  );
  if (!policy) throw new AppError("NOT_FOUND", `没有方案“${o.name}”`, `no policy "${o.name}"`);
  const v = (await storeCall(() => store.policies.listVersions(tenantId, policy.id))).find(
    (x) => x.version === o.version,
  );
  if (!v)
    throw new AppError(
      "NOT_FOUND",
      `方案“${o.name}”没有第 ${o.version} 版`,
      `policy "${o.name}" has no version ${o.version}`,
    );
  return {
    name: policy.name,
    version: v.version,
    effectiveFrom: v.effectiveFrom,
    effectiveTo: v.effectiveTo,
    yaml: v.yaml,
  };
}
