import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpKit, type HttpKit } from "../http-test-kit.js";

let k: HttpKit;
let policyName: string;
let yaml: string;
beforeAll(async () => {
  k = await createHttpKit();
  const hr = await k.as("hr");
  const list = (await hr.get("/api/v1/policies")).json().items;
  policyName = list[0].name;
  yaml = (await hr.get(`/api/v1/policies/${encodeURIComponent(policyName)}/versions/1`)).json().yaml;
}, 60_000);
afterAll(async () => {
  await k?.close();
});

describe("templates and policies", () => {
  it("lists and shows the built-in templates to HR; refuses agents and leads", async () => {
    const hr = await k.as("hr");
    const r = await hr.get("/api/v1/templates");
    expect(r.statusCode).toBe(200);
    const ids = r.json().items.map((t: { id: string }) => t.id);
    expect(ids).toContain("welfare-6tier");
    const t = (await hr.get("/api/v1/templates/welfare-6tier")).json();
    expect(t.yaml).toContain("id: welfare-6tier");
    expect((await hr.get("/api/v1/templates/nope")).statusCode).toBe(404);
    for (const who of [k.logins.agent, k.logins.lead])
      expect((await (await k.as(who)).get("/api/v1/templates")).statusCode).toBe(403);
  });

  it("lists policies with versions and shows a version's text to HR and finance, not to agents", async () => {
    const finance = await k.as("finance");
    const r = await finance.get("/api/v1/policies");
    expect(r.statusCode).toBe(200);
    expect(r.json().items[0].versions[0]).toMatchObject({ version: 1, effectiveFrom: "2026-01-01" });
    expect(yaml).toContain("items:");
    expect(
      (await finance.get(`/api/v1/policies/${encodeURIComponent(policyName)}/versions/9`)).statusCode,
    ).toBe(404);
    expect((await (await k.as(k.logins.agent)).get("/api/v1/policies")).statusCode).toBe(403);
  });

  it("saves a new version (HR); refuses finance and a broken policy", async () => {
    const hr = await k.as("hr");
    const r = await hr.post("/api/v1/policies", { yaml, from: "2026-11-01" });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ name: policyName, version: 2 });
    expect(
      (await (await k.as("finance")).post("/api/v1/policies", { yaml, from: "2026-12-01" })).statusCode,
    ).toBe(403);
    const broken = await hr.post("/api/v1/policies", { yaml: "id: x\n", from: "2026-12-01" });
    expect(broken.statusCode).toBe(422);
    expect(broken.json().code).toBe("POLICY_INVALID");
  });

  it("checks a text: a broken formula is a problem with line and column; names serve completion", async () => {
    const hr = await k.as("hr");
    const ok = (await hr.post("/api/v1/policies/check", { yaml })).json();
    expect(ok.ok).toBe(true);
    expect(ok.problems).toEqual([]);
    expect(ok.names).toEqual(expect.arrayContaining(["出勤天数", "底薪", "工号"]));
    const broken = yaml.replace("formula: 其他扣款\n", "formula: 其他扣款 + 不存在的名字\n");
    expect(broken).not.toBe(yaml);
    const r = await hr.post("/api/v1/policies/check", { yaml: broken });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.ok).toBe(false);
    const p = body.problems.find((x: { message: string }) => x.message.includes("不存在的名字"));
    expect(p).toMatchObject({ code: "UNKNOWN_NAME", line: expect.any(Number), column: expect.any(Number) });
    expect(p.line).toBe(broken.split("\n").findIndex((l) => l.includes("不存在的名字")) + 1);
    expect(p.column).toBeGreaterThan(10);
    const en = await hr.send({
      method: "POST",
      url: "/api/v1/policies/check",
      payload: { yaml: broken },
      headers: { "accept-language": "en-US" },
    });
    expect(en.json().problems[0].message).toMatch(/[a-z]/);
  });

  it("previews a draft on one employee without storing anything", async () => {
    const hr = await k.as("hr");
    const runsBefore = (await k.store.runs.listRuns(k.demoTenantId)).length;
    const base = (
      await hr.post("/api/v1/policies/preview", { yaml, employeeNo: k.logins.agent, period: "2026-10" })
    ).json();
    const raised = yaml.replace("formula: 其他扣款\n", "formula: 其他扣款 + 100\n");
    const r = await hr.post("/api/v1/policies/preview", {
      yaml: raised,
      employeeNo: k.logins.agent,
      period: "2026-10",
    });
    expect(r.statusCode).toBe(200);
    const p = r.json();
    expect(p).toMatchObject({ period: "2026-10", status: "preview", employee: { no: k.logins.agent } });
    expect(p.lines.length).toBeGreaterThan(3);
    expect(p.lines.find((l: { name: string }) => l.name === "底薪").sentence).toContain("底薪 =");
    expect(p.net).toMatch(/^-?\d+\.\d{2}$/);
    const other = (x: { lines: { name: string; value: string }[] }) =>
      Number(x.lines.find((l) => l.name === "其他扣款项")!.value);
    expect(other(p) - other(base)).toBe(100);
    expect((await k.store.runs.listRuns(k.demoTenantId)).length).toBe(runsBefore);
    const broken = await hr.post("/api/v1/policies/preview", {
      yaml: "id: x\n",
      employeeNo: k.logins.agent,
      period: "2026-10",
    });
    expect(broken.statusCode).toBe(422);
    for (const who of ["finance", k.logins.agent])
      expect(
        (
          await (
            await k.as(who)
          ).post("/api/v1/policies/preview", { yaml, employeeNo: k.logins.agent, period: "2026-10" })
        ).statusCode,
      ).toBe(403);
  });

  it("keeps companies apart: the other company's admin sees none of the demo policies", async () => {
    const other = await k.as(k.other.admin);
    expect((await other.get("/api/v1/policies")).json().items).toEqual([]);
    expect(
      (await other.get(`/api/v1/policies/${encodeURIComponent(policyName)}/versions/1`)).statusCode,
    ).toBe(404);
  });
});
