/**
 * The payroll half of the route × role table: periods, datasets, runs and jobs, approvals, exports, team scores
 * and pools, claims, grade reviews and the audit log. Approvals target 2026-12 (no run); the run of 2026-11
 * comes last.
 * @example const rows = payrollRows(fx)
 */

import {
  exportRow,
  FIN_ONLY,
  HR_FIN,
  HR_ONLY,
  type MatrixFixtures,
  type MatrixRow,
  teamOf,
  V1,
} from "./role-matrix-types.js";

/**
 * The rows of the payroll routes.
 * @example payrollRows(fx).some((r) => r.route.endsWith("/approve"))
 */
export function payrollRows(fx: MatrixFixtures): MatrixRow[] {
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
    { ...exportRow("bank", FIN_ONLY), carriesSecrets: true },
    { ...exportRow("iit", FIN_ONLY), carriesSecrets: true },
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
