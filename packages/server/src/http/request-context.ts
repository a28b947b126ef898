/**
 * Per-request sign-in state: the session from the `xs_session` cookie, the CSRF check on every state change,
 * and the service context of the signed-in user (`contextOf`), which the services authorise.
 * @example const ctx = contextOf(req) // throws UNAUTHENTICATED without a session
 */

import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../app-error.js";
import { type LiveSession, readSession, SESSION_TTL_MS, sameToken } from "../auth/session-token.js";
import type { ServerStore, ServiceContext } from "../context.js";

/** The session cookie's name. @example SESSION_COOKIE === "xs_session" */
export const SESSION_COOKIE = "xs_session";

declare module "fastify" {
  interface FastifyRequest {
    /** The signed-in session, when there is one. */
    session?: LiveSession;
  }
}

/** Paths that change state without a session (they create one). */
const NO_CSRF = new Set(["/api/v1/auth/login", "/api/v1/auth/setup"]);

/**
 * Reads the session and checks CSRF (onRequest hook for /api/*).
 * @example app.addHook("onRequest", (req) => loadSession(store, req))
 */
export async function loadSession(store: ServerStore, req: FastifyRequest): Promise<void> {
  const token = req.cookies[SESSION_COOKIE];
  if (token) req.session = await readSession(store, token);
  const path = req.url.split("?")[0] ?? "";
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS" || NO_CSRF.has(path)) return;
  if (!req.session) return;
  const sent = req.headers["x-csrf-token"];
  if (typeof sent !== "string" || !sameToken(sent, req.session.csrfToken))
    throw new AppError(
      "CSRF_INVALID",
      "页面已过期（CSRF 校验失败），请刷新后重试",
      "the page is out of date (CSRF check failed): reload and try again",
    );
}

/**
 * The service context of the signed-in user.
 * @example await approveRun(contextOf(req), { period })
 */
export function contextOf(req: FastifyRequest, store: ServerStore): ServiceContext {
  const s = req.session;
  if (!s) throw new AppError("UNAUTHENTICATED", "请先登录", "sign in first");
  return { store, tenantId: s.tenantId, actor: s.user.login, principal: s.principal };
}

/**
 * Sets the session cookie (httpOnly, SameSite=Strict, Secure when served over HTTPS).
 * @example setSessionCookie(reply, token, req.protocol === "https")
 */
export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "strict",
    secure,
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
  });
}

/** Clears the session cookie. @example clearSessionCookie(reply) */
export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: "/" });
}
