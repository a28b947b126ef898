/**
 * `xinsuan calc`: reads a policy and an input table, runs payroll for a period and writes the register, or
 * prints it; `--explain 工号` prints that employee's explained payslip. Nothing is written when anything fails.
 * @example xinsuan calc --policy grade-tier-structure --inputs sample.csv --period 2026-10 --out register.xlsx
 */
import { existsSync, readFileSync } from "node:fs";
import {
  type EmployeeInput,
  formatEmployeeError,
  type PayrollRun,
  type PriorState,
  runPayroll,
  summarizeRun,
} from "@xinsuan/core";
import { readTable, writeFileAtomic, writeTable } from "@xinsuan/server/io";
import { AppError, type Msg } from "../app-error.js";
import { cliLang } from "../cli-lang.js";
import { loadPolicy } from "../load-policy.js";
import { printExplained, printRegister, printWarnings } from "./print-run.js";
import { registerTable, validateHeaders } from "./register.js";

export type CalcOptions = {
  policy: string;
  inputs: string;
  period: string;
  out?: string;
  explain?: string;
  state?: string;
  stateOut?: string;
};

/** Runs the calc command; returns the lines to print. Throws AppError on any failure. */
export async function runCalc(o: CalcOptions, print: (s: string) => void): Promise<void> {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(o.period)) {
    throw new AppError(
      "USAGE",
      `--period “${o.period}”格式不对，应为 YYYY-MM，如 2026-10`,
      `--period must be YYYY-MM`,
    );
  }
  const { compiled, warnings } = loadPolicy(o.policy);
  for (const w of warnings) print(w[cliLang()]);
  const read = await readTable(o.inputs);
  if (!read.ok) {
    throw new AppError(
      "INPUT_INVALID",
      `输入文件 ${o.inputs} 有 ${read.errors.length} 处问题，未计算`,
      `input file ${o.inputs} has ${read.errors.length} problem(s)`,
      read.errors.map((e) => ({ zh: e.zh, en: e.en })),
    );
  }
  const table = read.table;
  validateHeaders(compiled, table);
  const employees: EmployeeInput[] = table.rows.map((r) => ({
    values: r.cells,
    source: { file: table.file, row: r.rowNumber },
  }));
  const prior = o.state ? readState(o.state) : undefined;
  const result = runPayroll(compiled, { period: o.period, employees, ...(prior ? { prior } : {}) });
  if (!result.ok) throw new AppError("INPUT_INVALID", result.problem.zh, result.problem.en);
  const run = result.run;
  if (run.errorCount > 0) {
    const lines: Msg[] = [];
    run.errors.forEach((e, i) => {
      if (e) lines.push({ zh: formatEmployeeError(run, i, "zh"), en: formatEmployeeError(run, i, "en") });
    });
    throw new AppError(
      "CALC_FAILED",
      `${run.errorCount} 名员工的数据有误，未输出工资表（其余 ${employees.length - run.errorCount} 人已算出，改正后重新计算）`,
      `${run.errorCount} employee(s) have bad data; no register was written`,
      lines,
    );
  }
  if (o.explain) {
    const idx = employees.findIndex((e) => (e.values.工号 ?? "").trim() === o.explain);
    if (idx < 0)
      throw new AppError(
        "USAGE",
        `--explain：输入中没有工号“${o.explain}”`,
        `--explain: no employee ${o.explain}`,
      );
  }
  await writeOutputs(run, o);
  if (!o.out) printRegister(run, print);
  else {
    const s = summarizeRun(run);
    print(
      `已写出 ${o.out}：${s.count} 人，应发合计 ${s.totals.get("应发工资")!.toFixed(2)}，实发合计 ${s.totals.get("实发工资")!.toFixed(2)}`,
    );
  }
  printWarnings(run, print);
  if (o.explain)
    printExplained(
      run,
      employees.findIndex((e) => (e.values.工号 ?? "").trim() === o.explain),
      print,
    );
}

async function writeOutputs(run: PayrollRun, o: CalcOptions): Promise<void> {
  try {
    if (o.out) {
      const t = registerTable(run);
      await writeTable(o.out, { headers: t.headers, rows: t.rows, numericColumns: t.numeric });
    }
    if (o.stateOut) await writeFileAtomic(o.stateOut, `${JSON.stringify(run.nextState, null, 2)}\n`);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const zh = typeof e === "object" && e && "zh" in e ? String((e as { zh: unknown }).zh) : msg;
    throw new AppError("OUTPUT_FAILED", `无法写出结果：${zh}`, `cannot write output: ${msg}`);
  }
}

function readState(path: string): PriorState {
  if (!existsSync(path))
    throw new AppError("INPUT_INVALID", `找不到上期状态文件 ${path}`, `state file ${path} not found`);
  try {
    const v: unknown = JSON.parse(readFileSync(path, "utf8"));
    if (typeof v !== "object" || v === null || Array.isArray(v)) throw new Error("not an object");
    return v as PriorState;
  } catch (e) {
    throw new AppError(
      "INPUT_INVALID",
      `上期状态文件 ${path} 不是有效的 JSON 对象`,
      `state file ${path}: ${String(e)}`,
    );
  }
}
