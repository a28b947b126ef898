/**
 * Sign-in sessions. The cookie carries a random token; only its SHA-256 is stored (`id`), so a copy of the
 * database opens no session. Each session has its own CSRF token and an expiry.
 * @example await sessions.create(t, { id: sha256(token), userId, csrfToken, expiresAt })
 */

import type { Kysely } from "kysely";
import type { Database } from "../schema.js";
import { nowIso } from "../util.js";

/** A session. @example const s: Session = (await sessions.find(sha256(token)))! */
export type Session = { id: string; tenantId: string; userId: string; csrfToken: string; expiresAt: string };

/** Session storage. @example const sessions: SessionRepository = createSessionRepository(db) */
export interface SessionRepository {
  create(tenantId: string, s: Omit<Session, "tenantId">): Promise<void>;
  /** The session with this hashed token, whatever its tenant (the cookie names no tenant). */
  find(id: string): Promise<Session | undefined>;
  /** Moves the expiry (sliding sessions). */
  extend(id: string, expiresAt: string): Promise<void>;
  delete(id: string): Promise<void>;
  /** Ends every session of a user, or all but `keep`. */
  deleteForUser(tenantId: string, userId: string, keep?: string): Promise<number>;
  deleteExpired(now?: string): Promise<number>;
}

/**
 * Sessions over Kysely.
 * @example const s = await createSessionRepository(db).find(hash)
 */
export function createSessionRepository(db: Kysely<Database>): SessionRepository {
  return {
    async create(tenantId, s) {
      await db
        .insertInto("sessions")
        .values({
          id: s.id,
          tenant_id: tenantId,
          user_id: s.userId,
          csrf_token: s.csrfToken,
          created_at: nowIso(),
          expires_at: s.expiresAt,
        })
        .execute();
    },
    async find(id) {
      const r = await db.selectFrom("sessions").selectAll().where("id", "=", id).executeTakeFirst();
      return (
        r && {
          id: r.id,
          tenantId: r.tenant_id,
          userId: r.user_id,
          csrfToken: r.csrf_token,
          expiresAt: r.expires_at,
        }
      );
    },
    async extend(id, expiresAt) {
      await db.updateTable("sessions").set({ expires_at: expiresAt }).where("id", "=", id).execute();
    },
    async delete(id) {
      await db.deleteFrom("sessions").where("id", "=", id).execute();
    },
    async deleteForUser(tenantId, userId, keep) {
      let q = db.deleteFrom("sessions").where("tenant_id", "=", tenantId).where("user_id", "=", userId);
      if (keep) q = q.where("id", "!=", keep);
      const r = await q.executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    async deleteExpired(now = nowIso()) {
      const r = await db.deleteFrom("sessions").where("expires_at", "<", now).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}
