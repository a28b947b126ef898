/**
 * The company's policies with their versions and where they are assigned, for `xinsuan policy list` and the web
 * app's policy page.
 * @example for (const p of await listPolicies(ctx)) console.log(p.name, p.versions.length)
 */

import type { PolicyVersion } from "@xinsuan/store";
import { authorize } from "../auth/authorize.js";
import type { ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";

/** One policy. @example const p: PolicySummary = (await listPolicies(ctx))[0] */
export type PolicySummary = {
  id: string;
  name: string;
  templateId: string | null;
  /** The company's first policy pays everyone not assigned elsewhere. */
  isDefault: boolean;
  versions: Omit<PolicyVersion, "yaml">[];
  assignments: { team?: string; employeeNo?: string; from: string }[];
};

/**
 * Lists the policies in creation order.
 * @example const [first] = await listPolicies(ctx); first.isDefault === true
 */
export async function listPolicies(ctx: ServiceContext): Promise<PolicySummary[]> {
  authorize(ctx, "policies.read");
  const { store, tenantId } = ctx;
  return storeCall(async () => {
    const policies = await store.db
      .selectFrom("policies")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    const teams = new Map((await store.teams.list(tenantId)).map((t) => [t.id, t.name]));
    const assignments = await store.db
      .selectFrom("policy_assignments")
      .leftJoin("employees", (j) =>
        j
          .onRef("employees.id", "=", "policy_assignments.employee_id")
          .onRef("employees.tenant_id", "=", "policy_assignments.tenant_id"),
      )
      .select([
        "policy_assignments.policy_id",
        "policy_assignments.team_id",
        "employees.employee_no",
        "policy_assignments.effective_from",
      ])
      .where("policy_assignments.tenant_id", "=", tenantId)
      .orderBy("policy_assignments.effective_from")
      .orderBy("policy_assignments.created_at")
      .execute();
    const out: PolicySummary[] = [];
    for (const [k, p] of policies.entries()) {
      const versions = (await store.policies.listVersions(tenantId, p.id)).map(({ yaml: _yaml, ...v }) => v);
      out.push({
        id: p.id,
        name: p.name,
        templateId: p.template_id,
        isDefault: k === 0,
        versions,
        assignments: assignments
          .filter((a) => a.policy_id === p.id)
          .map((a) => ({
            ...(a.team_id ? { team: teams.get(a.team_id) ?? a.team_id } : {}),
            ...(a.employee_no ? { employeeNo: a.employee_no } : {}),
            from: a.effective_from,
          })),
      });
    }
    return out;
  });
}
