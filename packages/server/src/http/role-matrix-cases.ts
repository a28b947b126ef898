/**
 * The route × role × scope table of the HTTP API (role-matrix.test.ts walks it): for every /api/v1 route a
 * concrete request and what each caller must get. "allow": not 401/403 (any 2xx/404/409/422 after the service
 * authorised); "deny": 403 FORBIDDEN; "hidden": the other company sees nothing of the demo (404/409/422, or a 2xx
 * body without any demo marker). Routes about a person or a team have two targets: `own` (the lead's team, the
 * agent themself) and `otherTeam` (someone of another team).
 * @example const rows = buildMatrix(fixtures); rows.length > 50
 */

/** Who calls: the demo company's five roles and the second company's admin and agent. */
export type CallerName = "admin" | "hr" | "finance" | "lead" | "agent" | "otherAdmin" | "otherAgent";

/** An expected outcome. @example const o: Outcome = "deny" */
export type Outcome = "allow" | "deny" | "hidden";

/** What each caller must get. @example const e: Expect = allOf("allow") */
export type Expect = Record<CallerName, Outcome>;

/** One concrete request. @example const r: MatrixRequest = { url: "/api/v1/teams" } */
export type MatrixRequest = {
  url: string;
  payload?: unknown;
  /** A multipart upload: file name, CSV text and extra fields. */
  upload?: { fileName: string; csv: string; fields?: Record<string, string> };
};

/** A row of the table. @example const r: MatrixRow = { method: "GET", route: "/api/v1/teams", … } */
export type MatrixRow = {
  method: "GET" | "POST" | "PUT" | "PATCH";
  /** The url pattern as registered (app.apiRoutes). */
  route: string;
  /** A name for the test title when one route has several rows. */
  label?: string;
  /** One request, or one per target for routes about a person or team. */
  request: MatrixRequest | { own: MatrixRequest; otherTeam: MatrixRequest };
  expect: Expect | { own: Expect; otherTeam: Expect };
  /** Answers without a session (login, setup; logout is a no-op then). */
  anonymous?: boolean;
  /** The call ends the caller's session(s): sign in anew before it, and after it. */
  endsSession?: boolean;
  /** A list a lead sees scoped to their own teams: the other team's data must not be in it. */
  leadScoped?: boolean;
};

/** The values the table needs, found once by the test. @example fx.ownTeam */
export type MatrixFixtures = {
  agentNo: string;
  otherTeamAgentNo: string;
  ownTeam: string;
  otherTeam: string;
  ownClaim: string;
  otherClaim: string;
  reviewId: string;
  questionId: string;
  jobId: string;
  templateId: string;
  policyName: string;
  policyYaml: string;
  financeUserId: string;
};

/** Every caller with the same outcome, then exceptions. @example roles("deny", { admin: "allow" }) */
export function roles(base: Outcome, over: Partial<Expect> = {}): Expect {
  return {
    admin: base,
    hr: base,
    finance: base,
    lead: base,
    agent: base,
    otherAdmin: base,
    otherAgent: base,
    ...over,
  };
}

const V1 = "/api/v1";
/** admin + HR (and finance when `finance`): the workspace; the other company's admin sees only its own. */
const HR_ONLY = roles("deny", { admin: "allow", hr: "allow", otherAdmin: "hidden" });
const HR_FIN = roles("deny", { admin: "allow", hr: "allow", finance: "allow", otherAdmin: "hidden" });
const FIN_ONLY = roles("deny", { admin: "allow", finance: "allow", otherAdmin: "hidden" });
const ADMIN_ONLY = roles("deny", { admin: "allow", otherAdmin: "hidden" });
/** Team routes of HR and the lead (scores, claims): own team allowed to the lead, the other team refused. */
const teamOf = (own: Expect): { own: Expect; otherTeam: Expect } => ({
  own,
  otherTeam: { ...own, lead: own.lead === "allow" ? "deny" : own.lead, otherAdmin: "hidden" },
});
const slip = (fx: MatrixFixtures, tail: string, payload?: unknown) => ({
  own: { url: `${V1}/payslips/2026-09/${fx.agentNo}${tail}`, ...(payload ? { payload } : {}) },
  otherTeam: { url: `${V1}/payslips/2026-09/${fx.otherTeamAgentNo}${tail}`, ...(payload ? { payload } : {}) },
});
/** Reading a payslip: HR/finance/admin all, the lead their team, the agent themself. The other company's
 * agent has the demo agent's 工号 in their own company (no runs there): 404. */
const READ_SLIP = {
  own: roles("allow", { otherAdmin: "hidden", otherAgent: "hidden" }),
  otherTeam: roles("allow", { lead: "deny", agent: "deny", otherAdmin: "hidden", otherAgent: "hidden" }),
};
/** Confirming or asking: only the employee themself. The other company's admin finds their own employee with
 * the same 工号 and is refused (not self); the other company's agent is that employee (no run: 404). */
const SELF_SLIP = {
  own: roles("deny", { agent: "allow", otherAgent: "hidden" }),
  otherTeam: roles("deny", { otherAdmin: "hidden", otherAgent: "hidden" }),
};
const exportRow = (kind: string, expect: Expect): MatrixRow => ({
  method: "GET",
  route: `${V1}/periods/:period/exports/:kind`,
  label: kind,
  request: { url: `${V1}/periods/2026-09/exports/${kind}?format=csv` },
  expect,
});

/**
 * The table. Order matters only for state: approvals target 2026-12 (no run), the run of 2026-11 comes last.
 * @example for (const row of buildMatrix(fx)) …
 */
export function buildMatrix(fx: MatrixFixtures): MatrixRow[] {
  const team = (id: string, tail: string, payload?: unknown) => ({
    url: `${V1}/teams/${id}/${tail}`,
    ...(payload ? { payload } : {}),
  });
  const badScores = { period: "2026-10", rows: [{ employeeNo: "NO-SUCH-1", values: {} }] };
  const claim = (employeeNo: string) => ({
    url: `${V1}/claims`,
    payload: { employeeNo, period: "2026-10", input: "加分项数", quantity: "1", evidence: "矩阵测试录音" },
  });
  return [
    // auth
    {
      method: "GET",
      route: `${V1}/auth/setup`,
      request: { url: `${V1}/auth/setup` },
      expect: roles("allow"),
      anonymous: true,
    },
    {
      method: "POST",
      route: `${V1}/auth/setup`,
      request: {
        url: `${V1}/auth/setup`,
        payload: { company: "矩阵", login: "mx-setup", name: "矩阵", password: "matrix-pass-1" },
      },
      expect: roles("allow"),
      anonymous: true,
    },
    {
      method: "POST",
      route: `${V1}/auth/login`,
      request: { url: `${V1}/auth/login`, payload: { login: "finance", password: "xinsuan-demo" } },
      expect: roles("allow"),
      anonymous: true,
    },
    { method: "GET", route: `${V1}/auth/me`, request: { url: `${V1}/auth/me` }, expect: roles("allow") },
    {
      method: "POST",
      route: `${V1}/auth/logout`,
      request: { url: `${V1}/auth/logout` },
      expect: roles("allow"),
      anonymous: true,
      endsSession: true,
    },
    {
      method: "POST",
      route: `${V1}/auth/logout-all`,
      request: { url: `${V1}/auth/logout-all` },
      expect: roles("allow"),
      endsSession: true,
    },
    {
      method: "POST",
      route: `${V1}/auth/password`,
      request: { url: `${V1}/auth/password`, payload: { current: "wrong-password", next: "matrix-pass-2" } },
      expect: roles("allow"),
    },
    // payslips
    {
      method: "GET",
      route: `${V1}/me/payslips`,
      request: { url: `${V1}/me/payslips` },
      expect: roles("allow", { otherAdmin: "hidden", otherAgent: "hidden" }),
    },
    { method: "GET", route: `${V1}/payslips/:period/:employeeNo`, request: slip(fx, ""), expect: READ_SLIP },
    {
      method: "GET",
      route: `${V1}/payslips/:period/:employeeNo/pdf`,
      request: slip(fx, "/pdf"),
      expect: READ_SLIP,
    },
    {
      method: "POST",
      route: `${V1}/payslips/:period/:employeeNo/confirm`,
      request: slip(fx, "/confirm"),
      expect: SELF_SLIP,
    },
    {
      method: "POST",
      route: `${V1}/payslips/:period/:employeeNo/questions`,
      request: slip(fx, "/questions", { line: "其他", text: "矩阵测试：这个月为什么少了？" }),
      expect: SELF_SLIP,
    },
    {
      method: "GET",
      route: `${V1}/questions`,
      request: { url: `${V1}/questions?status=open` },
      expect: HR_ONLY,
    },
    {
      method: "POST",
      route: `${V1}/questions/:id/answer`,
      request: { url: `${V1}/questions/${fx.questionId}/answer`, payload: { answer: "已核对，见明细。" } },
      expect: HR_ONLY,
    },
    // workspace
    {
      method: "GET",
      route: `${V1}/dashboard`,
      request: { url: `${V1}/dashboard?period=2026-09` },
      expect: HR_FIN,
    },
    {
      method: "GET",
      route: `${V1}/teams`,
      request: { url: `${V1}/teams` },
      expect: { ...HR_FIN, lead: "allow" },
      leadScoped: true,
    },
    {
      method: "GET",
      route: `${V1}/employees`,
      request: { url: `${V1}/employees?status=all&limit=500` },
      expect: { ...HR_FIN, lead: "allow" },
      leadScoped: true,
    },
    {
      method: "GET",
      route: `${V1}/employees/:no`,
      request: {
        own: { url: `${V1}/employees/${fx.agentNo}` },
        otherTeam: { url: `${V1}/employees/${fx.otherTeamAgentNo}` },
      },
      expect: teamOf({ ...HR_FIN, lead: "allow" }),
    },
    {
      method: "POST",
      route: `${V1}/employees/import`,
      request: {
        url: `${V1}/employees/import`,
        upload: { fileName: "员工.csv", csv: `工号,备注\n${fx.agentNo},矩阵\n` },
      },
      expect: HR_ONLY,
    },
    {
      method: "POST",
      route: `${V1}/accounts/from-employees`,
      request: { url: `${V1}/accounts/from-employees`, payload: { employeeNos: ["NO-SUCH-1"] } },
      expect: HR_ONLY,
    },
    { method: "GET", route: `${V1}/users`, request: { url: `${V1}/users` }, expect: ADMIN_ONLY },
    {
      method: "POST",
      route: `${V1}/users`,
      request: {
        url: `${V1}/users`,
        payload: { login: "mx-user", name: "矩阵账号", role: "hr", password: "matrix-pass-1" },
      },
      expect: ADMIN_ONLY,
    },
    {
      method: "PATCH",
      route: `${V1}/users/:id`,
      request: { url: `${V1}/users/${fx.financeUserId}`, payload: { disabled: false } },
      expect: ADMIN_ONLY,
    },
    // policies
    { method: "GET", route: `${V1}/templates`, request: { url: `${V1}/templates` }, expect: HR_FIN },
    {
      method: "GET",
      route: `${V1}/templates/:id`,
      request: { url: `${V1}/templates/${fx.templateId}` },
      expect: HR_FIN,
    },
    { method: "GET", route: `${V1}/policies`, request: { url: `${V1}/policies` }, expect: HR_FIN },
    {
      method: "GET",
      route: `${V1}/policies/:name/versions/:version`,
      request: { url: `${V1}/policies/${encodeURIComponent(fx.policyName)}/versions/1` },
      expect: HR_FIN,
    },
    {
      method: "POST",
      route: `${V1}/policies`,
      request: {
        url: `${V1}/policies`,
        payload: { name: "矩阵测试", yaml: "规则: [未闭合", from: "2030-01-01" },
      },
      expect: HR_ONLY,
    },
    {
      method: "POST",
      route: `${V1}/policies/check`,
      request: { url: `${V1}/policies/check`, payload: { yaml: fx.policyYaml } },
      expect: HR_FIN,
    },
    {
      method: "POST",
      route: `${V1}/policies/preview`,
      request: {
        url: `${V1}/policies/preview`,
        payload: { yaml: fx.policyYaml, employeeNo: fx.otherTeamAgentNo, period: "2026-09" },
      },
      expect: HR_ONLY,
    },
    // periods
    { method: "GET", route: `${V1}/periods`, request: { url: `${V1}/periods` }, expect: HR_FIN },
    {
      method: "GET",
      route: `${V1}/periods/:period`,
      request: { url: `${V1}/periods/2026-09` },
      expect: HR_FIN,
    },
    {
      method: "GET",
      route: `${V1}/periods/:period/input-template`,
      request: { url: `${V1}/periods/2026-10/input-template` },
      expect: HR_FIN,
    },
    {
      method: "POST",
      route: `${V1}/periods/:period/datasets`,
      request: {
        url: `${V1}/periods/2026-12/datasets`,
        upload: { fileName: "其他.csv", csv: `工号,备注\n${fx.agentNo},矩阵\n`, fields: { kind: "other" } },
      },
      expect: HR_ONLY,
    },
    { method: "GET", route: `${V1}/jobs/:id`, request: { url: `${V1}/jobs/${fx.jobId}` }, expect: HR_FIN },
    {
      method: "GET",
      route: `${V1}/periods/:period/register`,
      request: { url: `${V1}/periods/2026-09/register` },
      expect: HR_FIN,
    },
    {
      method: "POST",
      route: `${V1}/periods/:period/approve`,
      request: { url: `${V1}/periods/2026-12/approve` },
      expect: FIN_ONLY,
    },
    {
      method: "POST",
      route: `${V1}/periods/:period/paid`,
      request: { url: `${V1}/periods/2026-12/paid` },
      expect: FIN_ONLY,
    },
    exportRow("register", HR_FIN),
    exportRow("payslips", HR_FIN),
    exportRow("payslips-pdf", HR_FIN),
    exportRow("bank", FIN_ONLY),
    exportRow("iit", FIN_ONLY),
    exportRow("si", HR_FIN),
    // teams, claims, reviews
    {
      method: "GET",
      route: `${V1}/teams/:id/scores`,
      request: {
        own: team(fx.ownTeam, "scores?period=2026-10"),
        otherTeam: team(fx.otherTeam, "scores?period=2026-10"),
      },
      expect: teamOf({ ...HR_ONLY, lead: "allow" }),
    },
    {
      method: "PUT",
      route: `${V1}/teams/:id/scores`,
      request: {
        own: team(fx.ownTeam, "scores", badScores),
        otherTeam: team(fx.otherTeam, "scores", badScores),
      },
      expect: teamOf({ ...HR_ONLY, lead: "allow" }),
    },
    {
      method: "GET",
      route: `${V1}/teams/:id/pool`,
      request: {
        own: team(fx.ownTeam, "pool?period=2026-09"),
        otherTeam: team(fx.otherTeam, "pool?period=2026-09"),
      },
      expect: teamOf({ ...HR_FIN, lead: "allow" }),
    },
    {
      method: "GET",
      route: `${V1}/claims`,
      request: { url: `${V1}/claims?period=2026-10` },
      expect: { ...HR_ONLY, lead: "allow" },
      leadScoped: true,
    },
    {
      method: "POST",
      route: `${V1}/claims`,
      request: { own: claim(fx.agentNo), otherTeam: claim(fx.otherTeamAgentNo) },
      expect: teamOf({ ...HR_ONLY, lead: "allow" }),
    },
    {
      method: "POST",
      route: `${V1}/claims/:id/decide`,
      request: {
        own: { url: `${V1}/claims/${fx.ownClaim}/decide`, payload: { decision: "approve", comment: "矩阵" } },
        otherTeam: {
          url: `${V1}/claims/${fx.otherClaim}/decide`,
          payload: { decision: "approve", comment: "矩阵" },
        },
      },
      expect: teamOf({ ...HR_ONLY, lead: "allow" }),
    },
    {
      method: "GET",
      route: `${V1}/reviews`,
      request: { url: `${V1}/reviews?period=2026-09` },
      expect: HR_ONLY,
    },
    {
      method: "POST",
      route: `${V1}/reviews/:id/decide`,
      request: {
        url: `${V1}/reviews/${fx.reviewId}/decide`,
        payload: { decision: "reject", comment: "矩阵测试" },
      },
      expect: HR_ONLY,
    },
    { method: "GET", route: `${V1}/audit`, request: { url: `${V1}/audit?limit=50` }, expect: HR_ONLY },
    // last: a run of 2026-11 (another may already be running: 409)
    {
      method: "POST",
      route: `${V1}/periods/:period/run`,
      request: { url: `${V1}/periods/2026-11/run` },
      expect: HR_ONLY,
    },
  ];
}
