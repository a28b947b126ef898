/**
 * `xinsuan export bank`: the bank batch payment file (批量代发) of an approved run — one row per employee with a
 * positive 实发工资: 账号 (decrypted here, and only here), 户名, 金额, 开户行, 用途 — laid out by a column template
 * (templates/bank/, or the company's own file). Employees whose net is 0 are left out and counted. Refused
 * (INPUT_INVALID, nothing written, no audit entry) when anyone to be paid has no bank account or a negative net,
 * listing each by 工号 and 姓名. The count and total are checked against the run's stored totals before writing;
 * the export is audit-logged as `export.bank` with count and total, never an account number.
 * @example const r = await exportBank(ctx, { period: "2026-08", out: "代发-2026-08.xlsx" })
 */

import { Dec } from "@xinsuan/core";
import type { Employee, Run } from "@xinsuan/store";
import { AppError, type Msg } from "../app-error.js";
import { authorize } from "../auth/authorize.js";
import type { ServiceContext } from "../context.js";
import { type BankTemplate, loadBankTemplate } from "../io/bank-template.js";
import { unencodableGbk } from "../io/encode-gbk.js";
import { type BankRow, writeBankFile } from "../io/write-bank-file.js";
import { storeCall } from "../store-errors.js";
import { deliverExport, type ExportFormat, exportFormat } from "./export-data.js";

/** Options. @example const o: ExportBankOptions = { period: "2026-08", out: "代发.csv", template: "serial-remark" } */
export type ExportBankOptions = {
  period: string;
  /** Written atomically when given; its extension (.xlsx / .csv) sets the format. */
  out?: string;
  format?: ExportFormat;
  /** A template file, a built-in name (templates/bank/<name>.yaml), or a parsed template; default "generic". */
  template?: string | BankTemplate;
  /** The 用途 text; default "工资 YYYY-MM". */
  purpose?: string;
};

/** What the export returns. @example const { count, total } = await exportBank(ctx, { period: "2026-08" }) */
export type ExportBankResult = {
  bytes: Uint8Array;
  format: ExportFormat;
  fileName: string;
  runId: string;
  template: string;
  /** Payments in the file. */
  count: number;
  /** Their sum in 元, 2 places: equal to the run's 实发 total. */
  total: string;
  /** Employees of the run with net 0, left out. */
  skippedZero: number;
  /** Employees whose net is negative (they owe the company this month): left out of the file, listed for HR. */
  negative: { employeeNo: string; name: string; net: string }[];
};

const PERIOD_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
const FINAL = new Set(["approved", "paid", "locked"]);

/** The approved (paid, locked) run of the period; never a draft. */
async function approvedRun(ctx: ServiceContext, period: string): Promise<Run> {
  const runs = await storeCall(() => ctx.store.runs.listRuns(ctx.tenantId, period));
  const final = runs.filter((r) => FINAL.has(r.status)).at(-1);
  if (final) return final;
  if (runs.length === 0)
    throw new AppError("NOT_FOUND", `${period} 还没有算薪，无可导出`, `no run of ${period} to export`);
  throw new AppError(
    "RUN_NOT_READY",
    `${period} 的算薪尚未审批，不能生成银行代发文件；审批后再导出`,
    `the run of ${period} is not approved; the bank file comes only from an approved run`,
  );
}

const who = (no: string, name: string) => `${no} ${name}`;

/** The payment rows, or INPUT_INVALID listing every employee who cannot be paid. */
async function paymentRows(
  ctx: ServiceContext,
  run: Run,
  purpose: string,
  gbk: boolean,
): Promise<{ rows: BankRow[]; skippedZero: number; negative: ExportBankResult["negative"] }> {
  const slips = await storeCall(() => ctx.store.runs.listPayslips(ctx.tenantId, run.id));
  slips.sort((a, b) => (a.employeeNo < b.employeeNo ? -1 : a.employeeNo > b.employeeNo ? 1 : 0));
  const rows: BankRow[] = [];
  const noAccount: Msg[] = [];
  const negative: ExportBankResult["negative"] = [];
  const badText: Msg[] = [];
  let skippedZero = 0;
  // Every employee once, a page at a time, decrypted: one query per 5,000 rather than one per payslip.
  const people = new Map<string, Employee>();
  for (let offset = 0; ; offset += 5000) {
    const page = await storeCall(() =>
      ctx.store.employees.list(ctx.tenantId, { limit: 5000, offset, reveal: true }),
    );
    for (const e of page) people.set(e.employeeNo, e);
    if (page.length < 5000) break;
  }
  for (const s of slips) {
    const net = Dec.parse(s.net);
    if (net.isZero()) {
      skippedZero++;
      continue;
    }
    const e = people.get(s.employeeNo);
    const name = e?.name ?? "（员工已删除）";
    if (net.sign() < 0) {
      // Nothing can be paid to them; the file leaves them out and the result lists them (the debt is HR's to settle).
      negative.push({ employeeNo: s.employeeNo, name, net: net.toFixed(2) });
      continue;
    }
    if (!e?.bankAccount) {
      noAccount.push({
        zh: `${who(s.employeeNo, name)}：没有银行卡号（实发 ${net.toFixed(2)}）`,
        en: `${s.employeeNo} ${name}: no bank account (net ${net.toFixed(2)})`,
      });
      continue;
    }
    const row: BankRow = {
      序号: rows.length + 1,
      账号: e.bankAccount,
      户名: e.name,
      金额: net.toFixed(2),
      开户行: e.bankName ?? "",
      用途: purpose,
      工号: s.employeeNo,
    };
    const bad = gbk ? unencodableGbk(`${row.户名}${row.开户行}${row.用途}`) : [];
    if (bad.length > 0)
      badText.push({
        zh: `${who(s.employeeNo, name)}：含 GBK 无法表示的字符 ${bad.join(" ")}`,
        en: `${s.employeeNo} ${name}: characters GBK cannot hold: ${bad.join(" ")}`,
      });
    rows.push(row);
  }
  const problems = [...noAccount, ...badText];
  if (problems.length > 0)
    throw new AppError(
      "INPUT_INVALID",
      `不能生成银行代发文件：${noAccount.length} 人缺银行卡号${badText.length > 0 ? `，${badText.length} 人户名含 GBK 无法表示的字符` : ""}；未写出任何文件`,
      `cannot make the bank file: ${noAccount.length} without a bank account${badText.length > 0 ? `, ${badText.length} with characters GBK cannot hold` : ""}; nothing was written`,
      problems,
    );
  return { rows, skippedZero, negative };
}

/**
 * Exports the bank batch payment file of `period`: returns the bytes, writes them to `out` when given; audited.
 * @example const { count, total } = await exportBank(ctx, { period: "2026-08", out: "代发.csv", template: "generic" })
 */
export async function exportBank(ctx: ServiceContext, o: ExportBankOptions): Promise<ExportBankResult> {
  authorize(ctx, "exports.bank");
  if (!PERIOD_RE.test(o.period))
    throw new AppError(
      "USAGE",
      `期间“${o.period}”格式不对，应为 YYYY-MM，如 2026-10`,
      "period must be YYYY-MM",
    );
  const format = exportFormat(o);
  const template = typeof o.template === "object" ? o.template : await loadBankTemplate(o.template);
  const purpose = o.purpose ?? `工资 ${o.period}`;
  const run = await approvedRun(ctx, o.period);
  const { rows, skippedZero, negative } = await paymentRows(
    ctx,
    run,
    purpose,
    format === "csv" && template.encoding === "gbk",
  );
  const total = rows.reduce((t, r) => t.add(Dec.parse(r.金额)), Dec.ZERO);
  const totals = await storeCall(() => ctx.store.runs.totals(ctx.tenantId, run.id));
  // The file plus the negative nets left out must give the run's net total and headcount exactly.
  const owed = negative.reduce((t, n) => t.add(Dec.parse(n.net)), Dec.ZERO);
  if (
    !total.add(owed).eq(Dec.parse(totals.net)) ||
    rows.length + skippedZero + negative.length !== totals.payslips
  )
    throw new AppError(
      "VERIFY_FAILED",
      `银行代发文件与算薪不符：文件 ${rows.length} 笔合计 ${total.toFixed(2)}（另 ${skippedZero} 人实发为 0，${negative.length} 人实发为负 ${owed.toFixed(2)}），算薪 ${totals.payslips} 人实发合计 ${totals.net}；未写出文件，这是程序错误，请报告`,
      `bank file does not match the run: ${rows.length} payments totalling ${total.toFixed(2)} (+${skippedZero} at 0, ${negative.length} negative ${owed.toFixed(2)}) vs ${totals.payslips} payslips, net ${totals.net}; nothing written (a bug)`,
    );
  const bytes = await writeBankFile(template, { rows, count: rows.length, total: total.toFixed(2) }, format);
  await deliverExport(ctx, {
    ...(o.out === undefined ? {} : { out: o.out }),
    bytes,
    action: "export.bank",
    runId: run.id,
    after: {
      period: o.period,
      format,
      template: template.name,
      count: rows.length,
      total: total.toFixed(2),
      skippedZero,
      negative: negative.length,
      purpose,
    },
  });
  return {
    bytes,
    format,
    fileName: `代发-${o.period}.${format}`,
    runId: run.id,
    template: template.name,
    count: rows.length,
    total: total.toFixed(2),
    skippedZero,
    negative,
  };
}
