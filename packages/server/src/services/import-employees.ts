/**
 * Imports the employee roster (工号, 姓名, 团队, 部门, 职级, 用工类型, 入职/转正/离职日期, 参保城市, 手机, 身份证号,
 * 银行卡号, 开户行, 邮箱): every row is checked first and every bad row is reported with its row and column in
 * Chinese; only a clean file is written, creating or updating employees and teams in ONE transaction.
 * @example await importEmployees(ctx, { file: "员工.xlsx", rows: table.rows })
 */

import {
  EMPLOYMENT_TYPES,
  type EmployeeGradeChange,
  type EmploymentType,
  type GradeChange,
  type NewEmployee,
} from "@xinsuan/store";
import { AppError, type Msg } from "../app-error.js";
import { authorize } from "../auth/authorize.js";
import { inTransaction, type ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";
import { companyPolicy } from "./company-policy.js";

/** The roster columns, in template order. @example EMPLOYEE_COLUMNS[0] === "工号" */
export const EMPLOYEE_COLUMNS = [
  "工号",
  "姓名",
  "团队",
  "部门",
  "职级",
  "用工类型",
  "入职日期",
  "转正日期",
  "离职日期",
  "参保城市",
  "手机",
  "身份证号",
  "银行卡号",
  "开户行",
  "邮箱",
] as const;

/** One input row: 1-based row number in the file and its cells by column name. @example const r: RosterRow = { rowNumber: 2, cells: { 工号: "E1", 姓名: "张三" } } */
export type RosterRow = { rowNumber: number; cells: Record<string, string | undefined> };

/** What the import did. @example const r: ImportEmployeesResult = await importEmployees(ctx, input) */
export type ImportEmployeesResult = {
  created: number;
  updated: number;
  teamsCreated: number;
  warnings: Msg[];
};

/** Columns the roster must have. @example REQUIRED_EMPLOYEE_COLUMNS.includes("姓名") */
export const REQUIRED_EMPLOYEE_COLUMNS = ["工号", "姓名"] as const;

/** Header problems: a missing required column is an error naming it; an unknown column a warning (not imported). */
function checkHeaders(file: string, headers: readonly string[]): { problems: Msg[]; warnings: Msg[] } {
  const problems: Msg[] = [];
  for (const c of REQUIRED_EMPLOYEE_COLUMNS)
    if (!headers.includes(c))
      problems.push({
        zh: `${file} 第1行（表头）缺少必需的“${c}”列`,
        en: `${file} row 1 (the header): the required column "${c}" is missing`,
      });
  const known = new Set<string>(EMPLOYEE_COLUMNS);
  const warnings = headers
    .filter((h) => !known.has(h))
    .map((h) => ({
      zh: `${file}：“${h}”列不是员工表的列，已忽略（可用列：${EMPLOYEE_COLUMNS.join("、")}）`,
      en: `${file}: column "${h}" is not a roster column; ignored`,
    }));
  return { problems, warnings };
}

type Checked = { employee: NewEmployee; team: string; department: string; grade: string };

/** Teams join the company policy from the beginning: one policy applies company-wide for now. */
const COMPANY_WIDE_FROM = "2000-01-01";

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
/** One address: local part, @, a domain with a dot; no spaces, commas or angle brackets (one recipient only). */
const EMAIL_RE = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/;

function validDate(text: string): boolean {
  if (!DATE_RE.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** Checks every row; returns the employees or every problem. */
function checkRows(file: string, rows: readonly RosterRow[]): { ok: Checked[]; problems: Msg[] } {
  const problems: Msg[] = [];
  const seen = new Map<string, number>();
  const ok: Checked[] = [];
  for (const r of rows) {
    const cell = (c: string) => (r.cells[c] ?? "").trim();
    const bad = (col: string, zh: string, en: string) =>
      problems.push({
        zh: `${file} 第${r.rowNumber}行 “${col}”列：${zh}`,
        en: `${file} row ${r.rowNumber}, column "${col}": ${en}`,
      });
    const before = problems.length;
    const no = cell("工号");
    if (!no) bad("工号", "缺少工号", "missing employee number");
    else if (seen.has(no))
      bad("工号", `工号“${no}”与第${seen.get(no)}行重复`, `${no} repeats row ${seen.get(no)}`);
    else seen.set(no, r.rowNumber);
    if (!cell("姓名")) bad("姓名", "缺少姓名", "missing name");
    const type = cell("用工类型") || "全职";
    if (!EMPLOYMENT_TYPES.includes(type as EmploymentType))
      bad(
        "用工类型",
        `未知的用工类型“${type}”，可选：${EMPLOYMENT_TYPES.join("、")}`,
        `unknown employment type "${type}"`,
      );
    for (const col of ["入职日期", "转正日期", "离职日期"]) {
      const v = cell(col);
      if (v && !validDate(v))
        bad(col, `“${v}”不是有效日期，应为 YYYY-MM-DD`, `"${v}" is not a YYYY-MM-DD date`);
    }
    const hire = cell("入职日期");
    const leave = cell("离职日期");
    if (hire && leave && validDate(hire) && validDate(leave) && leave < hire)
      bad(
        "离职日期",
        `离职日期 ${leave} 早于入职日期 ${hire}`,
        `leave date ${leave} is before hire date ${hire}`,
      );
    const id = cell("身份证号");
    if (id && !/^\d{17}[\dXx]$/.test(id))
      bad("身份证号", "身份证号应为 18 位", "ID number must have 18 characters");
    const bank = cell("银行卡号").replace(/\s/g, "");
    if (bank && !/^\d{12,19}$/.test(bank))
      bad("银行卡号", "银行卡号应为 12–19 位数字", "bank account must be 12-19 digits");
    const phone = cell("手机");
    if (phone && !/^1\d{10}$/.test(phone))
      bad("手机", "手机号应为 11 位数字", "mobile number must be 11 digits");
    const email = cell("邮箱");
    if (email && !EMAIL_RE.test(email))
      bad("邮箱", `“${email}”不是有效的邮箱地址`, `"${email}" is not a valid e-mail address`);
    if (problems.length > before) continue;
    const opt = (c: string) => cell(c) || null;
    ok.push({
      employee: {
        employeeNo: no,
        name: cell("姓名"),
        employmentType: type as EmploymentType,
        phone: opt("手机"),
        idNumber: opt("身份证号"),
        bankAccount: bank || null,
        bankName: opt("开户行"),
        hireDate: opt("入职日期"),
        regularDate: opt("转正日期"),
        leaveDate: opt("离职日期"),
        insuredCity: opt("参保城市"),
        email: opt("邮箱"),
      },
      team: cell("团队"),
      department: cell("部门"),
      grade: cell("职级"),
    });
  }
  return { ok, problems };
}

/**
 * Validates all rows, then upserts teams and employees (and 职级 changes, effective `asOf` for existing staff,
 * the 入职日期 for new ones) in one transaction. Throws INPUT_INVALID listing every bad row; nothing is written.
 * @example await importEmployees(ctx, { file: "员工.csv", rows, asOf: "2026-08-01" })
 */
export async function importEmployees(
  ctx: ServiceContext,
  input: { file: string; rows: readonly RosterRow[]; asOf?: string; headers?: readonly string[] },
): Promise<ImportEmployeesResult> {
  authorize(ctx, "employees.import");
  const headers = input.headers ?? [...new Set(input.rows.flatMap((r) => Object.keys(r.cells)))];
  const head = checkHeaders(input.file, headers);
  if (head.problems.length > 0 && input.rows.length > 0)
    throw new AppError(
      "INPUT_INVALID",
      `员工表 ${input.file} 缺少必需的列，未导入任何数据`,
      `roster ${input.file} lacks required columns; nothing was imported`,
      [...head.problems, ...head.warnings],
    );
  const { ok, problems } = checkRows(input.file, input.rows);
  if (input.rows.length === 0)
    problems.push({ zh: `${input.file}：没有数据行`, en: `${input.file}: no data rows` });
  if (problems.length > 0) {
    throw new AppError(
      "INPUT_INVALID",
      `员工表 ${input.file} 有 ${problems.length} 处问题，未导入任何数据`,
      `roster ${input.file} has ${problems.length} problem(s); nothing was imported`,
      problems,
    );
  }
  const asOf = input.asOf ?? new Date().toISOString().slice(0, 10);
  const { tenantId, actor } = ctx;
  const policy = await storeCall(() => companyPolicy(ctx));
  return storeCall(() =>
    inTransaction(ctx.store, async (tx) => {
      const result: ImportEmployeesResult = {
        created: 0,
        updated: 0,
        teamsCreated: 0,
        warnings: head.warnings,
      };
      // Set-based: teams, then employees, then grades, each in multi-row statements (see the repositories).
      const teams = new Map((await tx.teams.list(tenantId)).map((t) => [t.name, t.id]));
      const newTeams = new Map<string, string | null>();
      for (const row of ok)
        if (row.team && !teams.has(row.team) && !newTeams.has(row.team))
          newTeams.set(row.team, row.department || null);
      const created = await tx.teams.createMany(
        tenantId,
        [...newTeams].map(([name, department]) => ({ name, department })),
      );
      for (const team of created) teams.set(team.name, team.id);
      if (policy)
        await tx.policies.assignMany(
          tenantId,
          created.map((team) => ({ policyId: policy.id, teamId: team.id, effectiveFrom: COMPANY_WIDE_FROM })),
        );
      result.teamsCreated = created.length;
      // A blank cell (null) keeps what is stored for an existing employee; no 团队 keeps the team.
      const saved = await tx.employees.saveMany(
        tenantId,
        ok.map((row) => ({ ...row.employee, teamId: row.team ? (teams.get(row.team) ?? null) : null })),
      );
      const anyUpdatedGrade = saved.some((s, i) => !s.created && ok[i]!.grade);
      const current = anyUpdatedGrade
        ? await tx.history.gradesOn(tenantId, asOf)
        : new Map<string, GradeChange>();
      const grades: EmployeeGradeChange[] = [];
      saved.forEach((s, i) => {
        const row = ok[i]!;
        if (s.created) result.created++;
        else result.updated++;
        // A new employee's 职级 starts on the 入职日期; an existing one's change on `asOf`, if it changed.
        if (row.grade && (s.created || current.get(s.id)?.grade !== row.grade))
          grades.push({
            employeeId: s.id,
            grade: row.grade,
            effectiveFrom: s.created ? (row.employee.hireDate ?? asOf) : asOf,
            reason: "导入",
          });
      });
      await tx.history.addGrades(tenantId, grades);
      await tx.audit.append(tenantId, {
        actor,
        action: "employees.import",
        entity: "employee",
        entityId: input.file,
        after: {
          created: result.created,
          updated: result.updated,
          teamsCreated: result.teamsCreated,
          rows: input.rows.length,
        },
      });
      return result;
    }),
  );
}
