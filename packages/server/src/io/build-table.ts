/**
 * Turns raw rows of cell texts (header in row 1) into a {@link Table}, checking the header and row widths.
 * @example buildTable("a.csv", [{ rowNumber: 1, cells: ["工号"] }, { rowNumber: 2, cells: ["A001"] }], [])
 */
import {
  columnLetter,
  duplicateColumnName,
  emptyColumnName,
  emptyFile,
  extraCells,
  headerRowEmpty,
  noDataRows,
} from "./table-errors.js";
import type { GridRow, TableError, TableReadResult, TableRow } from "./table-types.js";

function isEmptyRow(cells: string[]): boolean {
  return cells.every((c) => c === "");
}

function lastNonEmpty(cells: string[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (cells[i] !== "") return i;
  return -1;
}

/**
 * Sets an own property even for the name "__proto__", which plain assignment would swallow.
 * @example setCell(cells, "__proto__", "x")
 */
export function setCell(cells: Record<string, string>, name: string, value: string): void {
  if (name === "__proto__") {
    Object.defineProperty(cells, name, { value, enumerable: true, writable: true, configurable: true });
  } else cells[name] = value;
}

/** Checks header names; returns the errors found (empty names in the middle, duplicates). */
function checkHeaders(file: string, headers: string[]): TableError[] {
  const errors: TableError[] = [];
  const seen = new Map<string, string[]>();
  headers.forEach((name, i) => {
    const letter = columnLetter(i + 1);
    if (name === "") {
      errors.push(emptyColumnName(file, letter));
      return;
    }
    const letters = seen.get(name);
    if (letters) letters.push(letter);
    else seen.set(name, [letter]);
  });
  for (const [name, letters] of seen) {
    if (letters.length > 1) errors.push(duplicateColumnName(file, name, letters));
  }
  return errors;
}

/**
 * Builds the table from rows of trimmed cell texts; `cellErrors` (e.g. formulas without results) are merged into
 * the result, sorted by row.
 * @example buildTable("a.csv", rows, []).ok
 */
export function buildTable(file: string, grid: GridRow[], cellErrors: TableError[]): TableReadResult {
  const nonEmpty = grid.filter((r) => !isEmptyRow(r.cells));
  if (nonEmpty.length === 0) {
    return { ok: false, errors: cellErrors.length > 0 ? cellErrors : [emptyFile(file)] };
  }
  const headerRow = grid.find((r) => r.rowNumber === 1);
  if (!headerRow || isEmptyRow(headerRow.cells)) {
    return { ok: false, errors: [headerRowEmpty(file), ...cellErrors] };
  }
  const headers = headerRow.cells.slice(0, lastNonEmpty(headerRow.cells) + 1);
  const errors: TableError[] = [...checkHeaders(file, headers), ...cellErrors];
  const rows: TableRow[] = [];
  const protoHeader = headers.includes("__proto__");
  for (const r of nonEmpty) {
    if (r.rowNumber === 1) continue;
    const last = lastNonEmpty(r.cells);
    if (last >= headers.length) {
      const firstExtra = r.cells.findIndex((c, i) => i >= headers.length && c !== "");
      errors.push(extraCells(file, r.rowNumber, columnLetter(firstExtra + 1), headers.length));
      continue;
    }
    const cells: Record<string, string> = {};
    const src = r.cells;
    for (let i = 0; i < headers.length; i++) {
      if (protoHeader) setCell(cells, headers[i]!, src[i] ?? "");
      else cells[headers[i]!] = src[i] ?? "";
    }
    rows.push({ rowNumber: r.rowNumber, cells });
  }
  if (rows.length === 0 && !errors.some((e) => e.row !== undefined && e.row > 1)) {
    errors.push(noDataRows(file));
  }
  if (errors.length > 0) {
    const order = (e: TableError): number => e.row ?? Number.MAX_SAFE_INTEGER;
    return { ok: false, errors: errors.sort((a, b) => order(a) - order(b)) }; // stable: keeps header-check order
  }
  return { ok: true, table: { file, headers, rows } };
}
