/**
 * Formula-injection escape for exported text cells (OWASP "CSV injection"): text beginning with = + - @, a tab or
 * a carriage return gets a leading single quote, so Excel and LibreOffice show it instead of running it. Amounts
 * are written as numbers and never pass through here.
 * @example escapeText("=HYPERLINK(\"http://x\")") === "'=HYPERLINK(\"http://x\")"
 */

const FORMULA_START = /^[=+\-@\t\r]/;
/** Characters XML 1.0 cannot hold; exceljs would write them and Excel would call the file corrupt. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/**
 * The text with `'` in front when a spreadsheet would read it as a formula. Every text cell is escaped, even
 * "-5": a number that is meant as a number is exported as a number, not as text.
 * @example escapeText("@SUM(A1)") === "'@SUM(A1)"
 */
export function escapeText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * Escaped text for an xlsx cell, without the control characters XML cannot hold.
 * @example xlsxText("=1\u0000") === "'=1"
 */
export function xlsxText(text: string): string {
  return escapeText(text).replace(XML_INVALID, "");
}

/**
 * One CSV field: text escaped, then quoted when it holds a comma, quote or line break; an amount (decimal text)
 * as it is.
 * @example csvField({ text: "-张三" }) === "'-张三"; csvField({ amount: "-5.00" }) === "-5.00"
 */
export function csvField(cell: { text: string } | { amount: string }): string {
  const raw = "amount" in cell ? cell.amount : escapeText(cell.text);
  return /[",\r\n]/.test(raw) ? `"${raw.replace(/"/g, '""')}"` : raw;
}
