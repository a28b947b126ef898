import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpKit, type HttpKit } from "../http-test-kit.js";

let k: HttpKit;
beforeAll(async () => {
  k = await createHttpKit();
}, 60_000);
afterAll(async () => {
  await k?.close();
});

type ClaimView = { id: string; employeeNo: string; status: string; input: string; quantity: string };
const claim = (employeeNo: string, period = "2026-10") => ({
  employeeNo,
  period,
  input: "加分项数",
  quantity: "1",
  evidence: "客户表扬录音 REC-20261012-0042",
});

describe("claims", () => {
  let ownId = "";
  let otherId = "";

  it("lets a lead submit for their own team only; refuses finance and agents", async () => {
    const lead = await k.as(k.logins.lead);
    const r = await lead.post("/api/v1/claims", claim(k.logins.agent));
    expect(r.statusCode).toBe(200);
    const c = r.json() as ClaimView;
    expect(c).toMatchObject({
      employeeNo: k.logins.agent,
      status: "pending",
      input: "加分项数",
      quantity: "1",
    });
    expect(c).not.toHaveProperty("employeeId");
    ownId = c.id;
    expect((await lead.post("/api/v1/claims", claim(k.logins.otherTeamAgent))).statusCode).toBe(403);
    expect((await (await k.as("finance")).post("/api/v1/claims", claim(k.logins.agent))).statusCode).toBe(
      403,
    );
    expect(
      (await (await k.as(k.logins.agent)).post("/api/v1/claims", claim(k.logins.agent))).statusCode,
    ).toBe(403);
    const hr = await k.as("hr");
    const other = await hr.post("/api/v1/claims", claim(k.logins.otherTeamAgent));
    expect(other.statusCode).toBe(200);
    otherId = other.json().id;
    const frozen = await hr.post("/api/v1/claims", claim(k.logins.agent, "2026-09"));
    expect(frozen.statusCode).toBe(409);
    expect(
      (await hr.post("/api/v1/claims", { ...claim(k.logins.agent), input: "没有这个输入" })).statusCode,
    ).toBe(422);
  });

  it("lists every claim to HR, own teams' to a lead, none to finance or agents", async () => {
    const hr = (await (await k.as("hr")).get("/api/v1/claims?period=2026-10")).json().items as ClaimView[];
    expect(hr.map((c) => c.id).sort()).toEqual([ownId, otherId].sort());
    const lead = (await (await k.as(k.logins.lead)).get("/api/v1/claims?status=pending")).json()
      .items as ClaimView[];
    expect(lead.map((c) => c.id)).toEqual([ownId]);
    expect((await (await k.as("finance")).get("/api/v1/claims")).statusCode).toBe(403);
    expect((await (await k.as(k.logins.agent)).get("/api/v1/claims")).statusCode).toBe(403);
    expect((await (await k.as("hr")).get("/api/v1/claims?status=bogus")).statusCode).toBe(422);
  });

  it("a lead approves their own team's claim and cannot decide another team's", async () => {
    const lead = await k.as(k.logins.lead);
    expect((await lead.post(`/api/v1/claims/${otherId}/decide`, { decision: "approve" })).statusCode).toBe(
      403,
    );
    const ok = await lead.post(`/api/v1/claims/${ownId}/decide`, {
      decision: "approve",
      comment: "录音已核",
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: "approved", decidedBy: k.logins.lead });
    expect(
      (await lead.post(`/api/v1/claims/${ownId}/decide`, { decision: "reject", comment: "x" })).statusCode,
    ).toBe(409);
    expect(
      (await (await k.as("finance")).post(`/api/v1/claims/${otherId}/decide`, { decision: "approve" }))
        .statusCode,
    ).toBe(403);
  });

  it("HR decides any claim; a rejection needs a comment", async () => {
    const hr = await k.as("hr");
    expect((await hr.post(`/api/v1/claims/${otherId}/decide`, { decision: "reject" })).statusCode).toBe(422);
    const r = await hr.post(`/api/v1/claims/${otherId}/decide`, {
      decision: "reject",
      comment: "录音中客户未确认",
    });
    expect(r.json()).toMatchObject({ status: "rejected", comment: "录音中客户未确认" });
  });

  it("keeps companies apart", async () => {
    const other = await k.as(k.other.admin);
    expect((await other.get("/api/v1/claims")).json().items).toEqual([]);
    expect((await other.post(`/api/v1/claims/${ownId}/decide`, { decision: "approve" })).statusCode).toBe(
      404,
    );
  });
});
