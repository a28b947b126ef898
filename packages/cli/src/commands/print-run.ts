/**
 * Terminal output: the register with totals, and an explained payslip.
 * @example printRegister(run, console.log)
 */
import {
  countWarnings,
  Dec,
  explainPayslip,
  listWarnings,
  type PayrollRun,
  summarizeRun,
} from "@xinsuan/core";
import { formatTerminalTable } from "@xinsuan/server/io";
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
    for (const n of l.notes ?? []) print(`      ※ ${n}`);
    for (const r of l.refs) print(`      · ${r.label} = ${r.value}（${r.source}）`);
  }
  for (const w of listWarnings(run, { index }))
    print(`  ⚠ ${w.check}：${w.zh}${w.ref ? `（依据：${w.ref}）` : ""}`);
  if (ex.details.length > 0) {
    print("  其中用到的中间值：");
    for (const d of ex.details) {
      print(`  ${d.sentence}`);
      if (d.description) print(`      说明：${d.description}`);
    }
  }
}

/** Prints headcount and totals by team, then the company total. */
export function printTeamSummary(run: PayrollRun, print: (s: string) => void): void {
  const width = run.columns.length;
  const cols = ["应发工资", "扣款合计", "实发工资"].map((name) =>
    run.columns.findIndex((c) => c.name === name),
  );
  const teams = run.groups.keys[0]!;
  const sums = teams.map(() => ({ count: 0, values: cols.map(() => 0n) }));
  run.employees.forEach((_, i) => {
    if (run.errors[i]) return;
    const t = sums[run.groups.of[0]![i]!]!;
    t.count++;
    cols.forEach((k, j) => {
      t.values[j] = t.values[j]! + BigInt(run.units[i * width + k]!);
    });
  });
  const fmt = (v: bigint) => Dec.fromCoefficient(v, 2).toFixed(2);
  const rows = teams.map((name, g) => [
    name || "（未分组）",
    String(sums[g]!.count),
    ...sums[g]!.values.map(fmt),
  ]);
  const s = summarizeRun(run);
  rows.push([
    "合计",
    String(s.count - s.errors),
    ...["应发工资", "扣款合计", "实发工资"].map((n) => s.totals.get(n)!.toFixed(2)),
  ]);
  print(`工资表汇总（${run.policy.doc.name} · ${run.period.period}）`);
  print(formatTerminalTable(["团队", "人数", "应发工资", "扣款合计", "实发工资"], rows));
  if (s.errors > 0) print(`另有 ${s.errors} 人数据有误，未计入合计`);
}

/** Warnings never stop a run: a count per check, then the first few employees with the reason. */
export function printWarnings(run: PayrollRun, print: (s: string) => void, limit = 10): void {
  const counts = [...countWarnings(run)].filter(([, n]) => n > 0);
  if (counts.length === 0) return;
  print(`提醒（不影响计算，请复核）：${counts.map(([name, n]) => `${name} ${n} 人`).join("，")}`);
  const shown = listWarnings(run, { limit });
  for (const w of shown)
    print(`  ${w.姓名}（${w.工号}）${w.check}：${w.zh}${w.ref ? `（依据：${w.ref}）` : ""}`);
  const total = counts.reduce((s, [, n]) => s + n, 0);
  if (total > shown.length) print(`  ……另有 ${total - shown.length} 条，用 --explain 工号 查看单人`);
}
