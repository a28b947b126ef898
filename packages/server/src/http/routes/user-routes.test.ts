import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpKit, type HttpKit } from "../http-test-kit.js";

let k: HttpKit;
beforeAll(async () => {
  k = await createHttpKit();
}, 60_000);
afterAll(async () => {
  await k?.close();
});

type UserView = { id: string; login: string; role: string; disabled: boolean; employeeNo: string | null };

describe("user administration", () => {
  it("lists accounts to the admin only, without password hashes", async () => {
    const admin = await k.as("admin");
    const r = await admin.get("/api/v1/users");
    expect(r.statusCode).toBe(200);
    const items = r.json().items as UserView[];
    expect(items.find((u) => u.login === "hr")).toMatchObject({
      role: "hr",
      disabled: false,
      employeeNo: null,
    });
    expect(items.find((u) => u.login === k.logins.agent)?.employeeNo).toBe(k.logins.agent);
    expect(r.body).not.toContain("argon2");
    for (const who of ["hr", "finance", k.logins.lead, k.logins.agent])
      expect((await (await k.as(who)).get("/api/v1/users")).statusCode).toBe(403);
  });

  it("creates an account (admin), refuses a taken login, a weak password and other roles", async () => {
    const admin = await k.as("admin");
    const body = { login: "hr2", name: "周薪酬", role: "hr", password: "xinsuan-demo" };
    const r = await admin.post("/api/v1/users", body);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ login: "hr2", role: "hr", disabled: false });
    expect((await admin.post("/api/v1/users", body)).statusCode).toBe(409);
    expect((await admin.post("/api/v1/users", { ...body, login: "hr3", password: "123" })).statusCode).toBe(
      422,
    );
    expect((await (await k.as("hr")).post("/api/v1/users", { ...body, login: "hr4" })).statusCode).toBe(403);
    const signIn = await k.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { login: "hr2", password: "xinsuan-demo" },
    });
    expect(signIn.json().user.mustChangePassword).toBe(true);
  });

  it("changes a role and disables an account, ending its sessions; an admin cannot demote or disable themself", async () => {
    const admin = await k.as("admin");
    const users = (await admin.get("/api/v1/users")).json().items as UserView[];
    const hr2 = users.find((u) => u.login === "hr2")!;
    const hr2Session = await k.as("hr2");
    expect((await hr2Session.get("/api/v1/auth/me")).statusCode).toBe(200);
    const r = await admin.patch(`/api/v1/users/${hr2.id}`, { role: "finance", disabled: true });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ role: "finance", disabled: true });
    expect((await hr2Session.get("/api/v1/auth/me")).statusCode).toBe(401);
    const self = users.find((u) => u.login === "admin")!;
    expect((await admin.patch(`/api/v1/users/${self.id}`, { role: "hr" })).statusCode).toBe(403);
    expect((await admin.patch(`/api/v1/users/${self.id}`, { disabled: true })).statusCode).toBe(403);
    expect((await admin.patch("/api/v1/users/nope", { disabled: true })).statusCode).toBe(404);
    expect((await (await k.as("hr")).patch(`/api/v1/users/${hr2.id}`, { disabled: false })).statusCode).toBe(
      403,
    );
  });

  it("keeps companies apart: the other admin neither sees nor changes the demo accounts", async () => {
    const other = await k.as(k.other.admin);
    const logins = ((await other.get("/api/v1/users")).json().items as UserView[]).map((u) => u.login);
    expect(logins).not.toContain("hr");
    const demoHr = (await (await k.as("admin")).get("/api/v1/users"))
      .json()
      .items.find((u: UserView) => u.login === "hr");
    expect((await other.patch(`/api/v1/users/${demoHr.id}`, { disabled: true })).statusCode).toBe(404);
  });
});
