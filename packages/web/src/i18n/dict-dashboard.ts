/**
 * Texts of the 工作台 (dashboard).
 * @example dictDashboard["zh-CN"]["dashboard.netTotal"] === "实发合计"
 */
import type { DictPair } from "./types";

export const dictDashboard: DictPair = {
  "zh-CN": {
    "dashboard.period": "选择月份",
    "dashboard.headcount": "人数",
    "dashboard.gross": "应发",
    "dashboard.net": "实发",
    "dashboard.grossTotal": "应发合计",
    "dashboard.netTotal": "实发合计",
    "dashboard.averageNet": "人均实发",
    "dashboard.employerCost": "单位成本",
    "dashboard.byTeam": "各团队人工成本",
    "dashboard.scatter": "实发与考核得分",
    "dashboard.trend": "近 6 个月趋势",
    "dashboard.score": "得分",
    "dashboard.noTeam": "未分组",
    "dashboard.noScores": "本月没有考核得分",
    "dashboard.noRun": "还没有算薪结果。请先在“算薪”中导入数据并开始算薪",
  },
  "en-US": {
    "dashboard.period": "Month",
    "dashboard.headcount": "Headcount",
    "dashboard.gross": "Gross",
    "dashboard.net": "Net",
    "dashboard.grossTotal": "Total gross",
    "dashboard.netTotal": "Total net",
    "dashboard.averageNet": "Average net",
    "dashboard.employerCost": "Employer cost",
    "dashboard.byTeam": "Pay cost by team",
    "dashboard.scatter": "Net pay vs score",
    "dashboard.trend": "Last 6 months",
    "dashboard.score": "Score",
    "dashboard.noTeam": "No team",
    "dashboard.noScores": "No scores this month",
    "dashboard.noRun": "No payroll results yet. Import data and run payroll under Payroll first",
  },
};
