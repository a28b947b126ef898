import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpKit, type HttpKit } from "../http-test-kit.js";

let k: HttpKit;
beforeAll(async () => {
  k = await createHttpKit();
}, 60_000);
afterAll(async () => {
  await k?.close();
});

async function csvUpload(name: string, csv: string) {
  const form = new FormData();
  form.append("file", new Blob([csv], { type: "text/csv" }), name);
  const res = new Response(form);
  return {
    payload: Buffer.from(await res.arrayBuffer()),
    headers: { "content-type": res.headers.get("content-type")! },
  };
}

describe("teams and employees", () => {
  it("lists every team to HR and finance, own teams to a lead, nothing to an agent", async () => {
    const hr = await (await k.as("hr")).get("/api/v1/teams");
    expect(hr.statusCode).toBe(200);
    expect(hr.json().items.length).toBe(3);
    expect(hr.json().items[0]).toMatchObject({ name: expect.any(String), headcount: expect.any(Number) });
    expect((await (await k.as("finance")).get("/api/v1/teams")).statusCode).toBe(200);
    const lead = await (await k.as(k.logins.lead)).get("/api/v1/teams");
    expect(lead.json().items.map((t: { name: string }) => t.name)).toEqual(["客服1组"]);
    expect(lead.json().items[0].leadEmployeeNo).toBe(k.logins.lead);
    expect((await (await k.as(k.logins.agent)).get("/api/v1/teams")).statusCode).toBe(403);
  });

  it("masks 身份证号 and 银行卡号: the full numbers never appear in the JSON", async () => {
    const hr = await k.as("hr");
    const r = await hr.get("/api/v1/employees?status=all&limit=500");
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.total).toBeGreaterThanOrEqual(60);
    const full = await k.store.employees.list(k.demoTenantId, { limit: 1000, reveal: true });
    const withNumbers = full.filter((e) => e.idNumber && e.bankAccount);
    expect(withNumbers.length).toBeGreaterThan(0);
    for (const e of withNumbers) {
      expect(r.body).not.toContain(e.idNumber!);
      expect(r.body).not.toContain(e.bankAccount!);
      expect(r.body).not.toContain(e.idNumber!.slice(4, -4));
    }
    const row = body.items.find((x: { no: string }) => x.no === withNumbers[0]!.employeeNo);
    expect(row.idNumber).toMatch(/^\d{4}\*+\w{4}$/);
    expect(row.bankAccount).toMatch(/^\d{4} \*{4} \*{4} \d{4}$/);
    expect(row.hasAccount).toBe(true);
  });

  it("searches, filters by team and pages", async () => {
    const hr = await k.as("hr");
    const teams = (await hr.get("/api/v1/teams")).json().items as { id: string; headcount: number }[];
    const byTeam = (await hr.get(`/api/v1/employees?teamId=${teams[0]!.id}&limit=5`)).json();
    expect(byTeam.total).toBe(teams[0]!.headcount);
    expect(byTeam.items.length).toBe(5);
    const page2 = (await hr.get(`/api/v1/employees?teamId=${teams[0]!.id}&limit=5&offset=5`)).json();
    expect(page2.items[0].no).not.toBe(byTeam.items[0].no);
    const found = (await hr.get(`/api/v1/employees?q=${k.logins.agent}`)).json();
    expect(found.items.map((x: { no: string }) => x.no)).toContain(k.logins.agent);
    expect((await hr.get("/api/v1/employees?limit=0")).statusCode).toBe(422);
  });

  it("shows a lead only their team, without 身份证号/银行卡号; refuses an agent", async () => {
    const lead = await k.as(k.logins.lead);
    const r = (await lead.get("/api/v1/employees?status=all&limit=500")).json();
    expect(r.total).toBeGreaterThan(0);
    expect(r.items.every((x: { team: string }) => x.team === "客服1组")).toBe(true);
    expect(
      r.items.every(
        (x: { idNumber: unknown; bankAccount: unknown }) => x.idNumber === null && x.bankAccount === null,
      ),
    ).toBe(true);
    expect((await lead.get(`/api/v1/employees/${k.logins.otherTeamAgent}`)).statusCode).toBe(403);
    expect((await lead.get(`/api/v1/employees/${k.logins.agent}`)).statusCode).toBe(200);
    const agent = await k.as(k.logins.agent);
    expect((await agent.get("/api/v1/employees")).statusCode).toBe(403);
    expect((await agent.get(`/api/v1/employees/${k.logins.agent}`)).statusCode).toBe(403);
  });

  it("shows an employee with grade history and the payslips of approved runs", async () => {
    const r = await (await k.as("finance")).get(`/api/v1/employees/${k.logins.agent}`);
    expect(r.statusCode).toBe(200);
    const e = r.json();
    expect(e.no).toBe(k.logins.agent);
    expect(e.grades.length).toBeGreaterThan(0);
    expect(e.payslips.map((p: { period: string }) => p.period)).toEqual(["2026-08", "2026-09"]);
    expect(e.payslips[0]).toMatchObject({ status: "approved", net: expect.stringMatching(/^-?\d+\.\d{2}$/) });
    expect((await (await k.as("hr")).get("/api/v1/employees/NOPE-1")).statusCode).toBe(404);
  });

  it("keeps companies apart: the other company's admin sees none of the demo employees", async () => {
    const other = await k.as(k.other.admin);
    const r = await other.get("/api/v1/employees?status=all&limit=500");
    expect(r.statusCode).toBe(200);
    expect(r.json().items.map((x: { name: string }) => x.name)).toEqual(["别家员工"]);
    expect((await other.get(`/api/v1/employees/${k.logins.otherTeamAgent}`)).statusCode).toBe(404);
    expect((await other.get("/api/v1/teams")).json().items).toEqual([]);
  });
});

describe("roster import and accounts", () => {
  it("imports a roster file (HR), refuses finance and agents, reports bad rows", async () => {
    const hr = await k.as("hr");
    const ok = await csvUpload(
      "新员工.csv",
      "工号,姓名,团队,用工类型,入职日期\nZ0000001,新同事甲,客服1组,全职,2026-10-08\n",
    );
    const r = await hr.send({ method: "POST", url: "/api/v1/employees/import", ...ok });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ created: 1, updated: 0 });
    const finance = await k.as("finance");
    expect((await finance.send({ method: "POST", url: "/api/v1/employees/import", ...ok })).statusCode).toBe(
      403,
    );
    const agent = await k.as(k.logins.agent);
    expect((await agent.send({ method: "POST", url: "/api/v1/employees/import", ...ok })).statusCode).toBe(
      403,
    );
    const bad = await csvUpload("坏.csv", "工号,姓名\n,没有工号\n");
    const refused = await hr.send({ method: "POST", url: "/api/v1/employees/import", ...bad });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().details.join("\n")).toContain("第2行");
  });

  it("creates accounts for employees without one, shows the password once, a second call creates none", async () => {
    expect((await (await k.as(k.logins.agent)).post("/api/v1/accounts/from-employees", {})).statusCode).toBe(
      403,
    );
    expect((await (await k.as("finance")).post("/api/v1/accounts/from-employees", {})).statusCode).toBe(403);
    const hr = await k.as("hr");
    const first = await hr.post("/api/v1/accounts/from-employees", {});
    expect(first.statusCode).toBe(200);
    const created = first.json().created as { login: string; initialPassword: string; role: string }[];
    expect(created.map((c) => c.login)).toEqual(["Z0000001"]);
    expect(created[0]!.role).toBe("agent");
    expect(created[0]!.initialPassword.length).toBeGreaterThanOrEqual(12);
    const second = await hr.post("/api/v1/accounts/from-employees", {});
    expect(second.json().created).toEqual([]);
    const login = await k.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { login: "Z0000001", password: created[0]!.initialPassword },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json().user.mustChangePassword).toBe(true);
    const unknown = await hr.post("/api/v1/accounts/from-employees", { employeeNos: ["NOPE-9"] });
    expect(unknown.statusCode).toBe(422);
  });
});
