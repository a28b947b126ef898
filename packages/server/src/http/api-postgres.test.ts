import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpKit, type HttpKit } from "./http-test-kit.js";

/** The API's month on the PostgreSQL dialect through PGlite (the store suites also run on a real server in CI). */
describe("the API on PostgreSQL (PGlite)", () => {
  let k: HttpKit;
  beforeAll(async () => {
    k = await createHttpKit("pglite://memory");
  }, 120_000);
  afterAll(async () => k?.close());

  it("signs in, runs 2026-10 as a job, approves as finance and shows the agent the payslip", async () => {
    const hr = await k.as("hr");
    const started = await hr.post("/api/v1/periods/2026-10/run");
    expect(started.statusCode).toBe(200);
    const jobUrl = `/api/v1/jobs/${started.json().jobId}`;
    let job = (await hr.get(jobUrl)).json();
    for (let i = 0; i < 240 && job.state === "running"; i++) {
      await new Promise((r) => setTimeout(r, 250));
      job = (await hr.get(jobUrl)).json();
    }
    expect(job.state).toBe("done");
    const register = (await hr.get("/api/v1/periods/2026-10/register")).json();
    expect(register.rows.length).toBe(job.result.employeeCount);
    const finance = await k.as("finance");
    expect((await finance.post("/api/v1/periods/2026-10/approve")).statusCode).toBe(200);
    const agent = await k.as(k.logins.agent);
    const mine = (await agent.get("/api/v1/me/payslips"))
      .json()
      .items.map((i: { period: string }) => i.period);
    expect(mine).toEqual(["2026-10", "2026-09", "2026-08"]);
    const slip = await agent.get(`/api/v1/payslips/2026-10/${k.logins.agent}`);
    expect(slip.statusCode).toBe(200);
    expect(slip.json().lines.length).toBeGreaterThan(3);
    expect((await agent.get(`/api/v1/payslips/2026-10/${k.logins.otherTeamAgent}`)).statusCode).toBe(403);
  }, 120_000);
});
