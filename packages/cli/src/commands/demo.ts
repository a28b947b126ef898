/**
 * `npm start` / `xinsuan demo`: generates a fake demo company (3 teams, 60 agents) on the welfare-6tier
 * template, computes January to October 2026 month by month (carrying the tax ledger and team thresholds), and
 * prints October's register summary by team and one explained payslip.
 * @example xinsuan demo
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  checkPolicyText,
  type EmployeeInput,
  type PayrollRun,
  type PriorState,
  runPayroll,
} from "@xinsuan/core";
import { generateCompany, withDemoBasePay } from "@xinsuan/server/io";
import { AppError } from "../app-error.js";
import { TEMPLATES_DIR } from "../templates.js";
import { printExplained, printTeamSummary, printWarnings } from "./print-run.js";

const PERIOD = "2026-10";

/** Runs the demo payroll in the terminal. */
export async function runDemo(print: (s: string) => void): Promise<void> {
  const file = join(TEMPLATES_DIR, "welfare-6tier", "policy.yaml");
  const check = checkPolicyText(
    withDemoBasePay(readFileSync(file, "utf8")),
    "templates/welfare-6tier/policy.yaml",
  );
  if (!check.compiled)
    throw new AppError("POLICY_INVALID", "演示方案无法编译", "demo policy does not compile");
  const { rows } = generateCompany({ agents: 60, teamSize: 20, period: PERIOD, seed: 2026 });
  const employees: EmployeeInput[] = rows.map((values, i) => ({
    values,
    source: { file: "演示数据", row: i + 2 },
  }));
  // Earlier months reuse October's figures for everyone hired by then: enough to build a real tax ledger.
  let prior: PriorState | undefined;
  let run: PayrollRun | undefined;
  for (let month = 1; month <= 10; month++) {
    const period = `2026-${String(month).padStart(2, "0")}`;
    const staff = employees.filter((e) => (e.values.入职日期 ?? "") <= `${period}-31`);
    const result = runPayroll(check.compiled, { period, employees: staff, ...(prior ? { prior } : {}) });
    if (!result.ok) throw new AppError("CALC_FAILED", result.problem.zh, result.problem.en);
    run = result.run;
    prior = run.nextState;
  }
  if (!run) throw new Error("the demo computes at least one month");
  print(
    `薪算 xinsuan 演示：示例公司（虚构数据）· 模板 welfare-6tier「${check.compiled.doc.name}」，底薪调到 2026 年上海水平 · ${PERIOD}`,
  );
  print("");
  printTeamSummary(run, print);
  print("");
  printWarnings(run, print, 5);
  printExplained(run, 0, print);
  print("");
  print("接下来可以试试：");
  print("  npx xinsuan templates                              列出内置模板");
  print("  npx xinsuan template export welfare-6tier ./my     导出模板和示例输入");
  print(
    "  npx xinsuan calc --policy welfare-6tier --inputs ./my/sample.csv --period 2026-10 --state ./my/state-2026-09.json --explain K106",
  );
  print("  npx xinsuan check ./my/policy.yaml                 检查方案");
}
