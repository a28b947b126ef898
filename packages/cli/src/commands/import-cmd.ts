/**
 * `xinsuan import employees <file>` and `xinsuan import dataset <file> --period --kind [--replace]`: thin over the
 * services. The file (.csv/.xlsx/.json, at most 50 MB) is read by the server's table reader; every bad row is
 * printed with file, row, column and reason; nothing is written on any error (exit code from the AppError table).
 * @example xinsuan import dataset 考勤.xlsx --period 2026-08 --kind attendance
 */

import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import {
  AppError,
  type DatasetImport,
  type ImportDatasetResult,
  importDataset,
  importEmployees,
  importLedger,
  type Msg,
  readTable,
  type Table,
} from "@xinsuan/server";
import { cliLang } from "../cli-lang.js";
import { checkPeriod, contextFor, type WorkspaceOptions, withStore } from "./workspace.js";

type Print = (s: string) => void;
type Kind = DatasetImport["kind"];

/** The dataset kinds `--kind` accepts. @example DATASET_KIND_NAMES.includes("kpi") */
export const DATASET_KIND_NAMES: readonly Kind[] = [
  "attendance",
  "kpi",
  "orders",
  "scores",
  "claims",
  "other",
];

/** Options of the import commands; `maxBytes` lowers the size limit (tests). @example const o: ImportOptions = { db: "sqlite:x.db" } */
export type ImportOptions = WorkspaceOptions & { maxBytes?: number };

/** Reads the file, or throws INPUT_INVALID with every reading problem. Returns the table and the file's sha256. */
async function readInput(file: string, o: ImportOptions): Promise<{ table: Table; checksum: string }> {
  const r = await readTable(file, o.maxBytes === undefined ? {} : { maxBytes: o.maxBytes });
  if (!r.ok) {
    throw new AppError(
      "INPUT_INVALID",
      `${file} 无法导入（${r.errors.length} 处问题），未写入任何数据`,
      `${file} cannot be imported (${r.errors.length} problem(s)); nothing was written`,
      r.errors.map((e) => ({ zh: e.zh, en: e.en })),
    );
  }
  const checksum = createHash("sha256")
    .update(await readFile(file))
    .digest("hex");
  return { table: r.table, checksum };
}

function printWarnings(warnings: readonly Msg[], print: Print): void {
  const lang = cliLang();
  for (const w of warnings) print(lang === "zh" ? `提醒：${w.zh}` : `warning: ${w.en}`);
}

/** `xinsuan import employees <file>`. */
export async function runImportEmployees(file: string, o: ImportOptions, print: Print): Promise<void> {
  const { table } = await readInput(file, o);
  await withStore(o, async (store) => {
    const ctx = await contextFor(store, o);
    const r = await importEmployees(ctx, { file: basename(file), rows: table.rows, headers: table.headers });
    print(
      `员工表 ${basename(file)} 已导入：${table.rows.length} 行，新增 ${r.created} 人，更新 ${r.updated} 人，新建团队 ${r.teamsCreated} 个`,
    );
    printWarnings(r.warnings, print);
  });
}

/** Prints what a replacement changed: at most DIFF_LIMIT entries of each list, with the full counts. */
function printDiff(r: ImportDatasetResult, print: Print): void {
  const d = r.diff;
  if (!d) return;
  print(`已替换：${d.replaced.join("、")}`);
  print(`改动：新增 ${d.addedCount} 行，删除 ${d.removedCount} 行，修改 ${d.cellCount} 个单元格`);
  const more = (shown: number, total: number) =>
    total > shown ? `（仅列出前 ${shown} 项，共 ${total} 项）` : "";
  if (d.addedCount > 0) print(`  新增工号：${d.added.join("、")}${more(d.added.length, d.addedCount)}`);
  if (d.removedCount > 0)
    print(`  删除工号：${d.removed.join("、")}${more(d.removed.length, d.removedCount)}`);
  if (d.cellCount > 0) {
    print(`  修改的单元格${more(d.cells.length, d.cellCount)}：`);
    for (const c of d.cells)
      print(
        `    ${c.employeeNo} “${c.column}”：${c.before === "" ? "（空）" : c.before} → ${c.after === "" ? "（空）" : c.after}`,
      );
  }
}

/** `xinsuan import dataset <file> --period YYYY-MM --kind … [--replace]`. */
export async function runImportDataset(
  file: string,
  o: ImportOptions & { period: string; kind: string; replace?: boolean },
  print: Print,
): Promise<void> {
  checkPeriod(o.period);
  if (!DATASET_KIND_NAMES.includes(o.kind as Kind))
    throw new AppError(
      "USAGE",
      `--kind “${o.kind}”不对，可选：${DATASET_KIND_NAMES.join("、")}`,
      `--kind must be one of ${DATASET_KIND_NAMES.join(", ")}`,
    );
  const { table, checksum } = await readInput(file, o);
  await withStore(o, async (store) => {
    const ctx = await contextFor(store, o);
    const r = await importDataset(ctx, {
      period: o.period,
      kind: o.kind as Kind,
      file: basename(file),
      rows: table.rows,
      headers: table.headers,
      checksum,
      replace: Boolean(o.replace),
    });
    print(
      `${o.period} ${o.kind} 数据 ${r.dataset.fileName} 已${r.diff ? "替换导入" : "导入"}：${r.dataset.rowCount} 行（校验和 ${checksum.slice(0, 12)}）`,
    );
    printDiff(r, print);
    printWarnings(r.warnings, print);
  });
}

/** `xinsuan import ledger <file> --period YYYY-MM`: the year-to-date tax ledger as of a month (mid-year start). */
export async function runImportLedger(
  file: string,
  o: ImportOptions & { period: string },
  print: Print,
): Promise<void> {
  checkPeriod(o.period);
  const { table } = await readInput(file, o);
  await withStore(o, async (store) => {
    const ctx = await contextFor(store, o);
    const r = await importLedger(ctx, {
      period: o.period,
      file: basename(file),
      rows: table.rows,
      headers: table.headers,
    });
    print(
      `已导入 ${o.period} 的个税累计台账：${r.employees} 名员工（个税年度 ${o.period.slice(0, 4)}），下个月的算薪从这里接着累计`,
    );
  });
}
