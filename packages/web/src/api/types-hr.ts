/**
 * Payload types of the HR workspace endpoints: dashboard, teams, employees, users, reviews (see the API contract).
 * Money is always a decimal string.
 * @example const d: Dashboard = await api.get("/api/v1/dashboard");
 */
import type { PayslipSummary, Role } from "./types";

/** GET /dashboard. @example d.byTeam[0]?.gross */
export type Dashboard = {
  /** null when the company has no finished run yet. */
  period: string | null;
  status?: string | null;
  headcount: number;
  gross: string;
  net: string;
  employerCost: string | null;
  /** The scorecard the scatter uses (its name, e.g. 考核得分), or null. */
  scorecard?: string | null;
  averageNet: string;
  byTeam: { team: string; headcount: number; gross: string; net: string }[];
  scatter: { employeeNo: string; name: string; team: string | null; score: string | null; net: string }[];
  trend: { period: string; headcount: number; gross: string; net: string }[];
};

/** A team. @example t.headcount === 20 */
export type Team = {
  id: string;
  name: string;
  department: string | null;
  leadEmployeeNo: string | null;
  headcount: number;
};

/** A row of the employee list (ID and bank account masked by the server). @example r.idNumber === "1101********1234" */
export type EmployeeRow = {
  no: string;
  name: string;
  team: string | null;
  grade: string | null;
  employmentType: string | null;
  hireDate: string | null;
  leaveDate: string | null;
  phone: string | null;
  idNumber: string | null;
  bankAccount: string | null;
  hasAccount: boolean;
};

/** GET /employees. @example r.total */
export type EmployeePage = { total: number; items: EmployeeRow[] };

/** One step of an employee's grade history. @example { grade: "E3", tier: "E", from: "2026-06-01", reason: "晋升" } */
export type GradeStep = { grade: string; tier: string | null; from: string; reason: string | null };

/** GET /employees/:no. @example e.grades.length */
export type EmployeeDetail = EmployeeRow & { grades: GradeStep[]; payslips: PayslipSummary[] };

/** POST /employees/import (the counts; other fields may follow). @example r.created === 3 */
export type EmployeeImportResult = { created: number; updated: number; [key: string]: unknown };

/** An account created for an employee; the initial password is shown once. @example a.initialPassword */
export type CreatedAccount = { login: string; name: string; initialPassword: string };

/** A user of the tenant (admin list). @example u.disabled === false */
export type UserRow = {
  id: string;
  login: string;
  name: string;
  role: Role;
  employeeNo: string | null;
  disabled: boolean;
  lockedUntil: string | null;
};

/** A grade review candidate. @example r.status === "pending" */
export type Review = {
  id: string;
  employeeNo: string;
  name: string;
  period: string;
  rule: string;
  fromGrade: string | null;
  toGrade: string | null;
  reason: string;
  status: string;
  decidedBy?: string | null;
  decidedAt?: string | null;
  comment?: string | null;
};
