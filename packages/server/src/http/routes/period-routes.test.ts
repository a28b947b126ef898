import { Dec } from "@xinsuan/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, createHttpKit, type HttpKit } from "../http-test-kit.js";

let k: HttpKit;
let hr: Caller;
let finance: Caller;
let lead: Caller;
let agent: Caller;
let otherAdmin: Caller;

beforeAll(async () => {
  k = await createHttpKit();
  hr = await k.as(k.logins.hr);
  finance = await k.as(k.logins.finance);
  lead = await k.as(k.logins.lead);
  agent = await k.as(k.logins.agent);
  otherAdmin = await k.as(k.other.admin, "另一家公司（测试）");
}, 60_000);
afterAll(async () => {
  await k.close();
});

/** A multipart body with text fields and one CSV file. */
async function upload(fields: Record<string, string>, name: string, csv: string) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  form.append("file", new Blob([csv], { type: "text/csv" }), name);
  const res = new Response(form);
  return {
    payload: Buffer.from(await res.arrayBuffer()),
    headers: { "content-type": res.headers.get("content-type")! },
  };
}

async function waitForJob(caller: Caller, jobId: string) {
  for (let i = 0; i < 300; i++) {
    const r = await caller.get(`/api/v1/jobs/${jobId}`);
    expect(r.statusCode).toBe(200);
    if (r.json().state !== "running") return r.json();
    await new Promise((ok) => setTimeout(ok, 20));
  }
  throw new Error("the run job did not finish");
}

describe("period workspace API", () => {
  it("lists the periods of the caller's company only", async () => {
    const r = await hr.get("/api/v1/periods");
    expect(r.statusCode).toBe(200);
    const items = r.json().items as { period: string; employeeCount: number }[];
    expect(items.map((p) => p.period)).toEqual(["2026-10", "2026-09", "2026-08"]);
    expect(items[0]).toMatchObject({ status: null, gross: null, datasets: 2 });
    expect(items[1]).toMatchObject({ status: "approved", employeeCount: expect.any(Number) });
    expect(items[1]!.employeeCount).toBeGreaterThan(0);
    const other = await otherAdmin.get("/api/v1/periods");
    expect(other.statusCode).toBe(200);
    expect(other.json()).toEqual({ items: [] });
    const foreign = await otherAdmin.get("/api/v1/periods/2026-09");
    expect(foreign.json()).toMatchObject({ status: null, run: null, datasets: [] });
  });

  it("refuses a bad upload naming its rows and storing nothing, then stores a good one", async () => {
    const [a, b] = [k.logins.agent, k.logins.otherTeamAgent];
    const bad = await upload(
      { kind: "other" },
      "扣款.csv",
      `工号,姓名,其他扣款\n${a},甲,50\nNOPE-1,乙,10\n${b},丙,abc\n`,
    );
    const r = await hr.send({ method: "POST", url: "/api/v1/periods/2026-10/datasets", ...bad });
    expect(r.statusCode).toBe(422);
    const body = r.json();
    expect(body.code).toBe("INPUT_INVALID");
    expect(body.details.some((l: string) => l.includes("第3行") && l.includes("NOPE-1"))).toBe(true);
    expect(body.details.some((l: string) => l.includes("第4行") && l.includes("其他扣款"))).toBe(true);
    expect((await hr.get("/api/v1/periods/2026-10")).json().datasets).toHaveLength(2);
    const good = await upload({ kind: "other" }, "扣款.csv", `工号,姓名,其他扣款\n${a},甲,50\n${b},丙,20\n`);
    const ok = await hr.send({ method: "POST", url: "/api/v1/periods/2026-10/datasets", ...good });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ rows: 2, kind: "other", fileName: "扣款.csv" });
    const after = (await hr.get("/api/v1/periods/2026-10")).json();
    expect(after.datasets).toHaveLength(3);
    expect(after.datasets.at(-1)).toMatchObject({ kind: "other", rows: 2 });
    for (const who of [lead, agent, finance]) {
      const again = await upload({ kind: "orders" }, "x.csv", `工号,其他扣款\n${a},1\n`);
      const refused = await who.send({ method: "POST", url: "/api/v1/periods/2026-10/datasets", ...again });
      expect(refused.statusCode).toBe(403);
    }
    const noKind = await upload({ kind: "salary" }, "y.csv", `工号,其他扣款\n${a},1\n`);
    expect(
      (await hr.send({ method: "POST", url: "/api/v1/periods/2026-10/datasets", ...noKind })).statusCode,
    ).toBe(422);
  });

  it("runs a period as a job that HR polls to done; a second run meanwhile is refused", async () => {
    for (const who of [lead, agent, finance])
      expect((await who.post("/api/v1/periods/2026-10/run")).statusCode).toBe(403);
    // Another process holds the period's run lock: the request is refused at once.
    const [earlier] = await k.store.runs.listRuns(k.demoTenantId, "2026-09");
    const held = await k.store.runs.startRun(k.demoTenantId, {
      period: "2026-10",
      policyVersionId: earlier!.policyVersionId,
      inputsHash: "held",
    });
    const busy = await hr.post("/api/v1/periods/2026-10/run");
    expect(busy.statusCode).toBe(409);
    expect(busy.json().code).toBe("RUN_IN_PROGRESS");
    await k.store.runs.abandonRun(k.demoTenantId, held.id);
    const started = await hr.post("/api/v1/periods/2026-10/run");
    expect(started.statusCode).toBe(200);
    const { jobId } = started.json();
    const job = await waitForJob(hr, jobId);
    expect(job).toMatchObject({ state: "done", period: "2026-10", result: { errorCount: 0 } });
    expect(job.result.employeeCount).toBeGreaterThan(0);
    expect(job.done).toBe(job.total);
    expect((await lead.get(`/api/v1/jobs/${jobId}`)).statusCode).toBe(403);
    const foreign = await otherAdmin.get(`/api/v1/jobs/${jobId}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe("NOT_FOUND");
    const period = (await hr.get("/api/v1/periods/2026-10")).json();
    expect(period.status).toBe("calculated");
    expect(period.run).toMatchObject({ id: job.result.runId, net: job.result.net, errorCount: 0 });
  });

  it("shows the register whose totals equal the run's and whose team subtotals add up exactly", async () => {
    const run = (await hr.get("/api/v1/periods/2026-10")).json().run;
    const r = await hr.get("/api/v1/periods/2026-10/register");
    expect(r.statusCode).toBe(200);
    const reg = r.json();
    expect(reg.draft).toBe(true);
    expect(reg.rows).toHaveLength(run.employeeCount);
    expect(reg.totals.values.实发工资).toBe(run.net);
    expect(reg.totals.values.应发工资).toBe(run.gross);
    expect(reg.totals.values.扣款合计).toBe(run.deductions);
    expect(reg.columns).toContainEqual({ name: "实发工资", kind: "total" });
    expect(reg.subtotals.length).toBeGreaterThan(1);
    for (const [name, total] of Object.entries(reg.totals.values as Record<string, string>)) {
      const sum = reg.subtotals.reduce(
        (s: Dec, t: { values: Record<string, string> }) => s.add(Dec.parse(t.values[name]!)),
        Dec.ZERO,
      );
      expect(sum.eq(Dec.parse(total))).toBe(true);
    }
    const heads = reg.subtotals.reduce((n: number, t: { headcount: number }) => n + t.headcount, 0);
    expect(heads).toBe(reg.rows.length);
    expect(typeof reg.rows[0].values.实发工资).toBe("string");
    expect((await finance.get("/api/v1/periods/2026-10/register")).statusCode).toBe(200);
    for (const who of [lead, agent])
      expect((await who.get("/api/v1/periods/2026-10/register")).statusCode).toBe(403);
  });

  it("lets finance, not HR, approve and then mark paid", async () => {
    expect((await finance.post("/api/v1/periods/2026-10/paid")).statusCode).toBe(409);
    for (const who of [hr, lead, agent])
      expect((await who.post("/api/v1/periods/2026-10/approve")).statusCode).toBe(403);
    const approved = await finance.post("/api/v1/periods/2026-10/approve");
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: "approved", approvedBy: k.logins.finance });
    for (const who of [hr, lead, agent])
      expect((await who.post("/api/v1/periods/2026-10/paid")).statusCode).toBe(403);
    const paid = await finance.post("/api/v1/periods/2026-10/paid");
    expect(paid.statusCode).toBe(200);
    expect(paid.json().status).toBe("paid");
    const again = await finance.post("/api/v1/periods/2026-10/paid");
    expect(again.statusCode).toBe(409);
    expect((await hr.post("/api/v1/periods/2026-10/run")).json().code).toBe("RUN_IMMUTABLE");
  });

  it("refuses the workspace to a lead and an agent", async () => {
    for (const who of [lead, agent]) {
      for (const url of [
        "/api/v1/periods",
        "/api/v1/periods/2026-09",
        "/api/v1/periods/2026-09/input-template",
        "/api/v1/periods/2026-09/register",
      ]) {
        const r = await who.get(url);
        expect(r.statusCode, `${who.login} ${url}`).toBe(403);
        expect(r.json().code).toBe("FORBIDDEN");
      }
    }
  });

  it("downloads the input template and rejects a malformed period", async () => {
    const t = await hr.get("/api/v1/periods/2026-11/input-template");
    expect(t.statusCode).toBe(200);
    expect(t.rawPayload.subarray(0, 2).toString()).toBe("PK");
    expect(t.headers["content-disposition"]).toContain("filename*=UTF-8''");
    const bad = await hr.get("/api/v1/periods/2026-13");
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe("INPUT_INVALID");
  });
});
