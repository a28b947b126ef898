/**
 * The register (工资表) as a table of text cells, and the checks an input table must pass before a run:
 * required columns present, 工号 unique.
 * @example registerTable(run).headers // ["工号", "姓名", "基本工资", …, "实发工资"]
 */
import { type CompiledPolicy, formatUnits, type PayrollRun } from "@xinsuan/core";
import type { Table } from "@xinsuan/server/io";
import { AppError, type Msg } from "../app-error.js";

/** Throws AppError naming the file and the columns or rows at fault. */
export function validateHeaders(policy: CompiledPolicy, table: Table): void {
  const problems: Msg[] = [];
  const have = new Set(table.headers);
  const required = ["工号", "姓名"];
  for (const [name, def] of Object.entries(policy.doc.inputs)) {
    if (def.required || (def.default === undefined && !def.fallback)) required.push(name);
  }
  for (const col of required) {
    if (!have.has(col)) {
      problems.push({
        zh: `${table.file}：缺少必需的列“${col}”`,
        en: `${table.file}: required column "${col}" is missing`,
      });
    }
  }
  const seen = new Map<string, number>();
  for (const r of table.rows) {
    const id = (r.cells.工号 ?? "").trim();
    if (!id) continue;
    const first = seen.get(id);
    if (first !== undefined)
      problems.push({
        zh: `${table.file} 第${r.rowNumber}行 “工号”列：工号“${id}”与第${first}行重复`,
        en: `${table.file} row ${r.rowNumber}, column "工号": ${id} repeats row ${first}`,
      });
    else seen.set(id, r.rowNumber);
  }
  if (problems.length > 0) {
    throw new AppError(
      "INPUT_INVALID",
      `输入文件 ${table.file} 有 ${problems.length} 处问题，未计算`,
      `input file ${table.file} has ${problems.length} problem(s)`,
      problems,
    );
  }
}

/** Register rows: amounts as decimal text with the column's places (2 for money). */
export function registerTable(run: PayrollRun): {
  headers: string[];
  rows: string[][];
  numeric: Set<string>;
} {
  const headers = run.policy.register;
  const width = run.columns.length;
  const colIndex = new Map(run.columns.map((c, k) => [c.name, k]));
  const numeric = new Set(headers.filter((h) => colIndex.has(h)));
  const index = headers.map((h) => colIndex.get(h) ?? -1);
  const places = index.map((k) => (k < 0 ? 0 : run.columns[k]!.places));
  const decimals = places.map((p) => Math.max(p, 2));
  const units = run.units;
  const rows: string[][] = new Array(run.employees.length);
  for (let i = 0; i < rows.length; i++) {
    const values = run.employees[i]!.values;
    const row: string[] = new Array(headers.length);
    for (let c = 0; c < headers.length; c++) {
      const k = index[c]!;
      row[c] =
        k < 0
          ? String(values[headers[c]!] ?? "")
          : formatUnits(units[i * width + k]!, places[c]!, decimals[c]!);
    }
    rows[i] = row;
  }
  return { headers, rows, numeric };
}
