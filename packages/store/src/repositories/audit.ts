/**
 * The audit log: append and read only. There is deliberately no update or delete here, and database triggers
 * refuse UPDATE and DELETE (and TRUNCATE on PostgreSQL) on `audit_log`.
 * @example await audit.append(tenantId, { actor: "hr:li", action: "employee.update", entity: "employee", entityId, before, after })
 */

import type { Kysely } from "kysely";
import { guard } from "../errors.js";
import type { Database } from "../schema.js";
import { newId, nowIso } from "../util.js";

/** What to record; before/after are any JSON-serialisable values (mask secrets before passing them). @example const e: AuditEvent = { actor: "hr:li", action: "run.approve", entity: "run", entityId: runId } */
export type AuditEvent = {
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

/** A recorded entry. @example const [first]: AuditEntry[] = await audit.list(tenantId) */
export type AuditEntry = AuditEvent & { id: string; tenantId: string; at: string };

/**
 * Filters of `list`: `since` inclusive, `until` exclusive (ISO text, a date "2026-10-01" works); `newestFirst`
 * reverses the order (oldest first by default) so `limit` keeps the latest entries.
 * @example const q: AuditQuery = { entity: "claim", actor: "lead:wang", since: "2026-10-01", limit: 50, newestFirst: true }
 */
export type AuditQuery = {
  entity?: string;
  entityId?: string;
  actor?: string;
  since?: string;
  until?: string;
  limit?: number;
  newestFirst?: boolean;
};

/** Audit storage (append-only). @example const audit: AuditRepository = createAuditRepository(db) */
export interface AuditRepository {
  append(tenantId: string, event: AuditEvent): Promise<AuditEntry>;
  list(tenantId: string, query?: AuditQuery): Promise<AuditEntry[]>;
}

const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));
const parse = (v: string | null): unknown => (v === null ? undefined : JSON.parse(v));

/**
 * The audit log over Kysely.
 * @example const entries = await createAuditRepository(db).list(tenantId, { entity: "run" })
 */
export function createAuditRepository(db: Kysely<Database>): AuditRepository {
  return {
    async append(tenantId, e) {
      const row = {
        id: newId(),
        tenant_id: tenantId,
        actor: e.actor,
        action: e.action,
        entity: e.entity,
        entity_id: e.entityId,
        before_json: json(e.before),
        after_json: json(e.after),
        at: nowIso(),
      };
      await guard("写审计日志", "writing the audit log", () =>
        db.insertInto("audit_log").values(row).execute(),
      );
      return { ...e, id: row.id, tenantId, at: row.at };
    },
    async list(tenantId, query = {}) {
      let q = db.selectFrom("audit_log").selectAll().where("tenant_id", "=", tenantId);
      if (query.entity) q = q.where("entity", "=", query.entity);
      if (query.entityId) q = q.where("entity_id", "=", query.entityId);
      if (query.actor) q = q.where("actor", "=", query.actor);
      if (query.since) q = q.where("at", ">=", query.since);
      if (query.until) q = q.where("at", "<", query.until);
      const dir = query.newestFirst ? "desc" : "asc";
      const rows = await q
        .orderBy("at", dir)
        .orderBy("id", dir)
        .limit(query.limit ?? 1000)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        tenantId: r.tenant_id,
        actor: r.actor,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        before: parse(r.before_json),
        after: parse(r.after_json),
        at: r.at,
      }));
    },
  };
}
