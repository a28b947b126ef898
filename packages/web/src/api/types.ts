/**
 * Types of the HTTP API v1 payloads (see the API contract). Money is always a decimal string.
 * @example const me: Me = session.user;
 */
import type { ExplainedLine } from "@xinsuan/core";

/** A user role. @example const r: Role = "agent"; */
export type Role = "admin" | "hr" | "finance" | "lead" | "agent";

/** Life cycle of a payroll run. @example const s: RunStatus = "approved"; */
export type RunStatus = "draft" | "calculated" | "approved" | "paid" | "locked";

/** The signed-in user. @example me.role === "hr" */
export type Me = {
  id: string;
  login: string;
  name: string;
  role: Role;
  employeeNo: string | null;
  teamIds: string[];
  company: string;
  mustChangePassword: boolean;
  /** What the role may do (the server's permission table), to hide buttons it would refuse. */
  permissions: string[];
};

/** Login/setup/me response. @example session.csrfToken */
export type Session = { user: Me; csrfToken: string };

/** Error body of every failed request. @example { code: "FORBIDDEN", message: "无权访问", details: [] } */
export type ApiErrorBody = { code: string; message: string; details: string[] };

/** One month in a payslip list. @example s.net === "8250.00" */
export type PayslipSummary = {
  period: string;
  status: RunStatus | string;
  gross: string;
  deductions: string;
  net: string;
  confirmedAt: string | null;
  openQuestions: number;
};

/** One explained payslip line: core's ExplainedLine, as the server sends it. @example line.sentence */
export type PayslipLine = ExplainedLine;

/** A question an employee asked about a payslip line. @example q.status === "open" */
export type Question = {
  id: string;
  period: string;
  employeeNo: string;
  employeeName: string;
  line: string;
  text: string;
  status: "open" | "answered";
  askedAt: string;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
};

/** A full payslip with explanations and questions. @example p.lines[0]?.name */
export type Payslip = {
  period: string;
  company: string;
  status: RunStatus | string;
  employee: { no: string; name: string; team: string | null; grade: string | null };
  gross: string;
  deductions: string;
  net: string;
  confirmedAt: string | null;
  lines: PayslipLine[];
  details: PayslipLine[];
  questions: Question[];
};

/** Items wrapper of list endpoints. @example const r: ItemsOf<Question> = { items: [] }; */
export type ItemsOf<T> = { items: T[] };
