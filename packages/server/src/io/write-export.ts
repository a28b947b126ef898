/**
 * Writers for the export documents (register, 工资条): a small sheet model — rows of text cells and amount cells
 * with a role (title, header, data, subtotal, total, blank) — rendered as xlsx (exceljs: frozen rows, bold
 * headers and totals, amounts as numbers with '#,##0.00') or as CSV (UTF-8 with BOM, CRLF). Text is escaped
 * against formula injection (escape-cell.ts); amounts are numbers and never escaped.
 * @example const bytes = await exportXlsx([{ name: "工资表", rows: [{ role: "header", cells: [{ text: "姓名" }] }] }])
 */

import ExcelJS from "exceljs";
import { csvField, xlsxText } from "./escape-cell.js";
import { displayWidth } from "./text-width.js";

/**
 * A cell: text, or an amount as decimal text with the places to show (at least 2), or empty.
 * @example const c: ExportCell = { amount: "1234.50", places: 2 }
 */
export type ExportCell = { text: string } | { amount: string; places: number } | null;

/** What a row is, which sets its style. @example const r: RowRole = "subtotal" */
export type RowRole = "title" | "header" | "data" | "subtotal" | "total" | "blank" | "note";

/** One row of a sheet. @example const r: ExportRow = { role: "data", cells: [{ text: "张三" }] } */
export type ExportRow = { role: RowRole; cells: ExportCell[] };

/**
 * A sheet: its name, rows, and how many top rows stay frozen when scrolling.
 * @example const s: ExportSheet = { name: "工资表", rows, freezeRows: 2 }
 */
export type ExportSheet = {
  name: string;
  rows: ExportRow[];
  freezeRows?: number;
  /** Thin lines around every header and data cell (工资条: where to cut). */
  boxed?: boolean;
};

const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * The Excel number format for an amount shown with `places` decimals.
 * @example numberFormat(2) === "#,##0.00"
 */
export function numberFormat(places: number): string {
  return places <= 0 ? "#,##0" : `#,##0.${"0".repeat(places)}`;
}

/** The number for an amount cell, or undefined when Excel cannot hold it exactly (over 15 significant digits). */
function amountNumber(amount: string): number | undefined {
  if (!DECIMAL.test(amount)) return undefined;
  if (amount.replace(/^-?0*/, "").replace(".", "").replace(/0+$/, "").length > 15) return undefined;
  return Number(amount);
}

/** Characters of an amount as '#,##0.00…' shows it (Intl formatting per cell is far too slow for big sheets). */
function shownWidth(amount: string, places: number): number {
  const digits = amount.replace(/^-/, "").split(".")[0]!.length;
  return (
    (amount.startsWith("-") ? 1 : 0) + digits + Math.floor((digits - 1) / 3) + (places > 0 ? places + 1 : 0)
  );
}

const BOLD_ROLES: ReadonlySet<RowRole> = new Set(["title", "header", "subtotal", "total"]);

function fillSheet(sheet: ExcelJS.Worksheet, s: ExportSheet): void {
  const widths: number[] = [];
  const grow = (c: number, w: number) => {
    widths[c] = Math.max(widths[c] ?? 0, w);
  };
  s.rows.forEach((row, r) => {
    const xr = sheet.getRow(r + 1);
    row.cells.forEach((cell, c) => {
      if (cell === null) return;
      const xc = xr.getCell(c + 1);
      if ("text" in cell) {
        xc.value = xlsxText(cell.text);
        if (row.role !== "title" && row.role !== "note") grow(c, displayWidth(String(xc.value)));
        return;
      }
      const n = amountNumber(cell.amount);
      const places = Math.max(2, cell.places);
      if (n === undefined) {
        xc.value = cell.amount;
        xc.alignment = { horizontal: "right" };
      } else {
        xc.value = n;
        xc.numFmt = numberFormat(places);
      }
      grow(c, shownWidth(cell.amount, places));
    });
    if (BOLD_ROLES.has(row.role)) xr.font = { bold: true, ...(row.role === "title" ? { size: 14 } : {}) };
    const boxed = s.boxed === true && (row.role === "header" || row.role === "data");
    if (boxed || row.role === "header" || row.role === "subtotal" || row.role === "total") {
      const thin = { style: "thin" } as const;
      row.cells.forEach((_, c) => {
        xr.getCell(c + 1).border = boxed
          ? { top: thin, bottom: thin, left: thin, right: thin }
          : { top: thin, bottom: thin };
      });
    }
  });
  for (let c = 0; c < widths.length; c++) {
    sheet.getColumn(c + 1).width = Math.min(40, Math.max(8, (widths[c] ?? 0) + 2));
  }
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, "_").slice(0, 31) || "Sheet1";
}

/**
 * The sheets as an xlsx workbook's bytes.
 * @example const bytes = await exportXlsx([{ name: "工资表", rows, freezeRows: 2 }])
 */
export async function exportXlsx(sheets: readonly ExportSheet[], title?: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "xinsuan";
  if (title) workbook.title = title;
  for (const s of sheets) {
    const sheet = workbook.addWorksheet(sheetName(s.name), {
      views: s.freezeRows ? [{ state: "frozen", ySplit: s.freezeRows }] : [],
      pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    fillSheet(sheet, s);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * One sheet as CSV bytes: UTF-8 with a BOM (so Excel reads Chinese correctly), CRLF line ends, blank rows kept.
 * @example new TextDecoder("utf-8", { ignoreBOM: true }).decode(exportCsv({ name: "x", rows: [{ role: "data", cells: [{ text: "=1" }] }] })) === "\uFEFF'=1\r\n"
 */
export function exportCsv(sheet: ExportSheet): Uint8Array {
  const lines = sheet.rows.map((row) => row.cells.map((c) => (c === null ? "" : csvField(c))).join(","));
  return new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}\r\n`);
}
