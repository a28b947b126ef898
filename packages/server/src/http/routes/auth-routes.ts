/**
 * Sign-in routes: first-run setup, login, me, logout (here or everywhere), password change.
 * @example await registerAuthRoutes(api, deps)
 */

import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../app-error.js";
import { PERMISSIONS } from "../../auth/authorize.js";
import type { Principal } from "../../auth/principal.js";
import type { ServerStore } from "../../context.js";
import { changePassword } from "../../services/change-password.js";
import { isSetupNeeded, setUpFirstAdmin } from "../../services/set-up-first-admin.js";
import { signIn } from "../../services/sign-in.js";
import { signOut } from "../../services/sign-out.js";
import { storeCall } from "../../store-errors.js";
import type { RouteDeps } from "../app.js";
import { clearSessionCookie, contextOf, setSessionCookie } from "../request-context.js";

const tags = ["auth"];

/** The signed-in user as the web app sees it. @example const m: Me = meOf(principal, "甲公司", false) */
export type Me = {
  id: string;
  login: string;
  name: string;
  role: Principal["role"];
  employeeNo: string | null;
  teamIds: string[];
  company: string;
  mustChangePassword: boolean;
  /** What the role may do (PERMISSIONS), so the web app hides what the server would refuse. */
  permissions: readonly string[];
};

function meOf(p: Principal, company: string, mustChangePassword: boolean): Me {
  return {
    id: p.userId,
    login: p.login,
    name: p.name,
    role: p.role,
    employeeNo: p.employeeNo,
    teamIds: p.teamIds,
    company,
    mustChangePassword,
    permissions: PERMISSIONS[p.role],
  };
}

async function sessionBody(store: ServerStore, req: FastifyRequest) {
  const s = req.session;
  if (!s) throw new AppError("UNAUTHENTICATED", "请先登录", "sign in first");
  const t = await storeCall(() => store.tenants.get(s.tenantId));
  return { user: meOf(s.principal, t.name, s.user.mustChangePassword), csrfToken: s.csrfToken };
}

/**
 * Registers the auth routes.
 * @example await registerAuthRoutes(api, { store, loginLimiter })
 */
export async function registerAuthRoutes(app: FastifyInstance, d: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const secure = (req: FastifyRequest) => req.protocol === "https";
  r.get("/auth/setup", { schema: { tags } }, async () => ({ needed: await isSetupNeeded(d.store) }));
  r.post(
    "/auth/setup",
    {
      schema: {
        tags,
        body: z.object({
          company: z.string().min(1).max(100),
          login: z.string().min(1).max(64),
          name: z.string().min(1).max(64),
          password: z.string().max(128),
        }),
      },
    },
    async (req, reply) => {
      d.loginLimiter.hit(req.ip, req.body.login);
      const s = await setUpFirstAdmin(d.store, req.body);
      setSessionCookie(reply, s.token, secure(req));
      return { user: meOf(s.principal, s.company, false), csrfToken: s.csrfToken };
    },
  );
  r.post(
    "/auth/login",
    {
      schema: {
        tags,
        body: z.object({
          login: z.string().min(1).max(64),
          password: z.string().min(1).max(128),
          company: z.string().max(100).optional(),
        }),
      },
    },
    async (req, reply) => {
      d.loginLimiter.hit(req.ip, req.body.login);
      const s = await signIn(d.store, req.body);
      setSessionCookie(reply, s.token, secure(req));
      return { user: meOf(s.principal, s.company, s.user.mustChangePassword), csrfToken: s.csrfToken };
    },
  );
  r.get("/auth/me", { schema: { tags } }, async (req) => sessionBody(d.store, req));
  r.post("/auth/logout", { schema: { tags } }, async (req, reply) => {
    if (req.session) await signOut(contextOf(req, d.store), { sessionId: req.session.id });
    clearSessionCookie(reply);
    return { ok: true };
  });
  r.post("/auth/logout-all", { schema: { tags } }, async (req, reply) => {
    const ctx = contextOf(req, d.store);
    await signOut(ctx, { sessionId: req.session!.id, everywhere: true });
    clearSessionCookie(reply);
    return { ok: true };
  });
  r.post(
    "/auth/password",
    { schema: { tags, body: z.object({ current: z.string().max(128), next: z.string().max(128) }) } },
    async (req) => {
      await changePassword(contextOf(req, d.store), { ...req.body, keepSessionId: req.session!.id });
      return { ok: true };
    },
  );
}
