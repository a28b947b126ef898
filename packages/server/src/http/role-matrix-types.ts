/**
 * The vocabulary of the route × role matrix (role-matrix-cases.ts): callers, outcomes, rows, fixtures, and the
 * expectations most routes share. "allow": not 401/403 (any 2xx/404/409/422 after the service authorised);
 * "deny": 403 FORBIDDEN; "hidden": the other company sees nothing of the demo (404/409/422, or a 2xx body without
 * any demo marker).
 * @example const e: Expect = roles("deny", { admin: "allow" })
 */

/** Who calls: the demo company's five roles and the second company's admin and agent. */
export type CallerName = "admin" | "hr" | "finance" | "lead" | "agent" | "otherAdmin" | "otherAgent";

/** An expected outcome. @example const o: Outcome = "deny" */
export type Outcome = "allow" | "deny" | "hidden";

/** What each caller must get. @example const e: Expect = roles("allow") */
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
  /** The file must hold full 身份证号/银行卡号 (bank, IIT); every other answer must show none. */
  carriesSecrets?: boolean;
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

/** The API prefix. @example `${V1}/teams` */
export const V1 = "/api/v1";
/** The HR workspace (admin, HR); the other company's admin sees only its own. @example row.expect = HR_ONLY */
export const HR_ONLY = roles("deny", { admin: "allow", hr: "allow", otherAdmin: "hidden" });
/** Read by admin, HR and finance. @example row.expect = HR_FIN */
export const HR_FIN = roles("deny", { admin: "allow", hr: "allow", finance: "allow", otherAdmin: "hidden" });
/** Finance's (and the admin's, who holds every permission). @example row.expect = FIN_ONLY */
export const FIN_ONLY = roles("deny", { admin: "allow", finance: "allow", otherAdmin: "hidden" });
/** Account administration. @example row.expect = ADMIN_ONLY */
export const ADMIN_ONLY = roles("deny", { admin: "allow", otherAdmin: "hidden" });
/** Own team allowed to the lead, the other team refused. @example teamOf({ ...HR_ONLY, lead: "allow" }) */
export const teamOf = (own: Expect): { own: Expect; otherTeam: Expect } => ({
  own,
  otherTeam: { ...own, lead: own.lead === "allow" ? "deny" : own.lead, otherAdmin: "hidden" },
});
/** A payslip route's two targets. @example slip(fx, "/pdf").own.url */
export const slip = (fx: MatrixFixtures, tail: string, payload?: unknown) => ({
  own: { url: `${V1}/payslips/2026-09/${fx.agentNo}${tail}`, ...(payload ? { payload } : {}) },
  otherTeam: { url: `${V1}/payslips/2026-09/${fx.otherTeamAgentNo}${tail}`, ...(payload ? { payload } : {}) },
});
/**
 * Reading a payslip: HR/finance/admin all, the lead their team, the agent themself. The other company's agent
 * has the demo agent's 工号 in their own company (no runs there): 404.
 * @example row.expect = READ_SLIP
 */
export const READ_SLIP = {
  own: roles("allow", { otherAdmin: "hidden", otherAgent: "hidden" }),
  otherTeam: roles("allow", { lead: "deny", agent: "deny", otherAdmin: "hidden", otherAgent: "hidden" }),
};
/**
 * Confirming or asking: only the employee themself. The other company's admin finds their own employee with the
 * same 工号 and is refused (not self); the other company's agent is that employee (no run: 404).
 * @example row.expect = SELF_SLIP
 */
export const SELF_SLIP = {
  own: roles("deny", { agent: "allow", otherAgent: "hidden" }),
  otherTeam: roles("deny", { otherAdmin: "hidden", otherAgent: "hidden" }),
};
/** One export kind's row (one route, six kinds). @example exportRow("bank", FIN_ONLY) */
export const exportRow = (kind: string, expect: Expect): MatrixRow => ({
  method: "GET",
  route: `${V1}/periods/:period/exports/:kind`,
  label: kind,
  request: { url: `${V1}/periods/2026-09/exports/${kind}?format=csv` },
  expect,
});
