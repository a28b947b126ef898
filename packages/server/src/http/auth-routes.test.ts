import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hashPassword } from "../auth/password.js";
import { openServerStore, type ServerStore } from "../context.js";
import { buildApp } from "./app.js";
import { createLoginLimiter } from "./login-limiter.js";

let store: ServerStore;
let app: FastifyInstance;

beforeEach(async () => {
  store = await openServerStore("sqlite::memory:", { ephemeralKey: true });
  app = await buildApp({ store, loginLimiter: createLoginLimiter({ max: 100, maxPerAddress: 1000 }) });
});
afterEach(async () => {
  await app.close();
  await store.close();
});

function cookieOf(res: { cookies: { name: string; value: string }[] }): string {
  const c = res.cookies.find((x) => x.name === "xs_session");
  if (!c) throw new Error("no session cookie");
  return `xs_session=${c.value}`;
}

async function setUp() {
  const res = await app.inject({
    method: "POST",
    url: "/api/v1/auth/setup",
    payload: { company: "测试公司", login: "admin", name: "王管理", password: "admin-pass-1" },
  });
  expect(res.statusCode).toBe(200);
  return { cookie: cookieOf(res), csrf: res.json().csrfToken as string };
}

describe("sign-in", () => {
  it("first-run setup creates the admin once, then refuses", async () => {
    expect((await app.inject({ url: "/api/v1/auth/setup" })).json()).toEqual({ needed: true });
    const { cookie } = await setUp();
    const me = await app.inject({ url: "/api/v1/auth/me", headers: { cookie } });
    expect(me.json().user).toMatchObject({ login: "admin", role: "admin", company: "测试公司" });
    expect((await app.inject({ url: "/api/v1/auth/setup" })).json()).toEqual({ needed: false });
    const again = await app.inject({
      method: "POST",
      url: "/api/v1/auth/setup",
      payload: { company: "X", login: "x", name: "x", password: "another-pass-1" },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("STATE_CONFLICT");
  });

  it("sets an httpOnly SameSite=Strict cookie and stores only the token's hash and an argon2id hash", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/auth/setup",
      payload: { company: "测试公司", login: "admin", name: "王管理", password: "admin-pass-1" },
    });
    const c = res.cookies.find((x) => x.name === "xs_session")!;
    expect(c.httpOnly).toBe(true);
    expect(c.sameSite).toBe("Strict");
    const session = await store.db.selectFrom("sessions").selectAll().executeTakeFirstOrThrow();
    expect(session.id).not.toBe(c.value);
    const user = await store.db.selectFrom("users").selectAll().executeTakeFirstOrThrow();
    expect(user.password_hash.startsWith("$argon2id$")).toBe(true);
  });

  it("refuses a state change without the CSRF token, and with a wrong one", async () => {
    const { cookie, csrf } = await setUp();
    const body = { current: "admin-pass-1", next: "admin-pass-2" };
    const none = await app.inject({
      method: "POST",
      url: "/api/v1/auth/password",
      headers: { cookie },
      payload: body,
    });
    expect(none.statusCode).toBe(403);
    expect(none.json().code).toBe("CSRF_INVALID");
    const wrong = await app.inject({
      method: "POST",
      url: "/api/v1/auth/password",
      headers: { cookie, "x-csrf-token": `${csrf}x` },
      payload: body,
    });
    expect(wrong.json().code).toBe("CSRF_INVALID");
    const ok = await app.inject({
      method: "POST",
      url: "/api/v1/auth/password",
      headers: { cookie, "x-csrf-token": csrf },
      payload: body,
    });
    expect(ok.statusCode).toBe(200);
  });

  it("locks the account after five wrong passwords, in Chinese or English", async () => {
    await setUp();
    for (let i = 0; i < 5; i++) {
      const r = await app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { login: "admin", password: "wrong-pass" },
      });
      expect(r.statusCode).toBe(401);
      expect(r.json()).toMatchObject({ code: "UNAUTHENTICATED", message: "账号或密码不正确" });
    }
    const locked = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "accept-language": "en-US" },
      payload: { login: "admin", password: "admin-pass-1" },
    });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe("ACCOUNT_LOCKED");
    expect(locked.json().message).toMatch(/locked until/);
  });

  it("rate-limits sign-in attempts per account name and per address", async () => {
    const limited = await buildApp({ store, loginLimiter: createLoginLimiter({ max: 3, maxPerAddress: 5 }) });
    const attempt = async (login: string) =>
      (
        await limited.inject({
          method: "POST",
          url: "/api/v1/auth/login",
          payload: { login, password: "whatever-1" },
        })
      ).statusCode;
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push(await attempt("nobody"));
    expect(codes).toEqual([401, 401, 401, 429]);
    expect(await attempt("somebody")).toBe(401);
    expect(await attempt("third")).toBe(429);
    await limited.close();
  });

  it("password change ends other sessions; logout-all ends this one too", async () => {
    const { cookie, csrf } = await setUp();
    const other = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { login: "admin", password: "admin-pass-1" },
    });
    const otherCookie = cookieOf(other);
    await app.inject({
      method: "POST",
      url: "/api/v1/auth/password",
      headers: { cookie, "x-csrf-token": csrf },
      payload: { current: "admin-pass-1", next: "admin-pass-2" },
    });
    expect((await app.inject({ url: "/api/v1/auth/me", headers: { cookie: otherCookie } })).statusCode).toBe(
      401,
    );
    expect((await app.inject({ url: "/api/v1/auth/me", headers: { cookie } })).statusCode).toBe(200);
    await app.inject({
      method: "POST",
      url: "/api/v1/auth/logout-all",
      headers: { cookie, "x-csrf-token": csrf },
    });
    expect((await app.inject({ url: "/api/v1/auth/me", headers: { cookie } })).statusCode).toBe(401);
  });

  it("signs an agent in by the phone number of their employee record as well as by 工号", async () => {
    await setUp();
    const tenant = (await store.db.selectFrom("tenants").select("id").executeTakeFirstOrThrow()).id;
    const e = await store.employees.create(tenant, {
      employeeNo: "K007",
      name: "张三",
      employmentType: "全职",
      phone: "13800000007",
    });
    await store.users.create(tenant, {
      login: "K007",
      name: "张三",
      role: "agent",
      employeeId: e.id,
      passwordHash: await hashPassword("agent-pass-1"),
    });
    for (const login of ["K007", "13800000007"]) {
      const r = await app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { login, password: "agent-pass-1" },
      });
      expect(r.statusCode).toBe(200);
      expect(r.json().user).toMatchObject({ login: "K007", role: "agent", employeeNo: "K007" });
    }
    const wrong = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { login: "13800000008", password: "agent-pass-1" },
    });
    expect(wrong.statusCode).toBe(401);
  });

  it("answers a schema error with INPUT_INVALID naming the field, and health without a session", async () => {
    const bad = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { login: "" } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe("INPUT_INVALID");
    expect(bad.json().details.join(" ")).toMatch(/body\.(login|password)/);
    expect((await app.inject({ url: "/api/health" })).json().ok).toBe(true);
    const docs = await app.inject({ url: "/api/docs/json" });
    expect(docs.json().paths["/api/v1/auth/login"]).toBeDefined();
  });
});
