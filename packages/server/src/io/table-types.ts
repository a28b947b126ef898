/**
 * Shapes shared by the table readers: a table of trimmed strings, or bilingual errors naming file, row and column.
 * @example const row: TableRow = { rowNumber: 2, cells: { 工号: "A001" } };
 */

/**
 * One data row. `rowNumber` is 1-based as the user sees it: for CSV/xlsx the header is row 1, so data starts at 2;
 * for JSON it is the 1-based position of the object in the array.
 */
export type TableRow = { rowNumber: number; cells: Record<string, string> };

export type Table = { file: string; headers: string[]; rows: TableRow[] };

/**
 * A problem with a user file. `column` is the column's header name when it has one, otherwise its letter ("C").
 * `zh` and `en` are complete sentences that already name the file, row and column.
 */
export type TableError = { file: string; row?: number; column?: string; zh: string; en: string };

export type TableReadResult = { ok: true; table: Table } | { ok: false; errors: TableError[] };

/** A raw row of trimmed cell texts before headers are applied; `rowNumber` is 1-based. */
export type GridRow = { rowNumber: number; cells: string[] };
