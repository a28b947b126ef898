/**
 * Types of the HTTP API v1 payloads (see the API contract). Money is always a decimal string.
 * @example const me: Me = session.user;
 */

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

/** A reference a line used. @example { label: "级别工资[E]", value: "800.00", source: "方案表格" } */
export type PayslipRef = { label: string; value: string; source: string };

/** One explained payslip line (core's ExplainedLine). @example line.sentence */
export type PayslipLine = {
  name: string;
  kind: string;
  value: string;
  formula: string;
  substituted: string;
  sentence: string;
  refs: PayslipRef[];
  notes?: string[];
  description?: string;
};

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
