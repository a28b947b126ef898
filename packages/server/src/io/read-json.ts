/**
 * Reads a JSON file holding an array of flat objects (one per row) into a {@link Table}.
 * @example readJsonTable("a.json", new TextEncoder().encode('[{"工号":"A001"}]'))
 */
import { setCell } from "./build-table.js";
import { booleanText, plainNumber } from "./cell-text.js";
import { decodeText } from "./decode-text.js";
import {
  emptyFile,
  invalidJson,
  jsonDuplicateKey,
  jsonElementNotObject,
  jsonEmptyKey,
  jsonNestedValue,
  jsonNotArray,
  noDataRows,
} from "./table-errors.js";
import type { TableError, TableReadResult, TableRow } from "./table-types.js";

function kindOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v;
}

/** Adds "(line L, column C)" to a JSON.parse message that mentions a character position. */
function describeParseError(text: string, e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const m = /position (\d+)/.exec(message);
  if (!m || /line \d+/.test(message)) return message;
  const before = text.slice(0, Number(m[1])).split("\n");
  return `${message} (line ${before.length}, column ${(before[before.length - 1] ?? "").length + 1})`;
}

/**
 * Parses and checks the JSON; values become trimmed strings (numbers without exponent, booleans TRUE/FALSE,
 * null ""), headers are the keys in order of first appearance, and rowNumber is the 1-based array position.
 * @example readJsonTable("a.json", bytes).ok
 */
export function readJsonTable(file: string, bytes: Uint8Array): TableReadResult {
  const text = decodeText(bytes);
  if (text.trim() === "") return { ok: false, errors: [emptyFile(file)] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e: unknown) {
    return { ok: false, errors: [invalidJson(file, describeParseError(text, e))] };
  }
  if (!Array.isArray(data)) return { ok: false, errors: [jsonNotArray(file)] };
  if (data.length === 0) return { ok: false, errors: [noDataRows(file)] };
  const errors: TableError[] = [];
  const parsed: { rowNumber: number; values: Map<string, string> }[] = [];
  data.forEach((item: unknown, index: number) => {
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      errors.push(jsonElementNotObject(file, index, kindOf(item)));
      return;
    }
    const values = new Map<string, string>();
    for (const [rawKey, v] of Object.entries(item)) {
      const key = rawKey.trim();
      if (key === "") {
        errors.push(jsonEmptyKey(file, index));
        continue;
      }
      if (values.has(key)) {
        errors.push(jsonDuplicateKey(file, index, key));
        continue;
      }
      let cell: string;
      if (v === null) cell = "";
      else if (typeof v === "string") cell = v.trim();
      else if (typeof v === "number") cell = plainNumber(v);
      else if (typeof v === "boolean") cell = booleanText(v);
      else {
        errors.push(jsonNestedValue(file, index, key, kindOf(v)));
        continue;
      }
      values.set(key, cell);
    }
    parsed.push({ rowNumber: index + 1, values });
  });
  if (errors.length > 0) return { ok: false, errors };
  const headers = [...new Set(parsed.flatMap((p) => [...p.values.keys()]))];
  const rows: TableRow[] = [];
  for (const p of parsed) {
    if ([...p.values.values()].every((v) => v === "")) continue;
    const cells: Record<string, string> = {};
    for (const h of headers) setCell(cells, h, p.values.get(h) ?? "");
    rows.push({ rowNumber: p.rowNumber, cells });
  }
  if (rows.length === 0) return { ok: false, errors: [noDataRows(file)] };
  return { ok: true, table: { file, headers, rows } };
}
