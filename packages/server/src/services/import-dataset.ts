/**
 * Imports one period's input file (attendance, KPI, orders …): every row is checked against the policy version
 * in force — known and unique 工号, each input cell parsed with the engine's own input rules (type, range,
 * allowed values, required) — and stored all-or-nothing with its checksum. The same file (checksum) twice is
 * refused; unknown columns are a warning and are not stored. A different file of a kind the period already holds
 * is refused unless `replace` is set: then the old dataset(s) of that kind are replaced in one transaction and the
 * result lists what changed (rows added, removed, changed cells). A period with an approved run takes no import.
 * @example await importDataset(ctx, { period: "2026-08", kind: "attendance", file: "考勤.xlsx", rows })
 */

import { createHash, randomUUID } from "node:crypto";
import { CellError, periodContext } from "@xinsuan/core";
import { createStore, type Dataset, type DatasetKind, type DatasetRow } from "@xinsuan/store";
import { AppError, type Msg } from "../app-error.js";
import { authorize } from "../auth/authorize.js";
import type { ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";
import type { RosterRow } from "./import-employees.js";
import { policiesForPeriod } from "./policy-for-period.js";

/** What to import. `checksum` is the file's sha256 when known; otherwise computed from the rows. @example const d: DatasetImport = { period: "2026-08", kind: "kpi", file: "kpi.csv", rows } */
export type DatasetImport = {
  period: string;
  kind: DatasetKind;
  file: string;
  rows: readonly RosterRow[];
  headers?: readonly string[];
  checksum?: string;
  /** Replace the period's dataset(s) of this kind (all-or-nothing) instead of refusing. */
  replace?: boolean;
};

/** One changed cell of a re-imported dataset. @example const c: CellChange = { employeeNo: "E1", column: "出勤天数", before: "20", after: "21" } */
export type CellChange = { employeeNo: string; column: string; before: string; after: string };

/**
 * What a replacement changed, against the replaced dataset(s): 工号 added and removed, changed cells. Lists keep
 * the first DIFF_LIMIT entries; the counts are complete.
 * @example const d: DatasetDiff = { added: ["E3"], addedCount: 1, removed: [], removedCount: 0, cells: [], cellCount: 0, replaced: ["考勤.csv"] }
 */
export type DatasetDiff = {
  replaced: string[];
  added: string[];
  addedCount: number;
  removed: string[];
  removedCount: number;
  cells: CellChange[];
  cellCount: number;
};

/** The stored dataset, the warnings (unknown columns) and, for a replacement, what changed. @example const { dataset, warnings } = await importDataset(ctx, d) */
export type ImportDatasetResult = { dataset: Dataset; warnings: Msg[]; diff?: DatasetDiff };

/** How many added/removed 工号 and changed cells a diff lists. @example DIFF_LIMIT === 50 */
export const DIFF_LIMIT = 50;

const KIND_ZH: Record<DatasetKind, string> = {
  attendance: "考勤",
  kpi: "绩效",
  orders: "订单",
  scores: "评分",
  claims: "申报",
  other: "其他",
};

/** Run states after which a period's inputs are frozen. */
const FROZEN = new Set(["approved", "paid", "locked"]);

function diffRows(
  replaced: string[],
  before: readonly DatasetRow[],
  after: readonly DatasetRow[],
): DatasetDiff {
  const diff: DatasetDiff = {
    replaced,
    added: [],
    addedCount: 0,
    removed: [],
    removedCount: 0,
    cells: [],
    cellCount: 0,
  };
  const old = new Map<string, Record<string, string>>();
  for (const r of before) old.set(r.employeeNo, { ...old.get(r.employeeNo), ...r.values });
  const next = new Set(after.map((r) => r.employeeNo));
  for (const r of after) {
    const prev = old.get(r.employeeNo);
    if (!prev) {
      if (diff.addedCount++ < DIFF_LIMIT) diff.added.push(r.employeeNo);
      continue;
    }
    for (const column of new Set([...Object.keys(prev), ...Object.keys(r.values)])) {
      const b = prev[column] ?? "";
      const a = r.values[column] ?? "";
      if (a !== b && diff.cellCount++ < DIFF_LIMIT)
        diff.cells.push({ employeeNo: r.employeeNo, column, before: b, after: a });
    }
  }
  for (const no of old.keys()) if (!next.has(no) && diff.removedCount++ < DIFF_LIMIT) diff.removed.push(no);
  return diff;
}

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
  authorize(ctx, "datasets.import");
  const { store, tenantId, actor } = ctx;
  const period = periodContext(d.period);
  if (!period)
    throw new AppError(
      "USAGE",
      `期间“${d.period}”格式不对，应为 YYYY-MM`,
      `period "${d.period}" must be YYYY-MM`,
    );
  const runs = await storeCall(() => store.runs.listRuns(tenantId, d.period));
  const frozen = runs.find((r) => FROZEN.has(r.status));
  if (frozen)
    throw new AppError(
      "RUN_IMMUTABLE",
      `${d.period} 的算薪已审批（状态 ${frozen.status}），不能再导入数据；更正请走补发/补扣调整`,
      `the ${d.period} run is ${frozen.status}; no import is accepted for the period (record an adjustment instead)`,
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
  const sameKind = (await storeCall(() => store.datasets.listDatasets(tenantId, d.period))).filter(
    (x) => x.kind === d.kind,
  );
  if (sameKind.length > 0 && !d.replace) {
    const names = sameKind.map((x) => `“${x.fileName}”（${x.rowCount} 行，${x.importedAt}）`).join("、");
    throw new AppError(
      "DUPLICATE_IMPORT",
      `${d.period} 已有${KIND_ZH[d.kind]}数据（${d.kind}）：${names}，未导入；要用新文件替换，请加 --replace（整体替换，并列出改动）`,
      `${d.period} already holds a ${d.kind} dataset (${sameKind.map((x) => x.fileName).join(", ")}); nothing imported. To replace it, add --replace`,
    );
  }
  // Each row is checked against the inputs of the policy that pays its employee (a company may have several).
  const { all, byEmployee } = await storeCall(() => policiesForPeriod(ctx, d.period));
  const inputsOf = new Map(
    all.map((p) => [p, new Map(p.compiled.nodes.filter((n) => n.kind === "input").map((n) => [n.name, n]))]),
  );
  const anyInput = new Set(all.flatMap((p) => [...inputsOf.get(p)!.keys()]));
  const warnings: Msg[] = [];
  const columns: string[] = [];
  for (const h of headers) {
    if (anyInput.has(h)) columns.push(h);
    else if (!KNOWN_EXTRA.has(h))
      warnings.push({
        zh: `${d.file}：“${h}”列不是方案的输入，已忽略`,
        en: `${d.file}: column "${h}" is not an input of the policy; ignored`,
      });
  }
  if (!headers.includes("工号"))
    throw new AppError(
      "INPUT_INVALID",
      `${d.file} 第1行（表头）缺少必需的“工号”列，未导入任何数据`,
      `${d.file} row 1 (the header): the required column "工号" is missing; nothing was imported`,
      warnings,
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
    const policy = byEmployee.get(no) ?? all[0]!;
    const inputs = inputsOf.get(policy)!;
    for (const col of columns) {
      if (!inputs.has(col)) continue; // an input of another policy: nothing for this employee's
      const text = (r.cells[col] ?? "").trim();
      const def = policy.compiled.doc.inputs[col];
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
  if (sameKind.length > 0) return replaceDatasets(ctx, d, checksum, sameKind, stored, warnings);
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

/** Deletes the period's datasets of the kind and stores the new one, with its audit entry, in ONE transaction. */
async function replaceDatasets(
  ctx: ServiceContext,
  d: DatasetImport,
  checksum: string,
  old: readonly Dataset[],
  stored: readonly DatasetRow[],
  warnings: Msg[],
): Promise<ImportDatasetResult> {
  const { store, tenantId, actor } = ctx;
  const before: DatasetRow[] = [];
  for (const x of old) before.push(...(await storeCall(() => store.datasets.listRows(tenantId, x.id))));
  const diff = diffRows(
    old.map((x) => x.fileName),
    before,
    stored,
  );
  const oldIds = old.map((x) => x.id);
  const dataset = await storeCall(() =>
    store.db.transaction().execute(async (trx) => {
      const period = await createStore(trx, store.cipher).datasets.ensurePeriod(tenantId, d.period);
      await trx
        .deleteFrom("dataset_rows")
        .where("tenant_id", "=", tenantId)
        .where("dataset_id", "in", oldIds)
        .execute();
      await trx.deleteFrom("datasets").where("tenant_id", "=", tenantId).where("id", "in", oldIds).execute();
      const row = {
        id: randomUUID(),
        tenant_id: tenantId,
        period_id: period.id,
        kind: d.kind,
        file_name: d.file,
        checksum,
        row_count: stored.length,
        imported_at: new Date().toISOString(),
      };
      await trx.insertInto("datasets").values(row).execute();
      for (let i = 0; i < stored.length; i += 500) {
        await trx
          .insertInto("dataset_rows")
          .values(
            stored.slice(i, i + 500).map((r) => ({
              tenant_id: tenantId,
              dataset_id: row.id,
              row_number: r.rowNumber,
              employee_no: r.employeeNo,
              values_json: JSON.stringify(r.values),
            })),
          )
          .execute();
      }
      await createStore(trx, store.cipher).audit.append(tenantId, {
        actor,
        action: "dataset.replace",
        entity: "dataset",
        entityId: row.id,
        before: old.map((x) => ({ id: x.id, file: x.fileName, rows: x.rowCount, checksum: x.checksum })),
        after: {
          period: d.period,
          kind: d.kind,
          file: d.file,
          rows: stored.length,
          checksum,
          added: diff.addedCount,
          removed: diff.removedCount,
          changedCells: diff.cellCount,
        },
      });
      const result: Dataset = {
        id: row.id,
        periodId: row.period_id,
        kind: row.kind,
        fileName: row.file_name,
        checksum,
        rowCount: row.row_count,
        importedAt: row.imported_at,
      };
      return result;
    }),
  );
  return { dataset, warnings, diff };
}
