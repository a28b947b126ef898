/**
 * Terminal output: the register with totals, and an explained payslip.
 * @example printRegister(run, console.log)
 */
import { explainPayslip, type PayrollRun, summarizeRun } from "@xinsuan/core";
import { formatTerminalTable } from "../io/format-terminal-table.js";
import { registerTable } from "./register.js";

/** Prints the register table and its totals. */
export function printRegister(run: PayrollRun, print: (s: string) => void, maxRows = 50): void {
  const t = registerTable(run);
  const s = summarizeRun(run);
  const rows = t.rows.slice(0, maxRows);
  const totalRow = t.headers.map((h, i) => (i === 0 ? "合计" : (s.totals.get(h)?.toFixed(2) ?? "")));
  print(`${run.policy.doc.name} · ${run.period.period} · ${s.count} 人`);
  print(formatTerminalTable(t.headers, [...rows, totalRow]));
  if (t.rows.length > maxRows) print(`（只显示前 ${maxRows} 行，共 ${t.rows.length} 行；用 --out 写出全部）`);
}

/** Prints one employee's explained payslip. */
export function printExplained(run: PayrollRun, index: number, print: (s: string) => void): void {
  const ex = explainPayslip(run, index);
  print("");
  print(`工资条 · ${ex.姓名}（${ex.工号}）· ${ex.period} · ${ex.policy}`);
  for (const l of ex.lines) {
    print(`  ${l.sentence}${l.note ? `（${l.note}）` : ""}`);
    if (l.description) print(`      说明：${l.description}`);
    for (const r of l.refs) print(`      · ${r.label} = ${r.value}（${r.source}）`);
  }
  if (ex.details.length > 0) {
    print("  其中用到的中间值：");
    for (const d of ex.details) {
      print(`  ${d.sentence}`);
      if (d.description) print(`      说明：${d.description}`);
    }
  }
}
