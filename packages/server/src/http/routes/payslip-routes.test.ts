import { Dec } from "@xinsuan/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpKit, type HttpKit } from "../http-test-kit.js";

let k: HttpKit;
beforeAll(async () => {
  k = await createHttpKit();
});
afterAll(async () => k?.close());

describe("an agent's payslips", () => {
  it("lists only their own approved months, newest first", async () => {
    const agent = await k.as(k.logins.agent);
    const r = await agent.get("/api/v1/me/payslips");
    expect(r.statusCode).toBe(200);
    const items = r.json().items as { period: string; net: string; confirmedAt: string | null }[];
    expect(items.map((i) => i.period)).toEqual(["2026-09", "2026-08"]);
    const stored = await k.store.db
      .selectFrom("run_payslips")
      .select("net")
      .where("employee_no", "=", k.logins.agent)
      .where("tenant_id", "=", k.demoTenantId)
      .execute();
    expect(stored.map((s) => s.net)).toContain(items[0]!.net);
    expect(items[0]!.confirmedAt).toBeNull();
  });

  it("explains every line; the lines add up to 应发 and 实发 exactly", async () => {
    const agent = await k.as(k.logins.agent);
    const r = await agent.get(`/api/v1/payslips/2026-09/${k.logins.agent}`);
    expect(r.statusCode).toBe(200);
    const p = r.json();
    expect(p.employee.no).toBe(k.logins.agent);
    expect(p.lines.length).toBeGreaterThan(3);
    for (const l of p.lines) expect(l.sentence.length).toBeGreaterThan(0);
    const earnings = p.lines.filter((l: { kind: string }) => l.kind === "earning");
    const sum = earnings.reduce((s: Dec, l: { value: string }) => s.add(Dec.parse(l.value)), Dec.ZERO);
    expect(sum.toFixed(2)).toBe(p.gross);
    expect(Dec.parse(p.gross).sub(Dec.parse(p.deductions)).toFixed(2)).toBe(p.net);
    expect(p.details.length).toBeGreaterThan(0);
  });

  it("refuses another employee's payslip, an unapproved month and another company", async () => {
    const agent = await k.as(k.logins.agent);
    const other = await agent.get(`/api/v1/payslips/2026-09/${k.logins.otherTeamAgent}`);
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe("FORBIDDEN");
    expect(other.body).not.toContain("实发");
    expect((await agent.get(`/api/v1/payslips/2026-10/${k.logins.agent}`)).statusCode).toBe(404);
    const foreign = await k.as(k.other.agent);
    const r = await foreign.get(`/api/v1/payslips/2026-09/${k.other.agentNo}`);
    expect(r.statusCode).toBe(404);
    expect((await foreign.get("/api/v1/me/payslips")).json().items).toEqual([]);
  });

  it("a lead sees own team's payslips but not another team's; HR sees everyone", async () => {
    const lead = await k.as(k.logins.lead);
    expect((await lead.get(`/api/v1/payslips/2026-09/${k.logins.agent}`)).statusCode).toBe(200);
    expect((await lead.get(`/api/v1/payslips/2026-09/${k.logins.otherTeamAgent}`)).statusCode).toBe(403);
    const hr = await k.as("hr");
    expect((await hr.get(`/api/v1/payslips/2026-09/${k.logins.otherTeamAgent}`)).statusCode).toBe(200);
  });

  it("confirm and ask are the employee's own; HR answers in the inbox and the agent sees the answer", async () => {
    const agent = await k.as(k.logins.agent);
    const url = `/api/v1/payslips/2026-09/${k.logins.agent}`;
    const c1 = await agent.post(`${url}/confirm`);
    expect(c1.statusCode).toBe(200);
    const c2 = await agent.post(`${url}/confirm`);
    expect(c2.json().confirmedAt).toBe(c1.json().confirmedAt);
    const lead = await k.as(k.logins.lead);
    expect((await lead.post(`${url}/confirm`)).statusCode).toBe(403);
    const line = (await agent.get(url)).json().lines[0].name as string;
    const bad = await agent.post(`${url}/questions`, { line: "不存在的项", text: "？" });
    expect(bad.statusCode).toBe(422);
    const asked = await agent.post(`${url}/questions`, { line, text: "这一项怎么算的？" });
    expect(asked.statusCode).toBe(200);
    const hr = await k.as("hr");
    const inbox = (await hr.get("/api/v1/questions?status=open")).json().items as {
      id: string;
      line: string;
    }[];
    expect(inbox.map((q) => q.line)).toContain(line);
    expect((await agent.get("/api/v1/questions")).statusCode).toBe(403);
    const id = inbox.find((q) => q.line === line)!.id;
    expect((await hr.post(`/api/v1/questions/${id}/answer`, { answer: "按考勤天数折算。" })).statusCode).toBe(
      200,
    );
    expect((await hr.post(`/api/v1/questions/${id}/answer`, { answer: "again" })).statusCode).toBe(409);
    const slip = (await agent.get(url)).json();
    expect(slip.confirmedAt).toBe(c1.json().confirmedAt);
    expect(slip.questions[0]).toMatchObject({ line, status: "answered", answer: "按考勤天数折算。" });
    const list = (await agent.get("/api/v1/me/payslips")).json().items;
    expect(list[0].confirmedAt).not.toBeNull();
  });

  it("downloads the PDF with its Chinese file name", async () => {
    const agent = await k.as(k.logins.agent);
    const r = await agent.get(`/api/v1/payslips/2026-09/${k.logins.agent}/pdf`);
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toBe("application/pdf");
    expect(String(r.headers["content-disposition"])).toContain(
      "filename*=UTF-8''%E5%B7%A5%E8%B5%84%E6%9D%A1",
    );
    expect(r.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
  });
});
