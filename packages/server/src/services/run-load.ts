/**
 * What a run reads from the workspace: the employees employed in the period (master data, 职级 and the day it took
 * effect, team and department) merged with the period's dataset rows per 工号, in 工号 order — a value from a
 * later file is noted with its own file and row — and the check that earlier periods were calculated first.
 * @example const { employees, datasets } = await loadInputs(ctx, "2026-10", "2026-10-31")
 */

import { Dec, type EmployeeInput } from "@xinsuan/core";
import { AppError } from "../app-error.js";
import type { ServiceContext } from "../context.js";

type Person = {
  id: string;
  employeeNo: string;
  name: string;
  hireDate: string | null;
  regularDate: string | null;
  leaveDate: string | null;
  employmentType: string;
  insuredCity: string | null;
  teamId: string | null;
};

/** The people employed on some day of [start, end], in one query, without the encrypted columns a run never reads. */
async function activePeople(ctx: ServiceContext, start: string, end: string): Promise<Person[]> {
  const rows = await ctx.store.db
    .selectFrom("employees")
    .select([
      "id",
      "employee_no",
      "name",
      "hire_date",
      "regular_date",
      "leave_date",
      "employment_type",
      "insured_city",
      "team_id",
    ])
    .where("tenant_id", "=", ctx.tenantId)
    .where((eb) => eb.or([eb("hire_date", "is", null), eb("hire_date", "<=", end)]))
    .where((eb) => eb.or([eb("leave_date", "is", null), eb("leave_date", ">=", start)]))
    .execute();
  return rows.map((r) => ({
    id: r.id,
    employeeNo: r.employee_no,
    name: r.name,
    hireDate: r.hire_date,
    regularDate: r.regular_date,
    leaveDate: r.leave_date,
    employmentType: r.employment_type,
    insuredCity: r.insured_city,
    teamId: r.team_id,
  }));
}

/** 职级 of every employee on `date` and the day it took effect, in one query. */
async function gradesOn(
  ctx: ServiceContext,
  date: string,
): Promise<Map<string, { grade: string; from: string }>> {
  const rows = await ctx.store.db
    .selectFrom("employee_grades")
    .select(["employee_id", "grade", "effective_from", "created_at"])
    .where("tenant_id", "=", ctx.tenantId)
    .where("effective_from", "<=", date)
    .orderBy("effective_from")
    .orderBy("created_at")
    .execute();
  return new Map(rows.map((r) => [r.employee_id, { grade: r.grade, from: r.effective_from }]));
}

/** Refuses a period while an earlier period with imported data has not been calculated (its state is missing). */
export async function checkOrder(ctx: ServiceContext, period: string): Promise<void> {
  const { db } = ctx.store;
  // The last month whose results carry forward: a finished run, or a ledger imported once (a mid-year start).
  const ledger = await db
    .selectFrom("state_ledger")
    .select("period")
    .where("tenant_id", "=", ctx.tenantId)
    .where("period", "<", period)
    .orderBy("period", "desc")
    .limit(1)
    .executeTakeFirst();
  const ran = await db
    .selectFrom("runs")
    .innerJoin("periods", (j) =>
      j.onRef("periods.id", "=", "runs.period_id").onRef("periods.tenant_id", "=", "runs.tenant_id"),
    )
    .select("periods.period")
    .where("runs.tenant_id", "=", ctx.tenantId)
    .where("runs.status", "<>", "draft")
    .where("periods.period", "<", period)
    .orderBy("periods.period", "desc")
    .limit(1)
    .executeTakeFirst();
  const last = [ledger?.period ?? "", ran?.period ?? ""].sort().at(-1)!;
  const pending = await db
    .selectFrom("periods")
    .innerJoin("datasets", (j) =>
      j.onRef("datasets.period_id", "=", "periods.id").onRef("datasets.tenant_id", "=", "periods.tenant_id"),
    )
    .select("periods.period")
    .where("periods.tenant_id", "=", ctx.tenantId)
    .where("periods.period", "<", period)
    .where("periods.period", ">", last)
    .orderBy("periods.period")
    .limit(1)
    .executeTakeFirst();
  if (pending) {
    throw new AppError(
      "RUN_NOT_READY",
      `请先计算 ${pending.period}：个税累计和结转状态按月传递，${period} 需要上月的结果`,
      `run ${pending.period} first: the tax ledger and carried state pass from month to month`,
    );
  }
}

/** A dataset of the period as it fed the run (its rows are merged into the employees). */
export type DatasetInput = {
  kind: string;
  file: string;
  checksum: string;
  rowCount: number;
};

const byNo = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The engine's rows (ordered by 工号): master data of the active employees merged with the period's datasets. */
export async function loadInputs(
  ctx: ServiceContext,
  period: string,
  end: string,
): Promise<{
  employees: EmployeeInput[];
  datasets: DatasetInput[];
  /** Each employee's id and team, in the order of `employees`. */
  people: { id: string; teamId: string | null }[];
}> {
  const { store, tenantId } = ctx;
  const start = `${period}-01`;
  const teams = new Map((await store.teams.list(tenantId)).map((t) => [t.id, t]));
  const grades = await gradesOn(ctx, end);
  const merged = new Map<
    string,
    { values: Record<string, string>; source: { file: string; row: number }; notes?: Record<string, string> }
  >();
  const datasets: DatasetInput[] = [];
  for (const ds of await store.datasets.listDatasets(tenantId, period)) {
    const dsRows = await store.datasets.listRows(tenantId, ds.id);
    datasets.push({
      kind: ds.kind,
      file: ds.fileName,
      checksum: ds.checksum,
      rowCount: dsRows.length,
    });
    for (const r of dsRows) {
      const m = merged.get(r.employeeNo);
      if (m) {
        Object.assign(m.values, r.values);
        // Columns of a second file would otherwise be explained with the first file's row.
        const where = `${ds.fileName} 第${r.rowNumber}行`;
        m.notes ??= {};
        for (const col of Object.keys(r.values)) m.notes[col] = `${where}“${col}”列`;
      } else
        merged.set(r.employeeNo, {
          values: { ...r.values },
          source: { file: ds.fileName, row: r.rowNumber },
        });
    }
  }
  const active = (await activePeople(ctx, start, end)).sort((a, b) => byNo(a.employeeNo, b.employeeNo));
  const employees = active.map((e): EmployeeInput => {
    const team = e.teamId ? teams.get(e.teamId) : undefined;
    const data = merged.get(e.employeeNo);
    const master: Record<string, string> = {
      工号: e.employeeNo,
      姓名: e.name,
      团队: team?.name ?? "",
      部门: team?.department ?? "",
      职级: grades.get(e.id)?.grade ?? "",
      职级生效日期: grades.get(e.id)?.from ?? "",
      用工类型: e.employmentType,
      入职日期: e.hireDate ?? "",
      转正日期: e.regularDate ?? "",
      离职日期: e.leaveDate ?? "",
      参保城市: e.insuredCity ?? "",
    };
    return {
      values: { ...(data?.values ?? {}), ...master },
      source: data?.source ?? { file: "员工信息", row: 0 },
      ...(data?.notes ? { notes: data.notes } : {}),
    };
  });
  await applyDeclaredDeductions(ctx, period, active, employees);
  return { employees, datasets, people: active.map((e) => ({ id: e.id, teamId: e.teamId })) };
}

/**
 * Last day of a period.
 * @example lastDay("2026-02") === "2026-02-28"
 */
export function lastDay(period: string): string {
  const [y, m] = period.split("-").map(Number) as [number, number];
  return `${period}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, "0")}`;
}

/**
 * The policy that pays each person on `date` (index-aligned): their own assignment, else their team's, else the
 * company's first policy; undefined when the company has no policy.
 * @example const ids = await policyOfPeople(ctx, people, "2026-10-31")
 */
export async function policyOfPeople(
  ctx: ServiceContext,
  people: readonly { id: string; teamId: string | null }[],
  date: string,
): Promise<(string | undefined)[]> {
  const { db } = ctx.store;
  const first = await db
    .selectFrom("policies")
    .select("id")
    .where("tenant_id", "=", ctx.tenantId)
    .orderBy("created_at")
    .orderBy("id")
    .executeTakeFirst();
  const rows = await db
    .selectFrom("policy_assignments")
    .select(["policy_id", "team_id", "employee_id"])
    .where("tenant_id", "=", ctx.tenantId)
    .where("effective_from", "<=", date)
    .orderBy("effective_from")
    .orderBy("created_at")
    .execute();
  const byEmployee = new Map<string, string>();
  const byTeam = new Map<string, string>();
  for (const r of rows) {
    if (r.employee_id) byEmployee.set(r.employee_id, r.policy_id);
    else if (r.team_id) byTeam.set(r.team_id, r.policy_id);
  }
  return people.map(
    (p) => byEmployee.get(p.id) ?? (p.teamId ? byTeam.get(p.teamId) : undefined) ?? first?.id,
  );
}

/**
 * Puts each employee's declared 专项附加扣除 of the month (sum of the declarations in force) into their inputs, noted
 * kind by kind. A month whose imported data also gives a different 专项附加扣除 for the same employee is refused:
 * one of the two has to go.
 */
async function applyDeclaredDeductions(
  ctx: ServiceContext,
  period: string,
  people: readonly Person[],
  employees: EmployeeInput[],
): Promise<void> {
  const rows = await ctx.store.db
    .selectFrom("employee_deductions")
    .select(["employee_id", "kind", "monthly_amount", "from_month"])
    .where("tenant_id", "=", ctx.tenantId)
    .where("from_month", "<=", period)
    .where((eb) => eb.or([eb("to_month", "is", null), eb("to_month", ">=", period)]))
    .orderBy("kind")
    .execute();
  if (rows.length === 0) return;
  const byEmployee = new Map<string, typeof rows>();
  for (const r of rows) byEmployee.set(r.employee_id, [...(byEmployee.get(r.employee_id) ?? []), r]);
  const conflicts: { zh: string; en: string }[] = [];
  people.forEach((p, i) => {
    const declared = byEmployee.get(p.id);
    if (!declared) return;
    const e = employees[i]!;
    const total = declared.reduce((s, d) => s.add(Dec.parse(d.monthly_amount)), Dec.ZERO).toFixed(2);
    const imported = (e.values.专项附加扣除 ?? "").trim();
    if (imported !== "" && !Dec.parse(imported).eq(Dec.parse(total))) {
      conflicts.push({
        zh: `${p.employeeNo} ${p.name}：申报合计 ${total}，导入的数据为 ${imported}`,
        en: `${p.employeeNo}: declared ${total}, imported ${imported}`,
      });
      return;
    }
    e.values = { ...e.values, 专项附加扣除: total };
    e.notes = {
      ...e.notes,
      专项附加扣除: `员工申报：${declared.map((d) => `${d.kind} ${d.monthly_amount}（${d.from_month} 起）`).join(" + ")}`,
    };
  });
  if (conflicts.length > 0)
    throw new AppError(
      "RUN_NOT_READY",
      `${conflicts.length} 名员工的专项附加扣除既有申报又有不同的导入值：请删去导入文件中的该列或更正申报`,
      `${conflicts.length} employee(s) have a declared 专项附加扣除 and a different imported one; keep one`,
      conflicts,
    );
}
