/**
 * The company's policy: for now one policy per tenant applies to every team (the first one created). Shared by
 * the services that add versions, import employees and run payroll.
 * @example const policy = await companyPolicy(ctx)
 */

import type { Policy } from "@xinsuan/store";
import type { ServiceContext } from "../context.js";

/**
 * The tenant's company-wide policy, if any.
 * @example const p = await companyPolicy(ctx); p?.name
 */
export async function companyPolicy(ctx: ServiceContext): Promise<Policy | undefined> {
  const r = await ctx.store.db
    .selectFrom("policies")
    .selectAll()
    .where("tenant_id", "=", ctx.tenantId)
    .orderBy("created_at")
    .orderBy("id")
    .executeTakeFirst();
  return r
    ? { id: r.id, tenantId: r.tenant_id, name: r.name, templateId: r.template_id, createdAt: r.created_at }
    : undefined;
}
