/**
 * A team's scorecard entries for a period, as its lead enters them: the columns are the policy inputs its
 * scorecard items read directly (such as 主管评分), the rows the team's members employed in the period with the
 * values the period's datasets hold (the latest dataset wins, as in a run). HR sees every team, a lead their own.
 * @example const { columns, rows } = await showTeamScores(ctx, { teamId, period: "2026-10" })
 */

import type { CompiledPolicy, PolicyNode } from "@xinsuan/core";
import type { Employee, Team } from "@xinsuan/store";
import { authorize, authorizeTeam } from "../auth/authorize.js";
import type { ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";
import { requirePeriod } from "./claim-adjust-kit.js";
import { type PeriodPolicy, policiesForPeriod } from "./policy-for-period.js";
import { lastDay } from "./run-load.js";

/** The entry sheet. @example const s: TeamScores = { columns: ["主管评分"], rows: [{ employeeNo: "A0000002", name: "张三", values: { 主管评分: "18" } }] } */
export type TeamScores = {
  columns: string[];
  rows: { employeeNo: string; name: string; values: Record<string, string> }[];
};

/** A team's scores dataset is named after the team and carries its id, so a new save replaces only it. @example teamScoresFile(team).endsWith(`-${team.id}.json`) */
export function teamScoresFile(team: Pick<Team, "id" | "name">): string {
  return `团队评分-${team.name}-${team.id}.json`;
}

/**
 * The inputs a policy's scorecard items read directly: what a lead scores by hand.
 * @example scoreInputs(compiled).map((n) => n.name) // ["主管评分", "加分项数"]
 */
export function scoreInputs(compiled: CompiledPolicy): PolicyNode[] {
  const scores = compiled.nodes.filter((n) => n.kind === "score");
  return compiled.nodes.filter(
    (n) =>
      n.kind === "input" &&
      (compiled.doc.inputs[n.name]?.type === "number" || compiled.doc.inputs[n.name]?.type === "integer") &&
      scores.some((s) => s.deps.includes(n.id) || s.deps.includes(n.name)),
  );
}

/** What the scores of a team and period are checked against. @example const s: TeamSheet = await loadTeamSheet(ctx, teamId, "2026-10") */
export type TeamSheet = {
  team: Team;
  period: string;
  members: Employee[];
  /** The policy that pays each member, by 工号. */
  policyOf: Map<string, PeriodPolicy>;
  columns: string[];
};

/**
 * Checks the caller may enter the team's scores and loads the team, its members in the period and the columns.
 * @example const sheet = await loadTeamSheet(ctx, teamId, "2026-10")
 */
export async function loadTeamSheet(
  ctx: ServiceContext,
  teamId: string,
  periodText: string,
): Promise<TeamSheet> {
  authorize(ctx, "scores.write");
  authorizeTeam(ctx, teamId);
  const { store, tenantId } = ctx;
  const period = requirePeriod(periodText, "期间", "period");
  const team = await storeCall(() => store.teams.get(tenantId, teamId));
  const start = `${period}-01`;
  const end = lastDay(period);
  const members = (await storeCall(() => store.employees.list(tenantId, { teamId, limit: 1_000_000 })))
    .filter(
      (e) => (e.hireDate === null || e.hireDate <= end) && (e.leaveDate === null || e.leaveDate >= start),
    )
    .sort((a, b) => a.employeeNo.localeCompare(b.employeeNo));
  const { all, byEmployee } = await storeCall(() =>
    policiesForPeriod(
      ctx,
      period,
      members.map((m) => m.employeeNo),
    ),
  );
  const policyOf = new Map(members.map((m) => [m.employeeNo, byEmployee.get(m.employeeNo) ?? all[0]!]));
  const columns = [
    ...new Set([...new Set(policyOf.values())].flatMap((p) => scoreInputs(p.compiled).map((n) => n.name))),
  ];
  return { team, period, members, policyOf, columns };
}

/**
 * The period's current values of the given columns for the given 工号, merged over its datasets in import order.
 * @example const values = await periodValues(ctx, "2026-10", ["主管评分"], new Set(["A0000002"]))
 */
export async function periodValues(
  ctx: ServiceContext,
  period: string,
  columns: readonly string[],
  nos: ReadonlySet<string>,
): Promise<Map<string, Record<string, string>>> {
  const { store, tenantId } = ctx;
  const out = new Map<string, Record<string, string>>();
  for (const ds of await storeCall(() => store.datasets.listDatasets(tenantId, period))) {
    for (const r of await storeCall(() => store.datasets.listRows(tenantId, ds.id))) {
      if (!nos.has(r.employeeNo)) continue;
      const values = out.get(r.employeeNo) ?? {};
      for (const c of columns) if (r.values[c] !== undefined) values[c] = r.values[c];
      out.set(r.employeeNo, values);
    }
  }
  return out;
}

/**
 * Shows the sheet.
 * @example await showTeamScores(ctx, { teamId, period: "2026-10" })
 */
export async function showTeamScores(
  ctx: ServiceContext,
  o: { teamId: string; period: string },
): Promise<TeamScores> {
  const sheet = await loadTeamSheet(ctx, o.teamId, o.period);
  const values = await periodValues(
    ctx,
    sheet.period,
    sheet.columns,
    new Set(sheet.members.map((m) => m.employeeNo)),
  );
  return {
    columns: sheet.columns,
    rows: sheet.members.map((m) => ({
      employeeNo: m.employeeNo,
      name: m.name,
      values: values.get(m.employeeNo) ?? {},
    })),
  };
}
