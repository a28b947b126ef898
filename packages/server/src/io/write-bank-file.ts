/**
 * Renders payment rows through a bank template (bank-template.ts) as xlsx (exceljs: 账号 and every other text as
 * text cells, so a 19-digit card number keeps its digits; amounts as numbers formatted 0.00 or 0) or CSV (CRLF,
 * UTF-8 with/without BOM or GBK). Every text cell passes the formula-injection escape (escape-cell.ts).
 * @example const bytes = await writeBankFile(template, { rows, count: 1, total: "100.00" }, "csv")
 */

import { Dec } from "@xinsuan/core";
import ExcelJS from "exceljs";
import { AppError } from "../app-error.js";
import type { BankSource, BankTemplate } from "./bank-template.js";
import { encodeGbk, unencodableGbk } from "./encode-gbk.js";
import { csvField, xlsxText } from "./escape-cell.js";
import { displayWidth } from "./text-width.js";

/** One payment: 金额 as decimal text with 2 places (元). @example const r: BankRow = { 序号: 1, 账号: "6222…", 户名: "张三", 金额: "100.00", 开户行: "工商银行", 用途: "工资 2026-08", 工号: "E001" } */
export type BankRow = { 序号: number } & Record<Exclude<BankSource, "序号">, string>;

/** The rows with their count and total (元, 2 places). @example const p: BankPayments = { rows: [], count: 0, total: "0.00" } */
export type BankPayments = { rows: readonly BankRow[]; count: number; total: string };

type Cell = { text: string } | { number: string; places: number } | null;

/**
 * An amount in the template's unit: 元 with 2 places, or whole 分.
 * @example bankAmount("12.30", "fen") === "1230"
 */
export function bankAmount(yuan: string, unit: BankTemplate["amount"]): string {
  const d = Dec.parse(yuan);
  return unit === "fen" ? d.mul(Dec.HUNDRED).toFixed(0) : d.toFixed(2);
}

/** The cells of every row of the file, in order: summary block, header, payments, 合计. */
function layout(t: BankTemplate, p: BankPayments): Cell[][] {
  const places = t.amount === "fen" ? 0 : 2;
  const total: Cell = { number: bankAmount(p.total, t.amount), places };
  const out: Cell[][] = [];
  if (t.total === "top")
    out.push([{ text: "总笔数" }, { number: String(p.count), places: 0 }], [{ text: "总金额" }, total]);
  if (t.header) out.push(t.columns.map((c) => ({ text: c.header })));
  for (const r of p.rows)
    out.push(
      t.columns.map((c): Cell => {
        if (c.value !== undefined) return { text: c.value };
        if (c.source === "金额") return { number: bankAmount(r.金额, t.amount), places };
        if (c.source === "序号") return { number: String(r.序号), places: 0 };
        return { text: r[c.source ?? "户名"] };
      }),
    );
  if (t.total === "bottom") {
    const at = t.columns.findIndex((c) => c.source === "金额");
    const labelAt = at === 0 ? 1 : 0;
    const row: Cell[] = t.columns.map(() => null);
    row[labelAt] = { text: `合计（${p.count} 笔）` };
    row[at] = total;
    out.push(row);
  }
  return out;
}

async function toXlsx(t: BankTemplate, cells: Cell[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "xinsuan";
  const sheet = wb.addWorksheet(t.sheet.replace(/[:\\/?*[\]]/g, "_"));
  const widths: number[] = [];
  cells.forEach((row, r) => {
    const xr = sheet.getRow(r + 1);
    row.forEach((cell, c) => {
      if (cell === null) return;
      const xc = xr.getCell(c + 1);
      if ("text" in cell) {
        xc.value = xlsxText(cell.text);
        xc.numFmt = "@";
      } else {
        xc.value = Number(cell.number);
        xc.numFmt = cell.places === 0 ? "0" : "0.00";
      }
      widths[c] = Math.max(widths[c] ?? 0, displayWidth(String(xc.value)));
    });
  });
  widths.forEach((w, c) => {
    sheet.getColumn(c + 1).width = Math.min(40, Math.max(8, w + 2));
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function toCsv(t: BankTemplate, cells: Cell[][]): Uint8Array {
  const lines = cells.map((row) =>
    row
      .map((c) => (c === null ? "" : csvField("text" in c ? { text: c.text } : { amount: c.number })))
      .join(","),
  );
  const text = `${lines.join("\r\n")}\r\n`;
  if (t.encoding !== "gbk")
    return new TextEncoder().encode(t.encoding === "utf-8-bom" ? `\uFEFF${text}` : text);
  const bad = unencodableGbk(text);
  if (bad.length > 0)
    throw new AppError(
      "INPUT_INVALID",
      `代发文件要求 GBK 编码，但以下字符 GBK 无法表示：${bad.join(" ")}；请改用 utf-8 编码的模板，或核对户名`,
      `the bank file must be GBK, which cannot hold: ${bad.join(" ")}; use a utf-8 template or check the names`,
    );
  return encodeGbk(text);
}

/**
 * The file's bytes: the template's layout of the payments as xlsx or CSV.
 * @example const bytes = await writeBankFile(await loadBankTemplate("generic"), payments, "xlsx")
 */
export async function writeBankFile(
  t: BankTemplate,
  p: BankPayments,
  format: "xlsx" | "csv",
): Promise<Uint8Array> {
  const cells = layout(t, p);
  return format === "xlsx" ? toXlsx(t, cells) : toCsv(t, cells);
}
