import { Dec } from "@xinsuan/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, createHttpKit, type HttpKit } from "../http-test-kit.js";

let k: HttpKit;
let hr: Caller;
let finance: Caller;

beforeAll(async () => {
  k = await createHttpKit();
  [hr, finance] = await Promise.all([k.as(k.logins.hr), k.as(k.logins.finance)]);
}, 60_000);
afterAll(async () => {
  await k.close();
});

type Team = { team: string; headcount: number; gross: string; net: string };
type Point = { employeeNo: string; score: string | null; net: string };

describe("dashboard", () => {
  it("shows the latest finished run: totals equal the run's, teams and scatter add up, trend of the runs", async () => {
    const r = await hr.get("/api/v1/dashboard");
    expect(r.statusCode).toBe(200);
    const d = r.json();
    const run = (await hr.get("/api/v1/periods/2026-09")).json().run;
    expect(d).toMatchObject({ period: "2026-09", status: "approved", gross: run.gross, net: run.net });
    expect(d.headcount).toBe(run.employeeCount);
    const teams = d.byTeam as Team[];
    expect(teams.reduce((n, t) => n + t.headcount, 0)).toBe(d.headcount);
    const sum = (xs: string[]) => xs.reduce((s, x) => s.add(Dec.parse(x)), Dec.ZERO);
    expect(sum(teams.map((t) => t.net)).eq(Dec.parse(d.net))).toBe(true);
    expect(sum(teams.map((t) => t.gross)).eq(Dec.parse(d.gross))).toBe(true);
    const points = d.scatter as Point[];
    expect(points).toHaveLength(d.headcount);
    expect(sum(points.map((p) => p.net)).eq(Dec.parse(d.net))).toBe(true);
    // The demo policy has a scorecard (考核得分): every employee has a score.
    expect(d.scorecard).toBe("考核得分");
    expect(points.every((p) => p.score !== null && /^\d+\.\d{2}$/.test(p.score))).toBe(true);
    // The employer pays social insurance on top of 应发.
    expect(Dec.parse(d.employerCost).gt(Dec.parse(d.gross))).toBe(true);
    expect(d.averageNet).toBe(Dec.parse(d.net).div(Dec.fromInt(d.headcount)).toFixed(2));
    expect(d.trend.map((t: { period: string }) => t.period)).toEqual(["2026-08", "2026-09"]);
    expect(d.trend[1]).toEqual({ period: "2026-09", headcount: d.headcount, gross: d.gross, net: d.net });
  });

  it("shows a chosen period, 404 for a period without a finished run, and finance may read it", async () => {
    const r = await finance.get("/api/v1/dashboard?period=2026-08");
    expect(r.statusCode).toBe(200);
    expect(r.json().period).toBe("2026-08");
    expect(r.json().trend).toHaveLength(1);
    const none = await hr.get("/api/v1/dashboard?period=2026-10");
    expect(none.statusCode).toBe(404);
    expect(none.json().code).toBe("NOT_FOUND");
    expect((await hr.get("/api/v1/dashboard?period=2026-1")).statusCode).toBe(422);
  });

  it("refuses a lead and an agent, and shows another company only its own (empty) figures", async () => {
    for (const login of [k.logins.lead, k.logins.agent]) {
      const r = await (await k.as(login)).get("/api/v1/dashboard");
      expect(r.statusCode).toBe(403);
      expect(r.json().code).toBe("FORBIDDEN");
    }
    const other = await k.as(k.other.admin, "另一家公司（测试）");
    const r = await other.get("/api/v1/dashboard");
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      period: null,
      headcount: 0,
      net: "0.00",
      byTeam: [],
      scatter: [],
      trend: [],
    });
    expect((await other.get("/api/v1/dashboard?period=2026-09")).statusCode).toBe(404);
  });
});
