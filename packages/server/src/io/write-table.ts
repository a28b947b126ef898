/**
 * Writes a result table as .csv (UTF-8 with BOM, CRLF), .xlsx (bold frozen header, money format) or .json,
 * atomically, escaping text that Excel would run as a formula.
 * @example await writeTable("结果.xlsx", { headers: ["姓名", "实发"], rows: [["张三", "8000.5"]], numericColumns: new Set(["实发"]) })
 */

import { extname } from "node:path";
import ExcelJS from "exceljs";
import { writeFileAtomic } from "./atomic-write.js";
import { escapeText } from "./escape-cell.js";
import { displayWidth } from "./text-width.js";

export type WriteTableInput = { headers: string[]; rows: string[][]; numericColumns?: Set<string> };

/** A failed write, with a bilingual message; `cause` holds the underlying error. */
export class TableWriteError extends Error {
  readonly file: string;
  readonly zh: string;
  readonly en: string;
  constructor(file: string, zh: string, en: string, cause?: unknown) {
    super(en, cause === undefined ? undefined : { cause });
    this.name = "TableWriteError";
    this.file = file;
    this.zh = zh;
    this.en = en;
  }
}

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;
const MONEY_DECIMAL = /^-?\d+(\.\d{1,2})?$/;
/** Characters XML 1.0 cannot hold; exceljs would write them and Excel would call the file corrupt. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/**
 * Prefixes `'` to text Excel would treat as a formula (starting with = + - @ tab or CR); plain decimals such as
 * "-5" are left alone since they cannot run anything.
 * @example escapeFormula("=1+1") === "'=1+1"
 */
export function escapeFormula(text: string): string {
  return PLAIN_DECIMAL.test(text) ? text : escapeText(text);
}

/**
 * The number to store in a money cell, or undefined when the text should stay text (not a decimal with at most
 * 2 places, or more than 15 significant digits, which Excel cannot hold exactly).
 * @example moneyNumber("1005.5") === 1005.5
 */
export function moneyNumber(text: string): number | undefined {
  if (!MONEY_DECIMAL.test(text)) return undefined;
  if (text.replace(/^-?0*/, "").replace(".", "").length > 15) return undefined;
  return Number(text);
}

function normalizeRows(table: WriteTableInput): string[][] {
  const width = table.headers.length;
  return table.rows.map((row, i) => {
    if (row.length > width) {
      throw new RangeError(`writeTable: row ${i} has ${row.length} cells but there are ${width} headers`);
    }
    return row.length === width ? row : [...row, ...Array<string>(width - row.length).fill("")];
  });
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function toCsv(table: WriteTableInput, rows: string[][]): string {
  const numeric = table.headers.map((h) => table.numericColumns?.has(h) ?? false);
  const lines = [table.headers.map((h) => csvField(escapeFormula(h))).join(",")];
  for (const row of rows) {
    lines.push(
      row
        .map((cell, i) => csvField(numeric[i] && PLAIN_DECIMAL.test(cell) ? cell : escapeFormula(cell)))
        .join(","),
    );
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** JSON text built by hand so that header order is kept even for integer-like names such as "2024". */
function toJson(table: WriteTableInput, rows: string[][]): string {
  if (new Set(table.headers).size !== table.headers.length) {
    throw new RangeError("writeTable: duplicate header names cannot be written as JSON objects");
  }
  if (rows.length === 0) return "[]\n";
  const objects = rows.map((row) => {
    if (table.headers.length === 0) return "  {}";
    const fields = table.headers.map((h, i) => `    ${JSON.stringify(h)}: ${JSON.stringify(row[i] ?? "")}`);
    return `  {\n${fields.join(",\n")}\n  }`;
  });
  return `[\n${objects.join(",\n")}\n]\n`;
}

async function toXlsx(table: WriteTableInput, rows: string[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Sheet1", { views: [{ state: "frozen", ySplit: 1 }] });
  const numeric = table.headers.map((h) => table.numericColumns?.has(h) ?? false);
  const widths = table.headers.map((h) => displayWidth(h));
  const header = sheet.getRow(1);
  table.headers.forEach((h, i) => {
    header.getCell(i + 1).value = escapeFormula(h).replace(XML_INVALID, "");
  });
  header.font = { bold: true };
  rows.forEach((row, r) => {
    const xlsxRow = sheet.getRow(r + 2);
    row.forEach((text, c) => {
      if (text === "") return;
      const cell = xlsxRow.getCell(c + 1);
      const n = numeric[c] ? moneyNumber(text) : undefined;
      if (n === undefined) {
        cell.value = escapeFormula(text).replace(XML_INVALID, "");
        widths[c] = Math.max(widths[c] ?? 0, displayWidth(String(cell.value)));
      } else {
        cell.value = n;
        cell.numFmt = "#,##0.00";
        const shown = n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
        widths[c] = Math.max(widths[c] ?? 0, shown.length);
      }
    });
  });
  widths.forEach((w, i) => {
    sheet.getColumn(i + 1).width = Math.min(60, Math.max(8, w + 2));
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

function describeWriteError(path: string, e: unknown): TableWriteError {
  const code = typeof e === "object" && e !== null && "code" in e ? String(e.code) : "";
  const detail = e instanceof Error ? e.message : String(e);
  if (code === "ENOENT" || code === "ENOTDIR") {
    return new TableWriteError(
      path,
      `无法写入 ${path}：所在文件夹不存在`,
      `Cannot write ${path}: the folder does not exist`,
      e,
    );
  }
  if (code === "EBUSY" || code === "EPERM" || code === "EACCES") {
    return new TableWriteError(
      path,
      `无法写入 ${path}：没有权限，或文件正被 Excel 等程序打开（请关闭后重试）`,
      `Cannot write ${path}: permission denied, or the file is open in Excel or another program (close it and retry)`,
      e,
    );
  }
  if (code === "EISDIR") {
    return new TableWriteError(
      path,
      `无法写入 ${path}：这是一个文件夹`,
      `Cannot write ${path}: it is a folder`,
      e,
    );
  }
  return new TableWriteError(path, `无法写入 ${path}：${detail}`, `Cannot write ${path}: ${detail}`, e);
}

/**
 * Writes the table by extension (.csv, .xlsx, .json) via a temporary file and rename; throws
 * {@link TableWriteError} (with zh/en messages) when the file cannot be written.
 * @example await writeTable("结果.csv", { headers: ["姓名"], rows: [["张三"]] })
 */
export async function writeTable(path: string, table: WriteTableInput): Promise<void> {
  const ext = extname(path).toLowerCase();
  if (ext !== ".csv" && ext !== ".xlsx" && ext !== ".json") {
    const shown = extname(path);
    throw new TableWriteError(
      path,
      `不支持的输出文件类型${shown ? `“${shown}”` : "（无扩展名）"}：${path}。请使用 .csv、.xlsx 或 .json`,
      `Unsupported output file type ${shown ? `"${shown}"` : "(no extension)"}: ${path}. Use .csv, .xlsx or .json`,
    );
  }
  const rows = normalizeRows(table);
  const data =
    ext === ".csv" ? toCsv(table, rows) : ext === ".json" ? toJson(table, rows) : await toXlsx(table, rows);
  try {
    await writeFileAtomic(path, data);
  } catch (e: unknown) {
    throw describeWriteError(path, e);
  }
}
