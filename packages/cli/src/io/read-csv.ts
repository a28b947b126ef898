/**
 * Reads the rows of a CSV file's bytes (UTF-8 with or without BOM, or GBK/GB18030) as trimmed cell texts.
 * @example readCsvGrid("a.csv", bytes).grid[0]?.cells
 */
import { parse } from "csv-parse/sync";
import { decodeText } from "./decode-text.js";
import { csvSyntax } from "./table-errors.js";
import type { GridRow, TableError } from "./table-types.js";

export type GridResult = { grid: GridRow[]; errors: TableError[]; fatal: boolean };

function errorField(e: unknown, key: string): unknown {
  return typeof e === "object" && e !== null && key in e ? (e as Record<string, unknown>)[key] : undefined;
}

/**
 * Parses CSV bytes into rows numbered as Excel shows them (a quoted multi-line cell stays in one row).
 * @example readCsvGrid("a.csv", new TextEncoder().encode("工号\nA001\n")).grid.length === 2
 */
export function readCsvGrid(file: string, bytes: Uint8Array): GridResult {
  const text = decodeText(bytes);
  let records: string[][];
  try {
    records = parse(text, {
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      trim: false,
    });
  } catch (e: unknown) {
    const code = errorField(e, "code");
    const records = errorField(e, "records");
    const message = e instanceof Error ? e.message : String(e);
    if (typeof code !== "string" || !code.startsWith("CSV_")) throw e;
    const row = typeof records === "number" ? records + 1 : 1;
    return { grid: [], errors: [csvSyntax(file, row, code, message)], fatal: true };
  }
  const grid = records.map((cells, i) => ({ rowNumber: i + 1, cells: cells.map((c) => c.trim()) }));
  return { grid, errors: [], fatal: false };
}
