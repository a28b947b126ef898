/**
 * Reads the first worksheet of an .xlsx file as rows of trimmed cell texts, as Excel would display them.
 * @example await readXlsxGrid("工资.xlsx", bytes)
 */
import ExcelJS from "exceljs";
import { booleanText, dateText, excelNumberText } from "./cell-text.js";
import type { GridResult } from "./read-csv.js";
import { cellErrorValue, columnLetter, formulaWithoutResult, xlsxUnreadable } from "./table-errors.js";
import type { GridRow, TableError } from "./table-types.js";

type CellText = { text: string } | { noResult: string } | { errorValue: string };

function field(obj: object, key: string): unknown {
  return (obj as Record<string, unknown>)[key];
}

/**
 * The text of an exceljs cell value (string, number, boolean, Date, rich text, hyperlink, formula, error).
 * @example xlsxValueText({ formula: "A1*2", result: 0.2 }) // { text: "0.2" }
 */
export function xlsxValueText(value: unknown): CellText {
  if (value === null || value === undefined) return { text: "" };
  if (typeof value === "string") return { text: value.trim() };
  if (typeof value === "number") return { text: excelNumberText(value) };
  if (typeof value === "boolean") return { text: booleanText(value) };
  if (value instanceof Date) return { text: Number.isNaN(value.getTime()) ? "" : dateText(value) };
  if (typeof value !== "object") return { text: String(value).trim() };
  const richText = field(value, "richText");
  if (Array.isArray(richText)) {
    const parts = richText.map((p: unknown) =>
      typeof p === "object" && p !== null ? String(field(p, "text") ?? "") : "",
    );
    return { text: parts.join("").trim() };
  }
  if ("formula" in value || "sharedFormula" in value) {
    const result = field(value, "result");
    if (result === undefined) {
      const formula = field(value, "formula") ?? field(value, "sharedFormula");
      return { noResult: typeof formula === "string" ? formula : "" };
    }
    return xlsxValueText(result);
  }
  const error = field(value, "error");
  if (typeof error === "string") return { errorValue: error };
  if ("text" in value) return xlsxValueText(field(value, "text"));
  return { text: "" };
}

/**
 * Loads the workbook and converts its first worksheet; merged cells other than the top-left one are "".
 * @example (await readXlsxGrid("a.xlsx", bytes)).grid
 */
export async function readXlsxGrid(file: string, bytes: Uint8Array): Promise<GridResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch (e: unknown) {
    const detail = e instanceof Error ? e.message : String(e);
    return { grid: [], errors: [xlsxUnreadable(file, detail)], fatal: true };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { grid: [], errors: [], fatal: false };
  const grid: GridRow[] = [];
  const errors: TableError[] = [];
  let headers: string[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.getCell(c);
      if (cell.isMerged && cell.master.address !== cell.address) {
        cells.push("");
        continue;
      }
      const t = xlsxValueText(cell.value);
      if ("text" in t) {
        cells.push(t.text);
        continue;
      }
      cells.push("");
      const name = rowNumber === 1 ? undefined : headers[c - 1] || undefined;
      const letter = columnLetter(c);
      errors.push(
        "noResult" in t
          ? formulaWithoutResult(file, rowNumber, letter, name, t.noResult)
          : cellErrorValue(file, rowNumber, letter, name, t.errorValue),
      );
    }
    if (rowNumber === 1) headers = cells;
    grid.push({ rowNumber, cells });
  });
  return { grid, errors, fatal: false };
}
