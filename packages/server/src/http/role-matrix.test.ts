import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../services/create-demo-accounts.js";
import { type Caller, createHttpKit, type HttpKit } from "./http-test-kit.js";
import { buildMatrix } from "./role-matrix-cases.js";
import type {
  CallerName,
  Expect,
  MatrixFixtures,
  MatrixRequest,
  MatrixRow,
  Outcome,
} from "./role-matrix-types.js";

let k: HttpKit;
let fx: MatrixFixtures;
let rows: MatrixRow[];
/** Texts only the demo company has (the other company's agent shares the demo agent's 工号, so not that one). */
let demoMarkers: string[] = [];
let otherTeamName = "";
const callers = new Map<CallerName, Caller>();
const CALLERS: CallerName[] = ["admin", "hr", "finance", "lead", "agent", "otherAdmin", "otherAgent"];
/** The demo's fake 身份证号 (region 990000) and 银行卡号 (prefix 6200, zero-padded). */
const SECRET = [/99000019\d{10}/, /62000000000\d{8}/];

const loginOf = (c: CallerName): string =>
  c === "otherAdmin" ? k.other.admin : c === "otherAgent" ? k.other.agent : k.logins[c];

async function callerOf(c: CallerName): Promise<Caller> {
  let x = callers.get(c);
  if (!x) {
    x = await k.as(loginOf(c));
    callers.set(c, x);
  }
  return x;
}

/** A multipart body from a CSV upload. */
async function multipartOf(u: NonNullable<MatrixRequest["upload"]>) {
  const fd = new FormData();
  for (const [name, value] of Object.entries(u.fields ?? {})) fd.append(name, value);
  fd.append("file", new Blob([u.csv], { type: "text/csv" }), u.fileName);
  const res = new Response(fd);
  return {
    payload: Buffer.from(await res.arrayBuffer()),
    headers: { "content-type": res.headers.get("content-type")! },
  };
}

/** The inject options of a request (JSON or multipart). */
async function optionsOf(method: string, r: MatrixRequest) {
  if (r.upload) {
    const m = await multipartOf(r.upload);
    return { method, url: r.url, payload: m.payload, headers: m.headers };
  }
  const body = method === "GET" ? {} : { payload: r.payload ?? {} };
  return { method, url: r.url, ...body, headers: {} as Record<string, string> };
}

function targetsOf(row: MatrixRow): { target: string; request: MatrixRequest; expect: Expect }[] {
  if ("own" in row.request) {
    const e = row.expect as { own: Expect; otherTeam: Expect };
    return [
      { target: "own", request: row.request.own, expect: e.own },
      { target: "otherTeam", request: row.request.otherTeam, expect: e.otherTeam },
    ];
  }
  return [{ target: "", request: row.request, expect: row.expect as Expect }];
}

/** Refused calls first (they must not change anything), then the scoped roles (a lead's approval is then the
 * first decision, not a 409 after HR's), then the rest. */
const rankOf = (e: Expect, c: CallerName): number =>
  e[c] === "deny" ? 0 : c === "lead" || c === "agent" ? 1 : 2;

const ALLOWED_STATUSES = new Set([404, 409, 422]);
const ok = (s: number) => s >= 200 && s < 300;

/** Why a response breaks the expectation (empty: it keeps it). */
function problemsOf(row: MatrixRow, c: CallerName, want: Outcome, r: LightMyRequestResponse): string[] {
  const p: string[] = [];
  const s = r.statusCode;
  const code = s >= 400 ? (r.json() as { code?: string }).code : undefined;
  if (want === "deny" && (s !== 403 || code !== "FORBIDDEN"))
    p.push(`expected 403 FORBIDDEN, got ${s} ${code ?? ""}`);
  if (want === "allow" && !ok(s) && !ALLOWED_STATUSES.has(s))
    p.push(`expected allow, got ${s} ${code ?? ""}`);
  if (want === "hidden") {
    if (!ok(s) && !ALLOWED_STATUSES.has(s))
      p.push(`expected hidden (404 or no demo data), got ${s} ${code ?? ""}`);
    if (ok(s))
      for (const m of demoMarkers) if (r.body.includes(m)) p.push(`hidden, yet the body shows "${m}"`);
  }
  if (!row.carriesSecrets || c === "lead")
    for (const re of SECRET) if (re.test(r.body)) p.push(`the body shows a full ID/bank number (${re})`);
  if (c === "lead") {
    if (row.leadScoped && ok(s))
      for (const m of [fx.otherTeamAgentNo, otherTeamName])
        if (r.body.includes(m)) p.push(`a lead's list shows the other team's "${m}"`);
  }
  if (c === "agent" && ok(s) && r.body.includes(fx.otherTeamAgentNo))
    p.push(`an agent got the other team's ${fx.otherTeamAgentNo}`);
  return p;
}

beforeAll(async () => {
  k = await createHttpKit();
  const hr = await callerOf("hr");
  const admin = await callerOf("admin");
  const agentNo = k.logins.agent;
  const otherTeamAgentNo = k.logins.otherTeamAgent;
  const teams = (await hr.get("/api/v1/teams")).json().items as { id: string; name: string }[];
  const own = teams.find((t) => t.name === "客服1组")!;
  const otherTeamOf = (await hr.get(`/api/v1/employees/${otherTeamAgentNo}`)).json().team as string;
  const other = teams.find((t) => t.name === otherTeamOf)!;
  otherTeamName = other.name;
  const claim = async (employeeNo: string) =>
    (
      await hr.post("/api/v1/claims", {
        employeeNo,
        period: "2026-10",
        input: "加分项数",
        quantity: "1",
        evidence: "矩阵测试录音",
      })
    ).json().id as string;
  const question = await (await callerOf("agent")).post(`/api/v1/payslips/2026-09/${agentNo}/questions`, {
    line: "其他",
    text: "矩阵测试：请核对",
  });
  const reviews = [
    ...((await hr.get("/api/v1/reviews?period=2026-09")).json().items as { id: string }[]),
    ...((await hr.get("/api/v1/reviews?period=2026-08")).json().items as { id: string }[]),
  ];
  const templates = (await hr.get("/api/v1/templates")).json().items as { id: string }[];
  const policies = (await hr.get("/api/v1/policies")).json().items as { name: string }[];
  const policyName = policies[0]!.name;
  const version = await hr.get(`/api/v1/policies/${encodeURIComponent(policyName)}/versions/1`);
  const users = (await admin.get("/api/v1/users")).json().items as { id: string; login: string }[];
  const job = await hr.post("/api/v1/periods/2026-11/run", {});
  fx = {
    agentNo,
    otherTeamAgentNo,
    ownTeam: own.id,
    otherTeam: other.id,
    ownClaim: await claim(agentNo),
    otherClaim: await claim(otherTeamAgentNo),
    reviewId: reviews[0]?.id ?? "no-such-review",
    questionId: question.json().id as string,
    jobId: job.json().jobId as string,
    templateId: templates[0]!.id,
    policyName,
    policyYaml: version.json().yaml as string,
    financeUserId: users.find((u) => u.login === "finance")!.id,
  };
  const company = (await admin.get("/api/v1/auth/me")).json().user.company as string;
  demoMarkers = [company, "客服1组", otherTeamName, otherTeamAgentNo, k.logins.lead];
  rows = buildMatrix(fx);
}, 120_000);
afterAll(async () => {
  await k?.close();
});

describe("the route × role matrix", () => {
  it("has a row for every registered route and no row for a route that does not exist", () => {
    const registered = new Set(k.app.apiRoutes.map((r) => `${r.method} ${r.url}`));
    const tabled = new Set(rows.map((r) => `${r.method} ${r.route}`));
    expect([...registered].filter((r) => !tabled.has(r)).sort()).toEqual([]);
    expect([...tabled].filter((r) => !registered.has(r)).sort()).toEqual([]);
  });

  it("answers every caller as the table says (deny first, so refused calls cannot change the state)", async () => {
    const failures: string[] = [];
    let cases = 0;
    for (const row of rows)
      for (const t of targetsOf(row)) {
        const order = [...CALLERS].sort((a, b) => rankOf(t.expect, a) - rankOf(t.expect, b));
        for (const c of order) {
          const caller = row.endsSession ? await k.as(loginOf(c)) : await callerOf(c);
          const r = await caller.send(await optionsOf(row.method, t.request));
          if (row.endsSession) callers.delete(c);
          cases++;
          for (const p of problemsOf(row, c, t.expect[c], r))
            failures.push(
              `${row.method} ${t.request.url}${row.label ? ` [${row.label}]` : ""}${t.target ? ` (${t.target})` : ""} as ${c}: ${p}`,
            );
        }
      }
    expect(failures).toEqual([]);
    expect(cases).toBeGreaterThan(400);
  }, 300_000);

  it("checks against markers and patterns that really are in the demo's data (controls)", async () => {
    const hr = await callerOf("hr");
    const lead = await callerOf("lead");
    const all = (await hr.get("/api/v1/employees?status=all&limit=500")).body;
    for (const m of demoMarkers) expect(all + (await hr.get("/api/v1/auth/me")).body).toContain(m);
    expect((await hr.get("/api/v1/claims?period=2026-10")).body).toContain(fx.otherTeamAgentNo);
    const bank = await (await callerOf("finance")).get("/api/v1/periods/2026-09/exports/bank?format=csv");
    expect(bank.statusCode).toBe(200);
    expect(SECRET[1]!.test(bank.body)).toBe(true);
    const iit = await (await callerOf("finance")).get("/api/v1/periods/2026-09/exports/iit?format=csv");
    expect(SECRET[0]!.test(iit.body)).toBe(true);
    const seen = (await lead.get(`/api/v1/employees/${fx.agentNo}`)).json();
    expect(seen).toMatchObject({ no: fx.agentNo, idNumber: null, bankAccount: null });
    const teams = (await lead.get("/api/v1/teams")).json().items as { name: string }[];
    expect(teams.map((t) => t.name)).toEqual(["客服1组"]);
  });

  it("lets nobody approve their own claim or score themselves (a lead is in their own team)", async () => {
    const lead = await callerOf("lead");
    const self = k.logins.lead;
    const c = await lead.post("/api/v1/claims", {
      employeeNo: self,
      period: "2026-10",
      input: "加分项数",
      quantity: "3",
      evidence: "自己申报",
    });
    expect(c.statusCode).toBe(200);
    const own = await lead.post(`/api/v1/claims/${c.json().id}/decide`, { decision: "approve" });
    expect(own.statusCode).toBe(403);
    expect(own.json().code).toBe("FORBIDDEN");
    const hr = await callerOf("hr");
    expect((await hr.post(`/api/v1/claims/${c.json().id}/decide`, { decision: "approve" })).statusCode).toBe(
      200,
    );
    const url = `/api/v1/teams/${fx.ownTeam}/scores`;
    const before = (await lead.get(`${url}?period=2026-10`)).json().rows as {
      employeeNo: string;
      values: Record<string, string>;
    }[];
    const scored = await lead.put(url, {
      period: "2026-10",
      rows: [{ employeeNo: self, values: { 主管评分: "20" } }],
    });
    expect(scored.statusCode).toBe(422);
    expect((scored.json().details as string[]).join()).toContain("第1行");
    const after = (await lead.get(`${url}?period=2026-10`)).json().rows as typeof before;
    expect(after.find((r) => r.employeeNo === self)).toEqual(before.find((r) => r.employeeNo === self));
    const byHr = await hr.put(url, {
      period: "2026-10",
      rows: [{ employeeNo: self, values: { 主管评分: "19" } }],
    });
    expect(byHr.statusCode).toBe(200);
  });

  it("answers 401 without a session on every route but setup, login and logout", async () => {
    const wrong: string[] = [];
    for (const row of rows) {
      const t = targetsOf(row)[0]!;
      const r = await k.app.inject((await optionsOf(row.method, t.request)) as never);
      if (row.anonymous) {
        if (r.statusCode === 401 || r.statusCode === 403)
          wrong.push(`${row.method} ${row.route}: ${r.statusCode}`);
      } else if (r.statusCode !== 401 || r.json().code !== "UNAUTHENTICATED")
        wrong.push(`${row.method} ${row.route}: ${r.statusCode}`);
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it("refuses every state change without the CSRF token", async () => {
    const login = await k.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { login: "admin", password: DEMO_PASSWORD },
    });
    const cookie = `xs_session=${login.cookies.find((c) => c.name === "xs_session")!.value}`;
    const wrong: string[] = [];
    let checked = 0;
    for (const row of rows) {
      if (row.method === "GET" || row.route.endsWith("/auth/login") || row.route.endsWith("/auth/setup"))
        continue;
      const o = await optionsOf(row.method, targetsOf(row)[0]!.request);
      const r = await k.app.inject({ ...o, headers: { ...o.headers, cookie } } as never);
      checked++;
      if (r.statusCode !== 403 || r.json().code !== "CSRF_INVALID")
        wrong.push(`${row.method} ${row.route}: ${r.statusCode} ${r.body.slice(0, 80)}`);
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(15);
    expect((await k.app.inject({ url: "/api/v1/auth/me", headers: { cookie } })).statusCode).toBe(200);
  }, 120_000);
});
