/**
 * `xinsuan export payslips-pdf`: one PDF 工资条 per employee of an approved period (io/payslip-pdf.ts), each line
 * with its amount from the stored payslip and a short explanation (the line's formula with the values, from the
 * explainer), all in one zip (`--out x.zip`) or as files in a folder (`--out dir`), named
 * `${period}-${工号}-${姓名}.pdf`. With `password: "id6"` each PDF is AES-256 encrypted with the last 6 characters
 * of the employee's 身份证号 — weak protection: those characters are short, partly guessable (birth date check
 * digit) and known to anyone who has the ID card; it keeps a misdirected mail from being read at a glance, no
 * more. An employee without a 身份证号 is refused (INPUT_INVALID, listing them). Audit-logged
 * (`export.payslips-pdf`: the count, never an ID number).
 * @example const r = await exportPayslipsPdf(ctx, { period: "2026-08", out: "工资条-2026-08.zip", password: "id6" })
 */

import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { type ExplainedLine, explainPayslip, type PayrollRun } from "@xinsuan/core";
import JSZip from "jszip";
import { AppError } from "../app-error.js";
import { authorize } from "../auth/authorize.js";
import type { ServiceContext } from "../context.js";
import { writeFileAtomic } from "../io/atomic-write.js";
import { type PayslipPdf, type PayslipPdfLine, renderPayslipPdf } from "../io/payslip-pdf.js";
import { storeCall } from "../store-errors.js";
import { type ExportData, type ExportEmployee, loadExportData } from "./export-data.js";
import { computeRuns, findEmployeeRun } from "./run-payroll.js";

/** Options: `out` ending in .zip writes a zip, otherwise a folder. @example const o: ExportPayslipsPdfOptions = { period: "2026-08", out: "pdf/", password: "id6" } */
export type ExportPayslipsPdfOptions = { period: string; out?: string; password?: "id6" };

/** One PDF. @example const f: PayslipPdfFile = { name: "2026-08-E001-张三.pdf", employeeNo: "E001", bytes } */
export type PayslipPdfFile = { name: string; employeeNo: string; bytes: Uint8Array };

/** What the export returns. @example const { files, zip } = await exportPayslipsPdf(ctx, { period: "2026-08" }) */
export type ExportPayslipsPdfResult = {
  files: PayslipPdfFile[];
  /** All files in one zip. */
  zip: Uint8Array;
  runId: string;
  encrypted: boolean;
  /** Where they went: a zip file, a folder, or nowhere (no `out`). */
  written: "zip" | "folder" | "none";
};

const ITEM_KINDS = new Set(["earning", "deduction", "withholding", "info"]);

/**
 * A line's short explanation: the formula with its values (and the rounding), or where an input came from.
 * @example explainLine({ name: "底薪", substituted: "5000.00", formula: "底薪标准", … }) === "5000.00"
 */
export function explainLine(l: ExplainedLine): string {
  if (l.formula) return l.note ? `${l.substituted}（${l.note}）` : l.substituted;
  const own = l.sentence.replace(`${l.name} = ${l.value}`, "").trim();
  return own.replace(/^（(.*)）$/, "$1") || (l.description ?? "");
}

/**
 * A file name part with the characters file systems refuse replaced by "_".
 * @example safeFilePart('a/b:c') === "a_b_c"
 */
export function safeFilePart(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is replaced
  return text.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_").trim() || "_";
}

/** The payslip of one register row, lines in the order of the employee's policy. @example payslipOf(d, d.rows[0]!, computeRuns(d.inputs)).net */
export function payslipOf(d: ExportData, r: ExportEmployee, runs: readonly PayrollRun[]): PayslipPdf {
  const amount = (name: string) => {
    const k = d.columns.findIndex((c) => c.name === name);
    const cell = k < 0 ? null : r.cells[k];
    return cell && "amount" in cell ? cell.amount : undefined;
  };
  const found = findEmployeeRun(runs, r.employeeNo);
  const explained = found ? explainPayslip(found.run, found.index).lines : [];
  const items = found ? found.run.policy.items : [];
  const lines: PayslipPdfLine[] = [];
  for (const item of items) {
    const value = amount(item.name);
    if (value === undefined || !ITEM_KINDS.has(item.kind)) continue;
    const e = explained.find((x) => x.name === item.name);
    lines.push({ name: item.name, kind: item.kind, amount: value, explanation: e ? explainLine(e) : "" });
  }
  return {
    company: d.company,
    period: d.period,
    employeeNo: r.employeeNo,
    name: r.name,
    team: r.team,
    lines,
    gross: amount("应发工资") ?? "0.00",
    deductions: amount("扣款合计") ?? "0.00",
    net: amount("实发工资") ?? "0.00",
    runId: d.run.id,
  };
}

/** Each employee's password (last 6 characters of the 身份证号); INPUT_INVALID listing those without one. */
async function passwordsOf(
  ctx: ServiceContext,
  rows: readonly ExportEmployee[],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (let offset = 0; ; offset += 5000) {
    const page = await storeCall(() =>
      ctx.store.employees.list(ctx.tenantId, { limit: 5000, offset, reveal: true }),
    );
    for (const e of page) {
      const id = e.idNumber?.replace(/\s+/g, "") ?? "";
      if (id.length >= 6) ids.set(e.employeeNo, id.slice(-6));
    }
    if (page.length < 5000) break;
  }
  const missing = rows.filter((r) => !ids.has(r.employeeNo));
  if (missing.length > 0)
    throw new AppError(
      "INPUT_INVALID",
      `${missing.length} 名员工没有身份证号（或不足 6 位），无法用身份证号后 6 位加密工资条：请补填“身份证号”，或不加密导出`,
      `${missing.length} employee(s) have no ID number (or one under 6 characters) to derive the password from`,
      missing.map((r) => ({
        zh: `${r.employeeNo} ${r.name}：缺少身份证号`,
        en: `${r.employeeNo}: no ID number`,
      })),
    );
  return ids;
}

/** Writes the zip, or each PDF into the folder (removing those written when one fails). */
async function writeOut(
  out: string,
  files: readonly PayslipPdfFile[],
  zip: Uint8Array,
): Promise<"zip" | "folder"> {
  const written: string[] = [];
  try {
    if (/\.zip$/i.test(out)) {
      await writeFileAtomic(out, zip);
      return "zip";
    }
    await mkdir(out, { recursive: true });
    for (const f of files) {
      await writeFileAtomic(join(out, f.name), f.bytes);
      written.push(join(out, f.name));
    }
    return "folder";
  } catch (e) {
    await Promise.all(written.map((p) => rm(p, { force: true })));
    const detail = e instanceof Error ? e.message : String(e);
    throw new AppError(
      "OUTPUT_FAILED",
      `无法写入 ${out}：${detail}（文件夹不存在或没有权限）`,
      `cannot write ${out}: ${detail}`,
    );
  }
}

/**
 * Renders the PDFs of `period`'s approved run (RUN_NOT_READY otherwise, or when a payslip is in error), zips them,
 * writes `out` when given and records the export in the audit log.
 * @example const { files } = await exportPayslipsPdf(ctx, { period: "2026-08", out: "工资条-2026-08.zip" })
 */
export async function exportPayslipsPdf(
  ctx: ServiceContext,
  o: ExportPayslipsPdfOptions,
): Promise<ExportPayslipsPdfResult> {
  authorize(ctx, "exports.register");
  if (o.password !== undefined && o.password !== "id6")
    throw new AppError("USAGE", `--password 只支持 id6（身份证号后 6 位）`, "--password supports only id6");
  const d = await loadExportData(ctx, { period: o.period });
  const inError = d.rows.filter((r) => r.error !== undefined);
  if (inError.length > 0)
    throw new AppError(
      "RUN_NOT_READY",
      `${o.period} 的算薪有 ${inError.length} 名员工出错，不能生成工资条`,
      `${inError.length} payslip(s) of ${o.period} are in error`,
      inError.map((r) => ({ zh: `${r.employeeNo} ${r.name}：算薪出错`, en: `${r.employeeNo}: in error` })),
    );
  const rows = [...d.rows].sort((a, b) =>
    a.employeeNo < b.employeeNo ? -1 : a.employeeNo > b.employeeNo ? 1 : 0,
  );
  const passwords = o.password === "id6" ? await passwordsOf(ctx, rows) : undefined;
  const runs = computeRuns(d.inputs);
  const files: PayslipPdfFile[] = [];
  const zip = new JSZip();
  for (const r of rows) {
    const password = passwords?.get(r.employeeNo);
    const bytes = await renderPayslipPdf(payslipOf(d, r, runs), password === undefined ? {} : { password });
    const name = `${safeFilePart(d.period)}-${safeFilePart(r.employeeNo)}-${safeFilePart(r.name)}.pdf`;
    files.push({ name, employeeNo: r.employeeNo, bytes });
    zip.file(name, bytes, { date: new Date(d.run.approvedAt ?? d.run.startedAt) });
  }
  const zipped = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  const written = o.out === undefined ? "none" : await writeOut(o.out, files, zipped);
  await storeCall(() =>
    ctx.store.audit.append(ctx.tenantId, {
      actor: ctx.actor,
      action: "export.payslips-pdf",
      entity: "run",
      entityId: d.run.id,
      after: {
        period: d.period,
        count: files.length,
        encrypted: passwords !== undefined,
        ...(o.out === undefined ? {} : { file: o.out, written }),
      },
    }),
  );
  return { files, zip: zipped, runId: d.run.id, encrypted: passwords !== undefined, written };
}
