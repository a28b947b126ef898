/**
 * Payload types of the policy, team and claim endpoints (see the API contract). Money is a decimal string.
 * @example const r: ItemsOf<PolicySummary> = await api.get("/api/v1/policies");
 */

/** A built-in template in the gallery. @example { id: "welfare-6tier", name: "薪资福利制度", description: "…" } */
export type TemplateSummary = { id: string; name: string; description: string };

/** A template with its YAML. @example t.yaml.startsWith("id:") */
export type TemplateText = { id: string; name: string; yaml: string };

/** One stored version of a policy. @example { version: 2, effectiveFrom: "2026-10-01", effectiveTo: null, createdAt: "…" } */
export type PolicyVersionInfo = {
  version: number;
  effectiveFrom: string;
  effectiveTo: string | null;
  createdAt: string;
};

/** A policy and its versions. @example p.versions[0]?.version */
export type PolicySummary = { name: string; versions: PolicyVersionInfo[] };

/** The text of one version. @example v.yaml */
export type PolicyVersionText = { name: string; version: number; effectiveFrom: string; yaml: string };

/** Server check of a policy text (problems and labour-law warnings). @example r.warnings[0]?.message */
export type PolicyCheckResult = {
  ok: boolean;
  problems: { code: string; message: string; line: number; column: number }[];
  warnings: { code: string; message: string }[];
  names: string[];
};

/** Result of saving a version, with the labour-law warnings of the saved text. @example { name: "默认方案", version: 3, warnings: [] } */
export type PolicySaved = { name: string; version: number; warnings?: string[] };

/** A team. @example { id: "t1", name: "一组", department: "客服部", leadEmployeeNo: "A001", headcount: 20 } */
export type TeamInfo = {
  id: string;
  name: string;
  department: string | null;
  leadEmployeeNo: string | null;
  headcount: number;
};

/** The scorecard entry grid of a team. @example s.rows[0]?.values["主管评分"] */
export type TeamScores = {
  columns: string[];
  rows: { employeeNo: string; name: string; values: Record<string, string> }[];
};

/** A team's bonus pool split. @example p.pool === null // the policy has no pool */
export type TeamPool = {
  team: string;
  period: string;
  pool: string | null;
  lines: { employeeNo: string; name: string; share: string; amount: string }[];
};

/** A claim (申报) of an employee's number input. @example c.status === "pending" */
export type Claim = {
  id: string;
  employeeNo: string;
  employeeName: string;
  period: string;
  input: string;
  quantity: string;
  evidence: string;
  note: string | null;
  status: string;
  submittedBy: string | null;
  submittedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  comment: string | null;
};

/** A row of the employee list (only the fields these pages use). @example { no: "A001", name: "张三", team: "一组" } */
export type EmployeeBrief = { no: string; name: string; team: string | null };

/** A payroll period (only the fields these pages use). @example { period: "2026-10", status: null } */
export type PeriodBrief = { period: string; status: string | null };
