import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gatherRunInputs } from "../../services/run-inputs.js";
import { createHttpKit, type HttpKit } from "../http-test-kit.js";

let k: HttpKit;
let ownTeam = "";
let otherTeam = "";
beforeAll(async () => {
  k = await createHttpKit();
  const teams = (await (await k.as("hr")).get("/api/v1/teams")).json().items as {
    id: string;
    name: string;
  }[];
  ownTeam = teams.find((t) => t.name === "客服1组")!.id;
  otherTeam = teams.find((t) => t.name !== "客服1组")!.id;
}, 60_000);
afterAll(async () => {
  await k?.close();
});

type Sheet = {
  columns: string[];
  rows: { employeeNo: string; name: string; values: Record<string, string> }[];
};

describe("team scores", () => {
  it("shows a lead their team's sheet with the scorecard's inputs; refuses other teams, finance and agents", async () => {
    const lead = await k.as(k.logins.lead);
    const r = await lead.get(`/api/v1/teams/${ownTeam}/scores?period=2026-10`);
    expect(r.statusCode).toBe(200);
    const sheet = r.json() as Sheet;
    expect(sheet.columns).toContain("主管评分");
    expect(sheet.rows.map((x) => x.employeeNo)).toContain(k.logins.agent);
    expect(sheet.rows.find((x) => x.employeeNo === k.logins.agent)!.values.主管评分).toMatch(/^\d/);
    expect((await lead.get(`/api/v1/teams/${otherTeam}/scores?period=2026-10`)).statusCode).toBe(403);
    expect(
      (await (await k.as("finance")).get(`/api/v1/teams/${ownTeam}/scores?period=2026-10`)).statusCode,
    ).toBe(403);
    expect(
      (await (await k.as(k.logins.agent)).get(`/api/v1/teams/${ownTeam}/scores?period=2026-10`)).statusCode,
    ).toBe(403);
    expect(
      (await (await k.as("hr")).get(`/api/v1/teams/${otherTeam}/scores?period=2026-10`)).statusCode,
    ).toBe(200);
  });

  it("saves a lead's scores as the team's scores dataset, replacing the previous save", async () => {
    const lead = await k.as(k.logins.lead);
    const url = `/api/v1/teams/${ownTeam}/scores`;
    const first = await lead.put(url, {
      period: "2026-10",
      rows: [{ employeeNo: k.logins.agent, values: { 主管评分: "18" } }],
    });
    expect(first.statusCode).toBe(200);
    expect((first.json() as Sheet).rows.find((x) => x.employeeNo === k.logins.agent)!.values.主管评分).toBe(
      "18",
    );
    const second = await lead.put(url, {
      period: "2026-10",
      rows: [{ employeeNo: k.logins.agent, values: { 主管评分: 12.5 } }],
    });
    expect((second.json() as Sheet).rows.find((x) => x.employeeNo === k.logins.agent)!.values.主管评分).toBe(
      "12.5",
    );
    const datasets = await k.store.datasets.listDatasets(k.demoTenantId, "2026-10");
    expect(datasets.filter((d) => d.kind === "scores").length).toBe(1);
    const ctx = { store: k.store, tenantId: k.demoTenantId, actor: "test" };
    const inputs = await gatherRunInputs(ctx, "2026-10");
    const row = inputs.groups.flatMap((g) => g.employees).find((e) => e.values.工号 === k.logins.agent)!;
    expect(row.values.主管评分).toBe("12.5");
    expect(
      (await lead.put(`/api/v1/teams/${otherTeam}/scores`, { period: "2026-10", rows: [] })).statusCode,
    ).toBe(403);
    expect((await (await k.as("finance")).put(url, { period: "2026-10", rows: [] })).statusCode).toBe(403);
  });

  it("refuses bad rows with row-precise details, and approved periods", async () => {
    const lead = await k.as(k.logins.lead);
    const url = `/api/v1/teams/${ownTeam}/scores`;
    const r = await lead.put(url, {
      period: "2026-10",
      rows: [
        { employeeNo: k.logins.agent, values: { 主管评分: "25" } },
        { employeeNo: k.logins.otherTeamAgent, values: { 主管评分: "10" } },
        { employeeNo: k.logins.lead, values: { 底薪: "10" } },
      ],
    });
    expect(r.statusCode).toBe(422);
    const details = r.json().details as string[];
    expect(details.length).toBe(3);
    expect(details[0]).toContain("第1行");
    expect(details[0]).toContain("主管评分");
    expect(details[1]).toContain("第2行");
    expect(details[2]).toContain("底薪");
    const frozen = await lead.put(url, {
      period: "2026-09",
      rows: [{ employeeNo: k.logins.agent, values: { 主管评分: "10" } }],
    });
    expect(frozen.statusCode).toBe(409);
  });
});

describe("team pool", () => {
  it("shows the pool and each member's share and amount; the amounts add up to the pool", async () => {
    const hr = await k.as("hr");
    const r = await hr.get(`/api/v1/teams/${ownTeam}/pool?period=2026-09`);
    expect(r.statusCode).toBe(200);
    const p = r.json() as { pool: string; team: string; lines: { amount: string; share: string }[] };
    expect(p.team).toBe("客服1组");
    expect(p.pool).toMatch(/^\d+\.\d{2}$/);
    expect(p.lines.length).toBeGreaterThan(1);
    const cents = p.lines.reduce((s, l) => s + Math.round(Number(l.amount) * 100), 0);
    expect(cents).toBe(Math.round(Number(p.pool) * 100));
    expect(p.lines[0]!.share).toMatch(/^0?\.\d+|^0$|^1$/);
    expect(
      (await (await k.as("finance")).get(`/api/v1/teams/${ownTeam}/pool?period=2026-09`)).statusCode,
    ).toBe(200);
    const lead = await k.as(k.logins.lead);
    expect((await lead.get(`/api/v1/teams/${ownTeam}/pool?period=2026-09`)).statusCode).toBe(200);
    expect((await lead.get(`/api/v1/teams/${otherTeam}/pool?period=2026-09`)).statusCode).toBe(403);
    expect(
      (await (await k.as(k.logins.agent)).get(`/api/v1/teams/${ownTeam}/pool?period=2026-09`)).statusCode,
    ).toBe(403);
  });

  it("keeps companies apart", async () => {
    const other = await k.as(k.other.admin);
    expect((await other.get(`/api/v1/teams/${ownTeam}/pool?period=2026-09`)).statusCode).toBe(404);
    expect((await other.get(`/api/v1/teams/${ownTeam}/scores?period=2026-10`)).statusCode).toBe(404);
  });
});
