/**
 * Converts spreadsheet and JSON values to the plain text a user would see: numbers without exponent notation,
 * dates as YYYY-MM-DD, booleans as TRUE/FALSE.
 * @example plainNumber(1e-7) === "0.0000001"
 */

/**
 * Shortest round-trip decimal text of a number, never in exponent notation.
 * @example plainNumber(1e21) === "1000000000000000000000"
 */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`plainNumber: not a finite number: ${n}`);
  const s = String(n);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const sign = m[1] ?? "";
  const digits = (m[2] ?? "") + (m[3] ?? "");
  const point = 1 + Number(m[4]);
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + "0".repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * A number as Excel displays it: rounded to Excel's 15 significant digits, then {@link plainNumber}.
 * @example excelNumberText(0.1 + 0.2) === "0.3"
 */
export function excelNumberText(n: number): string {
  return plainNumber(Number(n.toPrecision(15)));
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/**
 * A date as YYYY-MM-DD from its UTC parts (exceljs stores Excel dates as UTC); a time of day, if any, is appended
 * as HH:mm[:ss], and a time-only value (Excel day 0) gives just the time.
 * @example dateText(new Date(Date.UTC(2024, 0, 15))) === "2024-01-15"
 */
export function dateText(d: Date): string {
  const t = new Date(Math.round(d.getTime() / 1000) * 1000);
  const day = `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
  const h = t.getUTCHours();
  const min = t.getUTCMinutes();
  const sec = t.getUTCSeconds();
  if (h === 0 && min === 0 && sec === 0) return day;
  const time = `${pad(h)}:${pad(min)}${sec === 0 ? "" : `:${pad(sec)}`}`;
  return t.getUTCFullYear() < 1900 ? time : `${day} ${time}`;
}

/**
 * A boolean as Excel shows it.
 * @example booleanText(true) === "TRUE"
 */
export function booleanText(b: boolean): string {
  return b ? "TRUE" : "FALSE";
}
