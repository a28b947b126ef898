/**
 * ECharts options of the dashboard: cost by team (bar), pay vs score (scatter) and the 6-month trend (line).
 * Amounts arrive as decimal strings; they become numbers only to be plotted, never for arithmetic.
 * @example const o = teamBarOption(d, t);
 */
import type { Dashboard } from "../../api/types-hr";
import type { ChartOption } from "../../components/echart";
import { formatMoney, formatPeriod } from "../../components/format";
import type { Lang, TFunction } from "../../i18n";

/** A decimal string as a plot coordinate (display only). @example plotValue("8250.50") === 8250.5 */
export function plotValue(value: string | null): number | null {
  if (value === null) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** Text made safe for the HTML of an ECharts tooltip. @example escapeHtml("<b>") === "&#60;b&#62;" */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const axisMoney = { type: "value", axisLabel: { formatter: (v: number) => v.toLocaleString("en-US") } };

/** Gross and net per team as grouped bars. @example teamBarOption(d, t).series */
export function teamBarOption(d: Dashboard, t: TFunction): ChartOption {
  return {
    tooltip: {
      trigger: "axis",
      valueFormatter: (v: unknown) => (typeof v === "number" ? formatMoney(v.toFixed(2)) : String(v)),
    },
    legend: { top: 0, data: [t("dashboard.gross"), t("dashboard.net")] },
    grid: { left: 8, right: 16, bottom: 8, top: 40, containLabel: true },
    xAxis: { type: "category", data: d.byTeam.map((b) => b.team) },
    yAxis: axisMoney,
    series: [
      { name: t("dashboard.gross"), type: "bar", data: d.byTeam.map((b) => plotValue(b.gross)) },
      { name: t("dashboard.net"), type: "bar", data: d.byTeam.map((b) => plotValue(b.net)) },
    ],
  };
}

/** Net pay against score, one series per team. @example scatterOption(d, t).series.length */
export function scatterOption(d: Dashboard, t: TFunction): ChartOption {
  const teams = [...new Set(d.scatter.map((s) => s.team || t("dashboard.noTeam")))];
  const scoreName = d.scorecard || t("dashboard.score");
  return {
    tooltip: {
      trigger: "item",
      formatter: (p: { data: [number, number, string, string] }) =>
        `${escapeHtml(t("payslip.employee", { name: p.data[2], no: p.data[3] }))}<br/>${escapeHtml(scoreName)}: ${p.data[0]}<br/>${t("dashboard.net")}: ${formatMoney(p.data[1].toFixed(2))}`,
    },
    legend: { top: 0, data: teams },
    grid: { left: 8, right: 24, bottom: 24, top: 48, containLabel: true },
    xAxis: { type: "value", name: scoreName, nameLocation: "middle", nameGap: 26, scale: true },
    yAxis: { ...axisMoney, name: t("dashboard.net"), scale: true },
    series: teams.map((team) => ({
      name: team,
      type: "scatter",
      symbolSize: 9,
      data: d.scatter
        .filter((s) => (s.team || t("dashboard.noTeam")) === team && s.score !== null)
        .map((s) => [plotValue(s.score), plotValue(s.net), s.name, s.employeeNo]),
    })),
  };
}

/** Gross, net (left axis) and headcount (right axis) over the last runs. @example trendOption(d, t, "zh-CN") */
export function trendOption(d: Dashboard, t: TFunction, lang: Lang): ChartOption {
  return {
    tooltip: { trigger: "axis" },
    legend: { top: 0, data: [t("dashboard.gross"), t("dashboard.net"), t("dashboard.headcount")] },
    grid: { left: 8, right: 8, bottom: 8, top: 40, containLabel: true },
    xAxis: { type: "category", data: d.trend.map((p) => formatPeriod(p.period, lang)) },
    yAxis: [axisMoney, { type: "value", minInterval: 1, splitLine: { show: false } }],
    series: [
      { name: t("dashboard.gross"), type: "line", data: d.trend.map((p) => plotValue(p.gross)) },
      { name: t("dashboard.net"), type: "line", data: d.trend.map((p) => plotValue(p.net)) },
      {
        name: t("dashboard.headcount"),
        type: "bar",
        yAxisIndex: 1,
        barWidth: 18,
        itemStyle: { opacity: 0.35 },
        data: d.trend.map((p) => p.headcount),
      },
    ],
  };
}
