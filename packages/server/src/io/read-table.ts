/**
 * Reads a user's table (.csv, .xlsx or .json) into trimmed strings, or returns every problem found, in Chinese and
 * English. Never throws for a bad user file.
 * @example const r = await readTable("考勤.xlsx"); if (!r.ok) for (const e of r.errors) console.error(e.zh);
 */
import { readFile, stat } from "node:fs/promises";
import { extname } from "node:path";
import { buildTable } from "./build-table.js";
import { type GridResult, readCsvGrid } from "./read-csv.js";
import { readJsonTable } from "./read-json.js";
import { readXlsxGrid } from "./read-xlsx.js";
import { fileTooLarge, notAFile, notFound, readFailed, unsupportedExtension } from "./table-errors.js";
import type { TableReadResult } from "./table-types.js";

export type { Table, TableError, TableReadResult, TableRow } from "./table-types.js";

const SUPPORTED = new Set([".csv", ".xlsx", ".json"]);

/** The largest user file read (50 MB), checked from the file's size before any byte is read. @example MAX_TABLE_BYTES === 52428800 */
export const MAX_TABLE_BYTES = 50 * 1024 * 1024;

/** Options of `readTable`. `maxBytes` lowers or raises the size limit (default MAX_TABLE_BYTES). @example const o: ReadTableOptions = { maxBytes: 1024 } */
export type ReadTableOptions = { maxBytes?: number };

function errnoCode(e: unknown): string | undefined {
  if (typeof e !== "object" || e === null || !("code" in e)) return undefined;
  return typeof e.code === "string" ? e.code : undefined;
}

async function readBytes(path: string, maxBytes: number): Promise<{ bytes: Uint8Array } | TableReadResult> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return { ok: false, errors: [notAFile(path)] };
    if (info.size > maxBytes) return { ok: false, errors: [fileTooLarge(path, info.size, maxBytes)] };
    return { bytes: await readFile(path) };
  } catch (e: unknown) {
    const code = errnoCode(e);
    if (code === "ENOENT" || code === "ENOTDIR") return { ok: false, errors: [notFound(path)] };
    return { ok: false, errors: [readFailed(path, e instanceof Error ? e.message : String(e))] };
  }
}

/**
 * Reads a table by file extension: .csv (UTF-8 or GBK), .xlsx (first worksheet) or .json (array of flat objects).
 * @example const r = await readTable("工资.csv"); if (r.ok) console.log(r.table.headers);
 */
export async function readTable(path: string, options: ReadTableOptions = {}): Promise<TableReadResult> {
  if (typeof path !== "string" || path === "")
    throw new TypeError("readTable: path must be a non-empty string");
  const read = await readBytes(path, options.maxBytes ?? MAX_TABLE_BYTES);
  if (!("bytes" in read)) return read;
  return readTableBytes(path, read.bytes);
}

/**
 * Reads a table from bytes already in memory (an upload), by the extension of `name`, which also names the file
 * in every error message.
 * @example const r = await readTableBytes("考勤.xlsx", bytes)
 */
export async function readTableBytes(name: string, bytes: Uint8Array): Promise<TableReadResult> {
  const ext = extname(name).toLowerCase();
  if (!SUPPORTED.has(ext)) return { ok: false, errors: [unsupportedExtension(name, extname(name))] };
  if (ext === ".json") return readJsonTable(name, bytes);
  const grid: GridResult = ext === ".csv" ? readCsvGrid(name, bytes) : await readXlsxGrid(name, bytes);
  if (grid.fatal) return { ok: false, errors: grid.errors };
  return buildTable(name, grid.grid, grid.errors);
}
