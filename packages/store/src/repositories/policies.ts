/**
 * Policies, their effective-dated versions (YAML text with a checksum) and assignments to teams or employees.
 * @example const v = await policies.addVersion(tenantId, policyId, { yaml, effectiveFrom: "2025-01-01" })
 */

import type { Kysely, Selectable } from "kysely";
import { guard, StoreError } from "../errors.js";
import type { Database, PolicyVersionsTable } from "../schema.js";
import { chunks, newId, nowIso, sha256 } from "../util.js";

/** A policy (its content lives in versions). @example const p: Policy = await policies.createPolicy(tenantId, "客服方案") */
export type Policy = {
  id: string;
  tenantId: string;
  name: string;
  templateId: string | null;
  createdAt: string;
};

/** One version of a policy; `effectiveTo` is null while it is the latest. @example const v: PolicyVersion | undefined = await policies.versionInForce(tenantId, policyId, "2025-03-16") */
export type PolicyVersion = {
  id: string;
  policyId: string;
  version: number;
  yaml: string;
  checksum: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  createdAt: string;
};

/** A policy given to a team or to one employee (the employee's own assignment wins). @example const a: PolicyAssignment = { policyId, teamId, effectiveFrom: "2025-01-01" } */
export type PolicyAssignment = {
  policyId: string;
  teamId?: string;
  employeeId?: string;
  effectiveFrom: string;
};

/** Policy storage. @example const policies: PolicyRepository = createPolicyRepository(db) */
export interface PolicyRepository {
  createPolicy(tenantId: string, name: string, templateId?: string | null): Promise<Policy>;
  addVersion(
    tenantId: string,
    policyId: string,
    v: { yaml: string; effectiveFrom: string },
  ): Promise<PolicyVersion>;
  getVersion(tenantId: string, versionId: string): Promise<PolicyVersion>;
  listVersions(tenantId: string, policyId: string): Promise<PolicyVersion[]>;
  versionInForce(tenantId: string, policyId: string, date: string): Promise<PolicyVersion | undefined>;
  assign(tenantId: string, a: PolicyAssignment): Promise<void>;
  /** Many assignments, 500 rows a statement (an import's new teams). */
  assignMany(tenantId: string, list: readonly PolicyAssignment[]): Promise<void>;
  policyIdFor(
    tenantId: string,
    target: { employeeId: string; teamId: string | null },
    date: string,
  ): Promise<string | undefined>;
}

function toVersion(r: Selectable<PolicyVersionsTable>): PolicyVersion {
  return {
    id: r.id,
    policyId: r.policy_id,
    version: r.version,
    yaml: r.yaml,
    checksum: r.checksum,
    effectiveFrom: r.effective_from,
    effectiveTo: r.effective_to,
    createdAt: r.created_at,
  };
}

/** The day before an ISO date. @example dayBefore("2025-03-01") === "2025-02-28" */
function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Policies over Kysely.
 * @example const p = await createPolicyRepository(db).createPolicy(tenantId, "客服薪酬方案")
 */
export function createPolicyRepository(db: Kysely<Database>): PolicyRepository {
  const repo: PolicyRepository = {
    async createPolicy(tenantId, name, templateId = null) {
      const row = { id: newId(), tenant_id: tenantId, name, template_id: templateId, created_at: nowIso() };
      await guard(`创建方案“${name}”`, `creating policy "${name}"`, () =>
        db.insertInto("policies").values(row).execute(),
      );
      return { id: row.id, tenantId, name, templateId, createdAt: row.created_at };
    },

    async addVersion(tenantId, policyId, v) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v.effectiveFrom)) {
        throw new StoreError("INVALID", "生效日期应为 YYYY-MM-DD", "effective date must be YYYY-MM-DD");
      }
      return guard("保存方案版本", "saving the policy version", () =>
        db.transaction().execute(async (tx) => {
          const last = await tx
            .selectFrom("policy_versions")
            .selectAll()
            .where("tenant_id", "=", tenantId)
            .where("policy_id", "=", policyId)
            .orderBy("version", "desc")
            .executeTakeFirst();
          if (last && last.effective_from >= v.effectiveFrom) {
            throw new StoreError(
              "INVALID",
              `新版本的生效日期必须晚于 ${last.effective_from}`,
              `a new version must take effect after ${last.effective_from}`,
            );
          }
          if (last) {
            await tx
              .updateTable("policy_versions")
              .set({ effective_to: dayBefore(v.effectiveFrom) })
              .where("tenant_id", "=", tenantId)
              .where("id", "=", last.id)
              .execute();
          }
          const row = {
            id: newId(),
            tenant_id: tenantId,
            policy_id: policyId,
            version: (last?.version ?? 0) + 1,
            yaml: v.yaml,
            checksum: sha256(v.yaml),
            effective_from: v.effectiveFrom,
            effective_to: null,
            created_at: nowIso(),
          };
          await tx.insertInto("policy_versions").values(row).execute();
          return toVersion(row);
        }),
      );
    },

    async getVersion(tenantId, versionId) {
      const r = await db
        .selectFrom("policy_versions")
        .selectAll()
        .where("tenant_id", "=", tenantId)
        .where("id", "=", versionId)
        .executeTakeFirst();
      if (!r) throw new StoreError("NOT_FOUND", "找不到该方案版本", "policy version not found");
      return toVersion(r);
    },

    async listVersions(tenantId, policyId) {
      const rows = await db
        .selectFrom("policy_versions")
        .selectAll()
        .where("tenant_id", "=", tenantId)
        .where("policy_id", "=", policyId)
        .orderBy("version")
        .execute();
      return rows.map(toVersion);
    },

    async versionInForce(tenantId, policyId, date) {
      const r = await db
        .selectFrom("policy_versions")
        .selectAll()
        .where("tenant_id", "=", tenantId)
        .where("policy_id", "=", policyId)
        .where("effective_from", "<=", date)
        .where((eb) => eb.or([eb("effective_to", "is", null), eb("effective_to", ">=", date)]))
        .orderBy("effective_from", "desc")
        .executeTakeFirst();
      return r ? toVersion(r) : undefined;
    },

    async assign(tenantId, a) {
      const row = {
        id: newId(),
        tenant_id: tenantId,
        policy_id: a.policyId,
        team_id: a.teamId ?? null,
        employee_id: a.employeeId ?? null,
        effective_from: a.effectiveFrom,
        created_at: nowIso(),
      };
      await guard("分配方案", "assigning the policy", () =>
        db.insertInto("policy_assignments").values(row).execute(),
      );
    },

    async assignMany(tenantId, list) {
      const at = nowIso();
      const rows = list.map((a) => ({
        id: newId(),
        tenant_id: tenantId,
        policy_id: a.policyId,
        team_id: a.teamId ?? null,
        employee_id: a.employeeId ?? null,
        effective_from: a.effectiveFrom,
        created_at: at,
      }));
      for (const batch of chunks(rows, 500))
        await guard("分配方案", "assigning the policy", () =>
          db.insertInto("policy_assignments").values(batch).execute(),
        );
    },

    async policyIdFor(tenantId, target, date) {
      const rows = await db
        .selectFrom("policy_assignments")
        .select(["policy_id", "employee_id", "effective_from", "created_at"])
        .where("tenant_id", "=", tenantId)
        .where("effective_from", "<=", date)
        .where((eb) =>
          target.teamId === null
            ? eb("employee_id", "=", target.employeeId)
            : eb.or([eb("employee_id", "=", target.employeeId), eb("team_id", "=", target.teamId)]),
        )
        .orderBy("effective_from", "desc")
        .orderBy("created_at", "desc")
        .execute();
      const own = rows.find((r) => r.employee_id !== null);
      return (own ?? rows[0])?.policy_id;
    },
  };
  return repo;
}
