/**
 * The workspace dashboard of a period (default: the latest period with a finished run): headcount, 应发 / 实发
 * totals, the employer's cost (应发 plus the employer side of social insurance and housing fund), the average
 * net pay, the figures per team, each employee's net pay against the policy's first scorecard total (null when
 * the policy has none) and the trend of the last six finished runs. Amounts are decimal text, summed exactly.
 * A company without any finished run gets an empty dashboard (period null).
 * @example const d = await buildDashboard(ctx, {}); d.byTeam[0]!.net
 */

import { Dec } from "@xinsuan/core";
import { AppError } from "../app-error.js";
import { authorize } from "../auth/authorize.js";
import type { ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";
import { readDashboardValues } from "./dashboard-values.js";
import { type ExportData, loadExportData } from "./export-data.js";
import { loadPeriodRuns } from "./list-periods.js";
import { requirePeriodText } from "./show-period.js";

/** Figures of one team. @example const t: TeamFigures = { team: "客服1组", headcount: 20, gross: "160000.00", net: "130000.00" } */
export type TeamFigures = { team: string; headcount: number; gross: string; net: string };

/** One point of the scatter. @example const p: ScatterPoint = { employeeNo: "E001", name: "张三", team: "客服1组", score: "86.00", net: "6520.30" } */
export type ScatterPoint = {
  employeeNo: string;
  name: string;
  team: string;
  score: string | null;
  net: string;
};

/** One month of the trend. @example const t: TrendPoint = { period: "2026-09", headcount: 60, gross: "480000.00", net: "400000.00" } */
export type TrendPoint = { period: string; headcount: number; gross: string; net: string };

/** The dashboard. @example const d: Dashboard = await buildDashboard(ctx, { period: "2026-09" }) */
export type Dashboard = {
  /** The period shown; null when the company has no finished run yet. */
  period: string | null;
  status: string | null;
  headcount: number;
  gross: string;
  net: string;
  employerCost: string;
  averageNet: string;
  /** The scorecard the scatter uses, or null. */
  scorecard: string | null;
  byTeam: TeamFigures[];
  scatter: ScatterPoint[];
  trend: TrendPoint[];
};

const TREND_RUNS = 6;

const EMPTY: Dashboard = {
  period: null,
  status: null,
  headcount: 0,
  gross: "0.00",
  net: "0.00",
  employerCost: "0.00",
  averageNet: "0.00",
  scorecard: null,
  byTeam: [],
  scatter: [],
  trend: [],
};

/** The exact sum of one register column over some rows (2 places). */
function columnSum(d: ExportData, rows: ExportData["rows"], name: string): Dec {
  const k = d.columns.findIndex((c) => c.name === name);
  const places = d.columns[k]?.line?.places;
  if (k < 0 || places === undefined) return Dec.ZERO;
  let sum = 0n;
  for (const r of rows) sum += BigInt(r.units[k]!);
  return Dec.fromCoefficient(sum, places);
}

function teamsOf(d: ExportData): TeamFigures[] {
  const out: TeamFigures[] = [];
  for (let i = 0; i < d.rows.length; ) {
    const team = d.rows[i]!.team;
    let j = i;
    while (j < d.rows.length && d.rows[j]!.team === team) j++;
    const block = d.rows.slice(i, j);
    out.push({
      team,
      headcount: block.length,
      gross: columnSum(d, block, "应发工资").toFixed(2),
      net: columnSum(d, block, "实发工资").toFixed(2),
    });
    i = j;
  }
  return out;
}

/**
 * Builds the dashboard of `period`, or of the latest period with a finished run (dashboard.read).
 * @example const { trend, scatter } = await buildDashboard(ctx, { period: "2026-10" })
 */
export async function buildDashboard(ctx: ServiceContext, o: { period?: string }): Promise<Dashboard> {
  authorize(ctx, "dashboard.read");
  if (o.period !== undefined) requirePeriodText(o.period);
  const { store, tenantId } = ctx;
  const finished = (await loadPeriodRuns(ctx)).filter((p) => p.current && p.current.status !== "draft");
  const at = o.period === undefined ? finished.length - 1 : finished.findIndex((p) => p.period === o.period);
  if (at < 0) {
    if (o.period === undefined) return EMPTY;
    throw new AppError(
      "NOT_FOUND",
      `${o.period} 还没有完成的算薪，无可展示的数据`,
      `no finished run of ${o.period} to show`,
    );
  }
  const chosen = finished[at]!;
  const d = await loadExportData(ctx, { period: chosen.period, draft: true });
  const totals = await storeCall(() => store.runs.totals(tenantId, d.run.id));
  const values = readDashboardValues(d);
  const netAt = d.columns.findIndex((c) => c.name === "实发工资");
  const headcount = d.rows.length;
  const net = Dec.parse(totals.net);
  const trend: TrendPoint[] = [];
  for (const p of finished.slice(Math.max(0, at + 1 - TREND_RUNS), at + 1)) {
    const run = p.current!;
    const t = await storeCall(() => store.runs.totals(tenantId, run.id));
    trend.push({ period: p.period, headcount: t.payslips, gross: t.gross, net: t.net });
  }
  return {
    period: chosen.period,
    status: d.run.status,
    headcount,
    gross: totals.gross,
    net: totals.net,
    employerCost: Dec.parse(totals.gross).add(values.employerContributions).toFixed(2),
    averageNet: headcount === 0 ? "0.00" : net.div(Dec.fromInt(headcount)).toFixed(2),
    scorecard: values.scorecard,
    byTeam: teamsOf(d),
    scatter: d.rows.map((r) => {
      const cell = r.cells[netAt];
      return {
        employeeNo: r.employeeNo,
        name: r.name,
        team: r.team,
        score: values.scores.get(r.employeeNo) ?? null,
        net: cell && "amount" in cell ? cell.amount : "0.00",
      };
    }),
    trend,
  };
}
