/**
 * Who is acting in a service call: a signed-in user with a role, the employee they are (agents, leads) and the
 * teams they lead. The HTTP layer builds it from the session; the CLI has none (operator access).
 * @example const p: Principal = { userId: "u1", login: "K001", name: "张三", role: "agent", employeeId: "e1", employeeNo: "K001", teamIds: [] }
 */

import type { UserRole } from "@xinsuan/store";

/** A signed-in user. @example const p: Principal = { userId, login: "hr", name: "李四", role: "hr", employeeId: null, employeeNo: null, teamIds: [] } */
export type Principal = {
  userId: string;
  login: string;
  name: string;
  role: UserRole;
  employeeId: string | null;
  employeeNo: string | null;
  /** Teams whose lead is this user's employee. */
  teamIds: string[];
};

/** Role names shown to people. @example ROLE_LABELS.lead.zh === "主管" */
export const ROLE_LABELS: Record<UserRole, { zh: string; en: string }> = {
  admin: { zh: "管理员", en: "Administrator" },
  hr: { zh: "薪酬专员", en: "Payroll specialist" },
  finance: { zh: "财务", en: "Finance" },
  lead: { zh: "主管", en: "Team lead" },
  agent: { zh: "员工", en: "Agent" },
};
