/**
 * Row types of every table, as Kysely sees them. Dates are ISO text (`YYYY-MM-DD`, timestamps with `Z`),
 * money is decimal text ("1234.50"), JSON is text, ids are text. Every table but `tenants` has `tenant_id`.
 * @example const db: Kysely<Database> = openDatabase("sqlite::memory:")
 */

/** 用工类型. @example const t: EmploymentType = "全职" */
export type EmploymentType = "全职" | "非全日制" | "实习" | "培训";
/** Life cycle of a run. @example const s: RunStatus = "calculated" */
export type RunStatus = "draft" | "calculated" | "approved" | "paid" | "locked";
/** What an imported file holds. @example const k: DatasetKind = "attendance" */
export type DatasetKind = "attendance" | "kpi" | "orders" | "scores" | "claims" | "other";

/** @example EMPLOYMENT_TYPES.includes("实习") */
export const EMPLOYMENT_TYPES: readonly EmploymentType[] = ["全职", "非全日制", "实习", "培训"];
/** @example RUN_STATUSES.indexOf("approved") === 2 */
export const RUN_STATUSES: readonly RunStatus[] = ["draft", "calculated", "approved", "paid", "locked"];
/** @example DATASET_KINDS.includes("orders") */
export const DATASET_KINDS: readonly DatasetKind[] = [
  "attendance",
  "kpi",
  "orders",
  "scores",
  "claims",
  "other",
];

/** A row of `tenants`. @example const row: Selectable<TenantsTable> = await db.selectFrom("tenants").selectAll().executeTakeFirstOrThrow() */
export type TenantsTable = { id: string; name: string; created_at: string };

/** A row of `teams`. @example const row: Selectable<TeamsTable> = await db.selectFrom("teams").selectAll().executeTakeFirstOrThrow() */
export type TeamsTable = {
  id: string;
  tenant_id: string;
  name: string;
  department: string | null;
  lead_employee_id: string | null;
  created_at: string;
};

/** A row of `employees`. @example const row: Selectable<EmployeesTable> = await db.selectFrom("employees").selectAll().executeTakeFirstOrThrow() */
export type EmployeesTable = {
  id: string;
  tenant_id: string;
  employee_no: string;
  name: string;
  phone: string | null;
  id_number_enc: string | null;
  bank_account_enc: string | null;
  bank_name: string | null;
  hire_date: string | null;
  regular_date: string | null;
  leave_date: string | null;
  employment_type: EmploymentType;
  insured_city: string | null;
  team_id: string | null;
  created_at: string;
  updated_at: string;
  /** E-mail address for the PDF 工资条 (migration 0005), plain text. */
  email: string | null;
};

/** A row of `employee_grades`. @example const row: Selectable<EmployeeGradesTable> = await db.selectFrom("employee_grades").selectAll().executeTakeFirstOrThrow() */
export type EmployeeGradesTable = {
  id: string;
  tenant_id: string;
  employee_id: string;
  grade: string;
  tier: string | null;
  effective_from: string;
  reason: string | null;
  created_at: string;
};

/** A row of `employee_deductions`. @example const row: Selectable<EmployeeDeductionsTable> = await db.selectFrom("employee_deductions").selectAll().executeTakeFirstOrThrow() */
export type EmployeeDeductionsTable = {
  id: string;
  tenant_id: string;
  employee_id: string;
  kind: string;
  monthly_amount: string;
  from_month: string;
  to_month: string | null;
  created_at: string;
};

/** A row of `policies`. @example const row: Selectable<PoliciesTable> = await db.selectFrom("policies").selectAll().executeTakeFirstOrThrow() */
export type PoliciesTable = {
  id: string;
  tenant_id: string;
  name: string;
  template_id: string | null;
  created_at: string;
};

/** A row of `policy_versions`. @example const row: Selectable<PolicyVersionsTable> = await db.selectFrom("policy_versions").selectAll().executeTakeFirstOrThrow() */
export type PolicyVersionsTable = {
  id: string;
  tenant_id: string;
  policy_id: string;
  version: number;
  yaml: string;
  checksum: string;
  effective_from: string;
  effective_to: string | null;
  created_at: string;
};

/** A row of `policy_assignments`. @example const row: Selectable<PolicyAssignmentsTable> = await db.selectFrom("policy_assignments").selectAll().executeTakeFirstOrThrow() */
export type PolicyAssignmentsTable = {
  id: string;
  tenant_id: string;
  policy_id: string;
  team_id: string | null;
  employee_id: string | null;
  effective_from: string;
  created_at: string;
};

/** A row of `periods`. @example const row: Selectable<PeriodsTable> = await db.selectFrom("periods").selectAll().executeTakeFirstOrThrow() */
export type PeriodsTable = {
  id: string;
  tenant_id: string;
  period: string;
  state: string;
  created_at: string;
};

/** A row of `datasets`. @example const row: Selectable<DatasetsTable> = await db.selectFrom("datasets").selectAll().executeTakeFirstOrThrow() */
export type DatasetsTable = {
  id: string;
  tenant_id: string;
  period_id: string;
  kind: DatasetKind;
  file_name: string;
  checksum: string;
  row_count: number;
  imported_at: string;
};

/** A row of `dataset_rows`. @example const row: Selectable<DatasetRowsTable> = await db.selectFrom("dataset_rows").selectAll().executeTakeFirstOrThrow() */
export type DatasetRowsTable = {
  tenant_id: string;
  dataset_id: string;
  row_number: number;
  employee_no: string;
  values_json: string;
};

/** A row of `runs`. @example const row: Selectable<RunsTable> = await db.selectFrom("runs").selectAll().executeTakeFirstOrThrow() */
export type RunsTable = {
  id: string;
  tenant_id: string;
  period_id: string;
  policy_version_id: string;
  status: RunStatus;
  inputs_hash: string;
  started_at: string;
  finished_at: string | null;
  employee_count: number;
  error_count: number;
  lock_token: string | null;
  approved_by: string | null;
  approved_at: string | null;
  /** Last sign of life of a run in progress (migration 0002); older than the take-over timeout = stale. */
  heartbeat_at: string | null;
};

/** A row of `run_payslips`. @example const row: Selectable<RunPayslipsTable> = await db.selectFrom("run_payslips").selectAll().executeTakeFirstOrThrow() */
export type RunPayslipsTable = {
  tenant_id: string;
  run_id: string;
  employee_no: string;
  lines_json: string;
  gross: string;
  deductions: string;
  net: string;
  error_json: string | null;
};

/** A row of `state_ledger`. @example const row: Selectable<StateLedgerTable> = await db.selectFrom("state_ledger").selectAll().executeTakeFirstOrThrow() */
export type StateLedgerTable = {
  tenant_id: string;
  period: string;
  scope: "employee" | "group";
  group_level: string;
  scope_key: string;
  name: string;
  value: string;
};

/** A row of `audit_log`. @example const row: Selectable<AuditLogTable> = await db.selectFrom("audit_log").selectAll().executeTakeFirstOrThrow() */
export type AuditLogTable = {
  id: string;
  tenant_id: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  before_json: string | null;
  after_json: string | null;
  at: string;
};

/** Life cycle of a claim. @example const s: ClaimStatus = "approved" */
export type ClaimStatus = "pending" | "approved" | "rejected";
/** Life cycle of a grade review. @example const s: GradeReviewStatus = "confirmed" */
export type GradeReviewStatus = "pending" | "confirmed" | "rejected";

/** A row of `claims` (申报 with evidence; `input_name` is the policy input it counts towards). @example const row: Selectable<ClaimsTable> = await db.selectFrom("claims").selectAll().executeTakeFirstOrThrow() */
export type ClaimsTable = {
  id: string;
  tenant_id: string;
  employee_id: string;
  period: string;
  input_name: string;
  quantity: string;
  evidence: string;
  note: string | null;
  status: ClaimStatus;
  submitted_by: string;
  submitted_at: string;
  decided_by: string | null;
  decided_at: string | null;
  comment: string | null;
};

/** A row of `adjustments` (补发 / 补扣 for `for_period`, paid in `pay_period`; `taxable` 0/1). @example const row: Selectable<AdjustmentsTable> = await db.selectFrom("adjustments").selectAll().executeTakeFirstOrThrow() */
export type AdjustmentsTable = {
  id: string;
  tenant_id: string;
  employee_id: string;
  for_period: string;
  pay_period: string;
  kind: "补发" | "补扣";
  amount: string;
  taxable: number;
  reason: string;
  created_by: string;
  created_at: string;
  cancelled_by: string | null;
  cancelled_at: string | null;
};

/** A row of `grade_reviews` (a 晋升/降级 candidate of a period and HR's decision). @example const row: Selectable<GradeReviewsTable> = await db.selectFrom("grade_reviews").selectAll().executeTakeFirstOrThrow() */
export type GradeReviewsTable = {
  id: string;
  tenant_id: string;
  employee_id: string;
  period: string;
  rule: string;
  from_grade: string;
  to_grade: string;
  reason: string;
  status: GradeReviewStatus;
  created_at: string;
  decided_by: string | null;
  decided_at: string | null;
  comment: string | null;
};

/** State of an outbox message. @example const s: MailStatus = "sent" */
export type MailStatus = "queued" | "sent" | "failed";

/** A row of `mail_outbox` (one 工资条 e-mail per run and employee; the send log). @example const row: Selectable<MailOutboxTable> = await db.selectFrom("mail_outbox").selectAll().executeTakeFirstOrThrow() */
export type MailOutboxTable = {
  id: string;
  tenant_id: string;
  run_id: string;
  employee_id: string;
  to_address: string;
  subject: string;
  status: MailStatus;
  attempts: number;
  last_error: string | null;
  next_attempt_at: string | null;
  sent_at: string | null;
  message_id: string | null;
  created_at: string;
};

/** A role in a company. @example const r: UserRole = "hr" */
export type UserRole = "admin" | "hr" | "finance" | "lead" | "agent";
/** @example USER_ROLES.includes("lead") */
export const USER_ROLES: readonly UserRole[] = ["admin", "hr", "finance", "lead", "agent"];

/** A row of `users` (migration 0006; `login` is a 工号 or a phone number, unique per tenant). @example const row: Selectable<UsersTable> = await db.selectFrom("users").selectAll().executeTakeFirstOrThrow() */
export type UsersTable = {
  id: string;
  tenant_id: string;
  login: string;
  name: string;
  role: UserRole;
  employee_id: string | null;
  password_hash: string;
  must_change_password: number;
  disabled: number;
  failed_attempts: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
};

/** A row of `sessions` (`id` is the SHA-256 of the cookie's token, never the token). @example const row: Selectable<SessionsTable> = await db.selectFrom("sessions").selectAll().executeTakeFirstOrThrow() */
export type SessionsTable = {
  id: string;
  tenant_id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
};

/** A row of `payslip_receipts` (an employee confirmed receipt of a run's payslip). @example const row: Selectable<PayslipReceiptsTable> = await db.selectFrom("payslip_receipts").selectAll().executeTakeFirstOrThrow() */
export type PayslipReceiptsTable = {
  tenant_id: string;
  run_id: string;
  employee_id: string;
  confirmed_at: string;
};

/** A row of `payslip_questions` (a question on one payslip line and HR's answer). @example const row: Selectable<PayslipQuestionsTable> = await db.selectFrom("payslip_questions").selectAll().executeTakeFirstOrThrow() */
export type PayslipQuestionsTable = {
  id: string;
  tenant_id: string;
  run_id: string;
  period: string;
  employee_id: string;
  line: string;
  text: string;
  status: "open" | "answered";
  asked_at: string;
  answer: string | null;
  answered_by: string | null;
  answered_at: string | null;
};

/** The whole database, table name → row type. @example const db: Kysely<Database> = openDatabase() */
export interface Database {
  tenants: TenantsTable;
  teams: TeamsTable;
  employees: EmployeesTable;
  employee_grades: EmployeeGradesTable;
  employee_deductions: EmployeeDeductionsTable;
  policies: PoliciesTable;
  policy_versions: PolicyVersionsTable;
  policy_assignments: PolicyAssignmentsTable;
  periods: PeriodsTable;
  datasets: DatasetsTable;
  dataset_rows: DatasetRowsTable;
  runs: RunsTable;
  run_payslips: RunPayslipsTable;
  state_ledger: StateLedgerTable;
  audit_log: AuditLogTable;
  claims: ClaimsTable;
  adjustments: AdjustmentsTable;
  grade_reviews: GradeReviewsTable;
  mail_outbox: MailOutboxTable;
  users: UsersTable;
  sessions: SessionsTable;
  payslip_receipts: PayslipReceiptsTable;
  payslip_questions: PayslipQuestionsTable;
}
