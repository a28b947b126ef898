/**
 * Test kit for the API: an app over an in-memory SQLite store with the demo company (history approved, fake
 * personal fields), its demo accounts, and a second company with its own admin and agent (tenant isolation).
 * `as(login)` signs in and returns a caller that sends the cookie and the CSRF token.
 * @example const k = await createHttpKit(); const hr = await k.as("hr"); (await hr.get("/api/v1/periods")).statusCode === 200
 */

import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { hashPassword } from "../auth/password.js";
import { openServerStore, type ServerStore } from "../context.js";
import { createDemoAccounts, DEMO_PASSWORD } from "../services/create-demo-accounts.js";
import { ensureTenant } from "../services/init-workspace.js";
import { loadDemoCompany } from "../services/load-demo-company.js";
import { buildApp } from "./app.js";
import { createLoginLimiter } from "./login-limiter.js";

/** A signed-in caller. @example const r = await caller.post("/api/v1/periods/2026-10/run", {}) */
export type Caller = {
  login: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  /** Any method with raw options (multipart bodies). */
  send(o: {
    method: string;
    url: string;
    payload?: unknown;
    headers?: Record<string, string>;
  }): Promise<LightMyRequestResponse>;
};

/** The kit. @example const { app, store, demoTenantId, lead, agent, otherAgent } = await createHttpKit() */
export type HttpKit = {
  app: FastifyInstance;
  store: ServerStore;
  demoTenantId: string;
  otherTenantId: string;
  /** Demo logins by role: admin, hr, finance; the lead and an agent of 客服1组; an agent of another team. */
  logins: { admin: string; hr: string; finance: string; lead: string; agent: string; otherTeamAgent: string };
  /** Logins in the second company. */
  other: { admin: string; agent: string; agentNo: string };
  as(login: string, company?: string): Promise<Caller>;
  close(): Promise<void>;
};

/**
 * Builds the kit (≈3 s on SQLite: the demo company computes two months), on in-memory SQLite by default.
 * @example const k = await createHttpKit("pglite://memory")
 */
export async function createHttpKit(url = "sqlite::memory:"): Promise<HttpKit> {
  const store = await openServerStore(url, { ephemeralKey: true });
  const { tenantId } = await loadDemoCompany(store, "demo", { history: true, personal: true });
  const { accounts } = await createDemoAccounts(store, tenantId);
  const lead = accounts.find((a) => a.role === "lead")!.login;
  const agent = accounts.find((a) => a.role === "agent")!.login;
  const teams = await store.teams.list(tenantId);
  const leadTeam = teams.find((t) => t.name === "客服1组")!;
  const people = await store.employees.list(tenantId, { limit: 1000 });
  const otherTeamAgent = people.find((e) => e.teamId !== leadTeam.id && e.leaveDate === null)!.employeeNo;
  const { tenant: other } = await ensureTenant(store, "另一家公司（测试）");
  const otherEmployee = await store.employees.create(other.id, {
    employeeNo: agent,
    name: "别家员工",
    employmentType: "全职",
  });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await store.users.createMany(other.id, [
    { login: "other-admin", name: "别家管理员", role: "admin", passwordHash },
    { login: `${agent}-x`, name: "别家员工", role: "agent", passwordHash, employeeId: otherEmployee.id },
  ]);
  const app = await buildApp({
    store,
    loginLimiter: createLoginLimiter({ max: 100_000, maxPerAddress: 100_000 }),
  });
  const as = async (login: string, company?: string): Promise<Caller> => {
    const r = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { login, password: DEMO_PASSWORD, ...(company ? { company } : {}) },
    });
    if (r.statusCode !== 200) throw new Error(`sign-in of ${login} failed: ${r.body}`);
    const c = r.cookies.find((x) => x.name === "xs_session")!;
    const headers = { cookie: `xs_session=${c.value}`, "x-csrf-token": r.json().csrfToken as string };
    const send: Caller["send"] = (o) =>
      app.inject({
        method: o.method as "GET",
        url: o.url,
        headers: { ...headers, ...o.headers },
        ...(o.payload === undefined ? {} : { payload: o.payload as string }),
      });
    return {
      login,
      get: (url) => send({ method: "GET", url }),
      post: (url, payload) => send({ method: "POST", url, payload: payload ?? {} }),
      put: (url, payload) => send({ method: "PUT", url, payload: payload ?? {} }),
      patch: (url, payload) => send({ method: "PATCH", url, payload: payload ?? {} }),
      send,
    };
  };
  return {
    app,
    store,
    demoTenantId: tenantId,
    otherTenantId: other.id,
    logins: { admin: "admin", hr: "hr", finance: "finance", lead, agent, otherTeamAgent },
    other: { admin: "other-admin", agent: `${agent}-x`, agentNo: agent },
    as,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}
