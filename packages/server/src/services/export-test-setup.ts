/**
 * Test set-up shared by the export tests: the demo company in an in-memory SQLite store, one employee renamed to
 * a formula, 2026-08 calculated and approved, 2026-09 calculated only; plus xlsx/CSV readers for assertions.
 * @example const w = await openExportWorkspace(); await exportRegister(w.ctx, { period: "2026-08" })
 */

import ExcelJS from "exceljs";
import { openServerStore, type ServerStore, type ServiceContext } from "../context.js";
import { approveRun } from "./approve-run.js";
import { loadDemoCompany } from "./load-demo-company.js";
import { runPayrollService } from "./run-payroll.js";

/** The name given to the first employee: a formula an unescaped export would run. */
export const EVIL_NAME = '=HYPERLINK("http://evil.example","点我")';

/** The workspace. @example const { ctx, store, evilNo } = await openExportWorkspace() */
export type ExportWorkspace = { store: ServerStore; ctx: ServiceContext; evilNo: string };

/**
 * Opens the store and prepares the demo company (about a second).
 * @example const w = await openExportWorkspace()
 */
export async function openExportWorkspace(): Promise<ExportWorkspace> {
  const store = await openServerStore("sqlite::memory:", { ephemeralKey: true });
  const demo = await loadDemoCompany(store, "hr:test");
  const ctx: ServiceContext = { store, tenantId: demo.tenantId, actor: "hr:test" };
  const [first] = await store.employees.list(ctx.tenantId, { limit: 1 });
  await store.employees.update(ctx.tenantId, first!.employeeNo, { name: EVIL_NAME });
  await runPayrollService(ctx, { period: "2026-08" });
  await approveRun(ctx, { period: "2026-08" });
  await runPayrollService(ctx, { period: "2026-09" });
  return { store, ctx, evilNo: first!.employeeNo };
}

/** A cell as the test compares it: text, a number, or null when empty. */
export type CellValue = string | number | null;

/**
 * Every row of a sheet as plain values (rows without cells come back empty).
 * @example const rows = sheetRows(workbook.getWorksheet("工资表")!)
 */
export function sheetRows(sheet: ExcelJS.Worksheet): CellValue[][] {
  const out: CellValue[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: CellValue[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const v = row.getCell(c).value;
      cells.push(typeof v === "number" || typeof v === "string" ? v : null);
    }
    while (cells.length > 0 && cells.at(-1) === null) cells.pop();
    out.push(cells);
  }
  return out;
}

/**
 * Loads xlsx bytes.
 * @example const wb = await readWorkbook(bytes)
 */
export async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

/**
 * Parses CSV text (RFC 4180 quoting) into rows of fields.
 * @example parseCsv('a,"b,c"\r\n') // [["a", "b,c"]]
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += ch;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}
