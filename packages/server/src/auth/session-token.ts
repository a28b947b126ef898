/**
 * Session tokens and the principal of a session: the cookie holds a random token, the database its SHA-256; each
 * session has its own CSRF token. Sessions last 12 hours from the last use (sliding, renewed after an hour).
 * @example const { token, csrfToken } = await openSession(store, user)
 */

import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { User } from "@xinsuan/store";
import type { ServerStore } from "../context.js";
import { storeCall } from "../store-errors.js";
import type { Principal } from "./principal.js";

/** How long a session lives after its last use. @example SESSION_TTL_MS === 43_200_000 */
export const SESSION_TTL_MS = 12 * 3600_000;
const RENEW_AFTER_MS = 3600_000;

/** SHA-256 of a token, hex. @example hashToken("abc").length === 64 */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Constant-time comparison of two tokens. @example sameToken("a", "a") === true */
export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Starts a session for a user; returns the cookie token and the CSRF token.
 * @example const { token, csrfToken } = await openSession(store, user)
 */
export async function openSession(
  store: ServerStore,
  user: User,
  now = Date.now(),
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  await storeCall(() =>
    store.sessions.create(user.tenantId, {
      id: hashToken(token),
      userId: user.id,
      csrfToken,
      expiresAt: new Date(now + SESSION_TTL_MS).toISOString(),
    }),
  );
  return { token, csrfToken };
}

/** A live session with its user and principal. @example const s: LiveSession = (await readSession(store, token))! */
export type LiveSession = {
  id: string;
  tenantId: string;
  csrfToken: string;
  user: User;
  principal: Principal;
};

/**
 * The session of a cookie token, or undefined when unknown, expired or its user is disabled. Renews the expiry.
 * @example const s = await readSession(store, cookieToken)
 */
export async function readSession(
  store: ServerStore,
  token: string,
  now = Date.now(),
): Promise<LiveSession | undefined> {
  const id = hashToken(token);
  const s = await storeCall(() => store.sessions.find(id));
  if (!s) return undefined;
  const expires = Date.parse(s.expiresAt);
  if (expires <= now) {
    await storeCall(() => store.sessions.delete(id));
    return undefined;
  }
  const user = await storeCall(() => store.users.findById(s.tenantId, s.userId));
  if (!user || user.disabled) return undefined;
  if (expires - now < SESSION_TTL_MS - RENEW_AFTER_MS)
    await storeCall(() => store.sessions.extend(id, new Date(now + SESSION_TTL_MS).toISOString()));
  return {
    id,
    tenantId: s.tenantId,
    csrfToken: s.csrfToken,
    user,
    principal: await principalOf(store, user),
  };
}

/**
 * The principal of a user: their employee's 工号 and the teams that employee leads.
 * @example const p = await principalOf(store, user)
 */
export async function principalOf(store: ServerStore, user: User): Promise<Principal> {
  let employeeNo: string | null = null;
  let teamIds: string[] = [];
  if (user.employeeId) {
    const row = await storeCall(() =>
      store.db
        .selectFrom("employees")
        .select("employee_no")
        .where("tenant_id", "=", user.tenantId)
        .where("id", "=", user.employeeId!)
        .executeTakeFirst(),
    );
    employeeNo = row?.employee_no ?? null;
    const teams = await storeCall(() =>
      store.db
        .selectFrom("teams")
        .select("id")
        .where("tenant_id", "=", user.tenantId)
        .where("lead_employee_id", "=", user.employeeId!)
        .execute(),
    );
    teamIds = teams.map((t) => t.id);
  }
  return {
    userId: user.id,
    login: user.login,
    name: user.name,
    role: user.role,
    employeeId: user.employeeId,
    employeeNo,
    teamIds,
  };
}
