/**
 * Formats rows as aligned text columns for the terminal, measuring CJK and full-width characters as 2 columns.
 * @example console.log(formatTerminalTable(["姓名", "实发"], [["张三", "8,000.50"]]))
 */
import { displayWidth } from "./text-width.js";

const NUMBER_TEXT = /^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?$|^[-+]?\.\d+%?$/;
const GAP = "  ";

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters would break the layout
const CONTROL = /[\u0000-\u001f\u007f]/g;

/** One-line cell text: line breaks and tabs become spaces, other control characters are dropped. */
function clean(text: string): string {
  return text.replace(/\r\n|[\r\n\t]/g, " ").replace(CONTROL, "");
}

function pad(text: string, width: number, right: boolean): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

/** Columns whose non-empty cells are all numbers (optionally with thousands separators or %). */
function numericColumns(rows: string[][], count: number): Set<number> {
  const result = new Set<number>();
  for (let c = 0; c < count; c++) {
    const values = rows.map((r) => r[c] ?? "").filter((v) => v !== "");
    if (values.length > 0 && values.every((v) => NUMBER_TEXT.test(v))) result.add(c);
  }
  return result;
}

/**
 * A header line, a dashed rule and the rows, columns separated by two spaces; columns in `alignRight` (by
 * default: the all-number columns) are right-aligned. Lines carry no trailing spaces.
 * @example formatTerminalTable(["工号", "金额"], [["A1", "5"]]) === "工号  金额\n----  ----\nA1       5"
 */
export function formatTerminalTable(
  headers: string[],
  rows: string[][],
  opts: { alignRight?: Set<number> } = {},
): string {
  const count = Math.max(headers.length, ...rows.map((r) => r.length));
  const head = Array.from({ length: count }, (_, c) => clean(headers[c] ?? ""));
  const body = rows.map((r) => Array.from({ length: count }, (_, c) => clean(r[c] ?? "")));
  const right = opts.alignRight ?? numericColumns(body, count);
  const widths = head.map((h, c) => Math.max(displayWidth(h), ...body.map((r) => displayWidth(r[c] ?? ""))));
  const line = (cells: string[]): string =>
    cells
      .map((cell, c) => pad(cell, widths[c] ?? 0, right.has(c)))
      .join(GAP)
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join(GAP);
  return [line(head), rule, ...body.map(line)].join("\n");
}
