/**
 * Imports one period's input file (attendance, KPI, orders …): every row is checked against the policy version
 * in force — known and unique 工号, each input cell parsed with the engine's own input rules (type, range,
 * allowed values, required) — and stored all-or-nothing with its checksum. The same file (checksum) twice is
 * refused; unknown columns are a warning and are not stored.
 * @example await importDataset(ctx, { period: "2026-08", kind: "attendance", file: "考勤.xlsx", rows })
 */

import { createHash } from "node:crypto";
import { CellError, periodContext } from "@xinsuan/core";
import type { Dataset, DatasetKind, DatasetRow } from "@xinsuan/store";
import { AppError, type Msg } from "../app-error.js";
import type { ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";
import type { RosterRow } from "./import-employees.js";
import { policyForPeriod } from "./policy-for-period.js";

/** What to import. `checksum` is the file's sha256 when known; otherwise computed from the rows. @example const d: DatasetImport = { period: "2026-08", kind: "kpi", file: "kpi.csv", rows } */
export type DatasetImport = {
  period: string;
  kind: DatasetKind;
  file: string;
  rows: readonly RosterRow[];
  headers?: readonly string[];
  checksum?: string;
};

/** The stored dataset and the warnings (unknown columns). @example const { dataset, warnings } = await importDataset(ctx, d) */
export type ImportDatasetResult = { dataset: Dataset; warnings: Msg[] };

/** Columns a dataset may carry besides the policy's inputs (姓名 is for the reader and is not stored). */
const KNOWN_EXTRA = new Set(["工号", "姓名"]);

function rowsChecksum(headers: readonly string[], rows: readonly RosterRow[]): string {
  const h = createHash("sha256");
  h.update(JSON.stringify(headers));
  for (const r of rows) h.update(JSON.stringify(headers.map((c) => r.cells[c] ?? "")));
  return h.digest("hex");
}

/**
 * Validates and stores a dataset; throws INPUT_INVALID with every bad row, DUPLICATE_IMPORT for a file already
 * imported into the period.
 * @example const { dataset } = await importDataset(ctx, { period, kind: "attendance", file, rows })
 */
export async function importDataset(ctx: ServiceContext, d: DatasetImport): Promise<ImportDatasetResult> {
  const { store, tenantId, actor } = ctx;
  const period = periodContext(d.period);
  if (!period)
    throw new AppError(
      "USAGE",
      `期间“${d.period}”格式不对，应为 YYYY-MM`,
      `period "${d.period}" must be YYYY-MM`,
    );
  const headers = d.headers ?? [...new Set(d.rows.flatMap((r) => Object.keys(r.cells)))];
  const checksum = d.checksum ?? rowsChecksum(headers, d.rows);
  const already = await storeCall(() => store.datasets.findByChecksum(tenantId, d.period, checksum));
  if (already) {
    throw new AppError(
      "DUPLICATE_IMPORT",
      `该文件已于 ${already.importedAt} 导入 ${d.period}（“${already.fileName}”，${already.rowCount} 行），未重复导入`,
      `this file was already imported into ${d.period} at ${already.importedAt} ("${already.fileName}"); not imported again`,
    );
  }
  const { compiled } = await storeCall(() => policyForPeriod(ctx, d.period));
  const inputs = new Map(compiled.nodes.filter((n) => n.kind === "input").map((n) => [n.name, n]));
  const warnings: Msg[] = [];
  const columns: string[] = [];
  for (const h of headers) {
    if (inputs.has(h)) columns.push(h);
    else if (!KNOWN_EXTRA.has(h))
      warnings.push({
        zh: `${d.file}：“${h}”列不是方案的输入，已忽略`,
        en: `${d.file}: column "${h}" is not an input of the policy; ignored`,
      });
  }
  if (!headers.includes("工号"))
    throw new AppError(
      "INPUT_INVALID",
      `${d.file}：缺少“工号”列，未导入`,
      `${d.file}: the 工号 column is missing`,
    );
  const known = new Set(
    (
      await storeCall(() =>
        store.db.selectFrom("employees").select("employee_no").where("tenant_id", "=", tenantId).execute(),
      )
    ).map((r) => r.employee_no),
  );
  const problems: Msg[] = [];
  const seen = new Map<string, number>();
  const bad = (row: number, col: string, zh: string, en: string) =>
    problems.push({
      zh: `${d.file} 第${row}行 “${col}”列：${zh}`,
      en: `${d.file} row ${row}, column "${col}": ${en}`,
    });
  const stored: DatasetRow[] = [];
  for (const r of d.rows) {
    const no = (r.cells.工号 ?? "").trim();
    if (!no) bad(r.rowNumber, "工号", "缺少工号", "missing employee number");
    else if (seen.has(no))
      bad(r.rowNumber, "工号", `工号“${no}”与第${seen.get(no)}行重复`, `${no} repeats row ${seen.get(no)}`);
    else if (!known.has(no)) bad(r.rowNumber, "工号", `没有工号为“${no}”的员工`, `no employee ${no}`);
    if (no && !seen.has(no)) seen.set(no, r.rowNumber);
    const values: Record<string, string> = {};
    for (const col of columns) {
      const text = (r.cells[col] ?? "").trim();
      const def = compiled.doc.inputs[col];
      if (text === "") {
        if (def && def.required === true && !def.fallback)
          bad(r.rowNumber, col, "缺少必填值", "a value is required");
        continue;
      }
      try {
        // A non-blank cell is parsed by the engine's own input rule (type, range, allowed values); nothing else runs.
        inputs
          .get(col)!
          .evaluate(undefined as never, { values: { [col]: text }, prior: () => undefined, period });
        values[col] = text;
      } catch (e) {
        if (!(e instanceof CellError)) throw e;
        bad(r.rowNumber, col, e.zh.replace(/^“[^”]*”列[：]?/, ""), e.en.replace(/^column "[^"]*":? ?/, ""));
      }
    }
    stored.push({ rowNumber: r.rowNumber, employeeNo: no, values });
  }
  if (d.rows.length === 0) problems.push({ zh: `${d.file}：没有数据行`, en: `${d.file}: no data rows` });
  if (problems.length > 0) {
    throw new AppError(
      "INPUT_INVALID",
      `${d.file} 有 ${problems.length} 处问题，未导入任何数据`,
      `${d.file} has ${problems.length} problem(s); nothing was imported`,
      problems,
    );
  }
  return storeCall(async () => {
    const dataset = await store.datasets.insertDataset(tenantId, {
      period: d.period,
      kind: d.kind,
      fileName: d.file,
      checksum,
      rows: stored,
    });
    await store.audit.append(tenantId, {
      actor,
      action: "dataset.import",
      entity: "dataset",
      entityId: dataset.id,
      after: { period: d.period, kind: d.kind, file: d.file, rows: dataset.rowCount, checksum },
    });
    return { dataset, warnings };
  });
}
