/**
 * The route × role × scope table of the HTTP API (role-matrix.test.ts walks it): for every /api/v1 route a
 * concrete request and what each caller must get. "allow": not 401/403 (any 2xx/404/409/422 after the service
 * authorised); "deny": 403 FORBIDDEN; "hidden": the other company sees nothing of the demo (404/409/422, or a 2xx
 * body without any demo marker). Routes about a person or a team have two targets: `own` (the lead's team, the
 * agent themself) and `otherTeam` (someone of another team).
 * @example const rows = buildMatrix(fixtures); rows.length > 50
 */

import { payrollRows } from "./role-matrix-payroll-cases.js";
import {
  ADMIN_ONLY,
  HR_FIN,
  HR_ONLY,
  type MatrixFixtures,
  type MatrixRow,
  READ_SLIP,
  roles,
  SELF_SLIP,
  slip,
  teamOf,
  V1,
} from "./role-matrix-types.js";

/**
 * The table: sign-in, payslips, questions, people, accounts and policies here; periods, exports, teams, claims,
 * reviews and the audit log in role-matrix-payroll-cases.ts. Order matters only for state (see there).
 * @example for (const row of buildMatrix(fx)) …
 */
export function buildMatrix(fx: MatrixFixtures): MatrixRow[] {
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
    ...payrollRows(fx),
  ];
}
