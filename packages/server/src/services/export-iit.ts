/**
 * `xinsuan export iit`: the income-tax withholding declaration file (扣缴申报) of an approved run, laid out as the
 * 自然人电子税务局（扣缴端） import templates (io/iit-columns.ts, sources in docs/documents.md): a 正常工资薪金所得
 * sheet, plus 全年一次性奖金收入 and 劳务报酬 sheets only when the run has such income. Header in row 1, one row per
 * employee, no title or total rows, so the client imports the file as it is. 证件号码 is the decrypted 身份证号 —
 * this is one of the only documents that carry it — and every export is audit-logged (`export.iit`, counts only).
 * An employee with something to declare but no 身份证号 is refused (INPUT_INVALID, listing them). CSV gives the
 * 正常工资薪金所得 sheet alone.
 * @example const r = await exportIit(ctx, { period: "2026-08", out: "个税申报-2026-08.xlsx" })
 */

import { Dec } from "@xinsuan/core";
import { AppError } from "../app-error.js";
import { authorize } from "../auth/authorize.js";
import type { ServiceContext } from "../context.js";
import { ID_TYPE, IIT_BONUS_HEADERS, IIT_LABOR_HEADERS, IIT_WAGE_HEADERS } from "../io/iit-columns.js";
import { type ExportCell, type ExportSheet, exportCsv, exportXlsx } from "../io/write-export.js";
import { storeCall } from "../store-errors.js";
import { deliverExport, type ExportFormat, exportFormat, loadExportData } from "./export-data.js";
import { buildIitRows, type IitPerson, type IitRows, type IncomeRow } from "./iit-rows.js";
import { readRunValues } from "./run-values.js";

/** Options. @example const o: ExportIitOptions = { period: "2026-08", out: "个税.xlsx" } */
export type ExportIitOptions = { period: string; out?: string; format?: ExportFormat };

/** What the export returns. @example const { wage, bonus, labor } = await exportIit(ctx, { period: "2026-08" }) */
export type ExportIitResult = {
  bytes: Uint8Array;
  format: ExportFormat;
  fileName: string;
  runId: string;
  /** Rows per sheet (0: the sheet is not in the file). */
  wage: number;
  bonus: number;
  labor: number;
  /** 工号 with nothing to declare, or under a policy that withholds no income tax. */
  skipped: string[];
  /** Employees whose 专项附加扣除 could not be split by kind (see 备注). */
  unsplit: number;
  /** 本期收入 of the 正常工资薪金所得 sheet, summed exactly. */
  wageIncome: string;
};

const text = (t: string): ExportCell => ({ text: t });
const amount = (d: Dec | null): ExportCell => (d === null ? null : { amount: d.toFixed(2), places: 2 });
const idCells = (p: IitPerson): ExportCell[] => [
  text(p.employeeNo),
  text(p.name),
  text(ID_TYPE),
  text(p.idNumber ?? ""),
];

/** The three sheets (bonus and labour only when they have rows). */
function iitSheets(rows: IitRows): ExportSheet[] {
  const wage: ExportSheet = {
    name: "正常工资薪金所得",
    freezeRows: 1,
    rows: [
      { role: "header", cells: IIT_WAGE_HEADERS.map(text) },
      ...rows.wage.map((r) => ({
        role: "data" as const,
        cells: [
          ...idCells(r.person),
          ...IIT_WAGE_HEADERS.slice(4, -1).map((h) => (h in r.amounts ? amount(r.amounts[h]!) : null)),
          text(r.note),
        ],
      })),
    ],
  };
  const sheets = [wage];
  const income = (name: string, headers: readonly string[], list: IncomeRow[], item?: string) => {
    if (list.length === 0) return;
    sheets.push({
      name,
      freezeRows: 1,
      rows: [
        { role: "header", cells: headers.map(text) },
        ...list.map((r) => ({
          role: "data" as const,
          cells: [...idCells(r.person), ...(item ? [text(item)] : []), amount(r.income), amount(r.taxFree)],
        })),
      ],
    });
  };
  income("全年一次性奖金收入", IIT_BONUS_HEADERS, rows.bonus);
  income("劳务报酬", IIT_LABOR_HEADERS, rows.labor, "一般劳务报酬所得");
  return sheets;
}

/** The cumulative declared 专项附加扣除 of the tax year up to `period`, by 工号 then kind. */
async function declaredToDate(
  ctx: ServiceContext,
  period: string,
  people: ReadonlyMap<string, { id: string; hireDate: string | null }>,
): Promise<Map<string, Map<string, Dec>>> {
  const yearStart = `${period.slice(0, 4)}-01`;
  const rows = await storeCall(() =>
    ctx.store.db
      .selectFrom("employee_deductions")
      .select(["employee_id", "kind", "monthly_amount", "from_month", "to_month"])
      .where("tenant_id", "=", ctx.tenantId)
      .where("from_month", "<=", period)
      .where((eb) => eb.or([eb("to_month", "is", null), eb("to_month", ">=", yearStart)]))
      .execute(),
  );
  const out = new Map<string, Map<string, Dec>>();
  const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));
  for (const [no, p] of people) {
    const hired = p.hireDate?.slice(0, 7) ?? "";
    // Months of the tax year employed here: from January, or from the hire month of this year.
    const first = Math.max(monthIndex(yearStart), hired ? monthIndex(hired) : 0);
    for (const r of rows.filter((x) => x.employee_id === p.id)) {
      const from = Math.max(first, monthIndex(r.from_month));
      const to = Math.min(monthIndex(period), monthIndex(r.to_month ?? period));
      const months = to - from + 1;
      if (months <= 0) continue;
      const kinds = out.get(no) ?? new Map<string, Dec>();
      const add = Dec.parse(r.monthly_amount).mul(Dec.fromInt(months));
      kinds.set(r.kind, (kinds.get(r.kind) ?? Dec.ZERO).add(add));
      out.set(no, kinds);
    }
  }
  return out;
}

/**
 * Exports the declaration of `period`'s approved run; writes `out` when given; audit-logged.
 * @example const { wage, bytes } = await exportIit(ctx, { period: "2026-08" })
 */
export async function exportIit(ctx: ServiceContext, o: ExportIitOptions): Promise<ExportIitResult> {
  authorize(ctx, "exports.iit");
  const format = exportFormat(o);
  const d = await loadExportData(ctx, { period: o.period });
  const slips = await storeCall(() => ctx.store.runs.listPayslips(ctx.tenantId, d.run.id));
  const inError = slips.filter((s) => s.error !== undefined);
  if (inError.length > 0)
    throw new AppError(
      "RUN_NOT_READY",
      `${o.period} 的算薪有 ${inError.length} 名员工出错，不能申报`,
      `${inError.length} payslip(s) of ${o.period} are in error; nothing to declare`,
    );
  const people = new Map<string, IitPerson & { id: string; hireDate: string | null }>();
  for (const s of slips) {
    const e = await storeCall(() =>
      ctx.store.employees.findByNo(ctx.tenantId, s.employeeNo, { reveal: true }),
    );
    const name = d.rows.find((r) => r.employeeNo === s.employeeNo)?.name ?? e?.name ?? "";
    people.set(s.employeeNo, {
      employeeNo: s.employeeNo,
      name,
      idNumber: e?.idNumber?.trim() || null,
      id: e?.id ?? "",
      hireDate: e?.hireDate ?? null,
    });
  }
  const rows = buildIitRows({
    slips,
    values: readRunValues(d.inputs, ["累计专项附加扣除", "其他扣除"]),
    people,
    declared: await declaredToDate(ctx, o.period, people),
  });
  const missing = [...rows.wage, ...rows.bonus, ...rows.labor]
    .map((r) => r.person)
    .filter((p, k, all) => p.idNumber === null && all.indexOf(p) === k);
  if (missing.length > 0)
    throw new AppError(
      "INPUT_INVALID",
      `${missing.length} 名有申报收入的员工没有身份证号，无法生成个税申报文件：请在员工信息中补填“身份证号”后再导出`,
      `${missing.length} employee(s) with income to declare have no ID number; fill in 身份证号 first`,
      missing.map((p) => ({
        zh: `${p.employeeNo} ${p.name}：缺少身份证号`,
        en: `${p.employeeNo}: no ID number`,
      })),
    );
  const sheets = iitSheets(rows);
  const bytes =
    format === "csv"
      ? exportCsv(sheets[0]!)
      : await exportXlsx(sheets, `${d.company} ${o.period} 个税扣缴申报`);
  const wageIncome = rows.wage.reduce((s, r) => s.add(r.amounts.本期收入 ?? Dec.ZERO), Dec.ZERO).toFixed(2);
  const counts = { wage: rows.wage.length, bonus: rows.bonus.length, labor: rows.labor.length };
  await deliverExport(ctx, {
    ...(o.out === undefined ? {} : { out: o.out }),
    bytes,
    action: "export.iit",
    runId: d.run.id,
    after: { period: o.period, format, ...counts, skipped: rows.skipped.length, wageIncome },
  });
  return {
    bytes,
    format,
    fileName: `个税扣缴申报-${o.period}.${format}`,
    runId: d.run.id,
    ...counts,
    skipped: rows.skipped,
    unsplit: rows.unsplit,
    wageIncome,
  };
}
