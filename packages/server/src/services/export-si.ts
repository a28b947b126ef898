/**
 * `xinsuan export si`: the social insurance and housing fund summary of an approved run, for finance — by 参保城市 ×
 * item (养老, 医疗（含生育）, 失业, 工伤, 住房公积金) with headcount, contribution-base total, employee side,
 * employer side and both, a 小计 per city and a 合计; plus a 明细 sheet per employee (no ID numbers).
 *
 * Employee side: the stored payslip lines (个人养老保险, 个人医疗保险, 个人失业保险, 个人住房公积金), so it equals the
 * register to the 分. Employer side: core's calculator (`computeContributions`) with what the run used for that
 * employee — 参保地 (employee's 参保城市, else the policy's city), 缴费基数 and 公积金基数 (the input, or its
 * fallback), the policy's parameter 公积金缴存比例 and the 参加社保 / 参加公积金 conditions, all read from the run recomputed
 * (run-values.ts); the base is clamped to the city's bounds exactly as for the employee lines. Maternity insurance
 * (生育) is merged into medical insurance (职工基本医疗保险) in the built-in city data, so it has no row of its own.
 * @example const r = await exportSi(ctx, { period: "2026-08", out: "社保汇总-2026-08.xlsx" })
 */

import { Dec } from "@xinsuan/core";
import { authorize } from "../auth/authorize.js";
import type { ServiceContext } from "../context.js";
import {
  type ExportCell,
  type ExportRow,
  type ExportSheet,
  exportCsv,
  exportXlsx,
} from "../io/write-export.js";
import { storeCall } from "../store-errors.js";
import { employerContributions, SI_VALUE_NAMES } from "./employer-contributions.js";
import { deliverExport, type ExportFormat, exportFormat, loadExportData } from "./export-data.js";
import { lineOf, readRunValues } from "./run-values.js";

/** Options. @example const o: ExportSiOptions = { period: "2026-08", out: "社保.xlsx" } */
export type ExportSiOptions = { period: string; out?: string; format?: ExportFormat };

/** The items, in summary order. @example SI_SUMMARY_ITEMS[1] === "医疗保险（含生育）" */
export const SI_SUMMARY_ITEMS = [
  "养老保险",
  "医疗保险（含生育）",
  "失业保险",
  "工伤保险",
  "住房公积金",
] as const;

/** One employee's contributions (amounts null where the city data has no employer figure). @example const c: SiContribution = rows[0] */
export type SiContribution = {
  employeeNo: string;
  name: string;
  team: string;
  city: string;
  siBase: Dec;
  hfBase: Dec;
  /** By SI_SUMMARY_ITEMS index. */
  employee: Dec[];
  employer: (Dec | null)[];
  /** Whether the employee takes part in social insurance / the housing fund. */
  si: boolean;
  hf: boolean;
};

/** What the export returns. @example const { totals } = await exportSi(ctx, { period: "2026-08" }) */
export type ExportSiResult = {
  bytes: Uint8Array;
  format: ExportFormat;
  fileName: string;
  runId: string;
  employees: number;
  cities: string[];
  /** Per item (SI_SUMMARY_ITEMS order): employee and employer side over all cities, 2-place text. */
  totals: { item: string; employee: string; employer: string }[];
  detail: SiContribution[];
};

const EMPLOYEE_LINES = ["个人养老保险", "个人医疗保险", "个人失业保险", null, "个人住房公积金"] as const;
const text = (t: string): ExportCell => ({ text: t });
const money = (d: Dec | null): ExportCell => (d === null ? null : { amount: d.toFixed(2), places: 2 });
const sum = (ds: readonly (Dec | null)[]) => ds.reduce<Dec>((s, d) => (d === null ? s : s.add(d)), Dec.ZERO);

/** The summary sheet: city × item rows, 小计 per city, 合计. */
function summarySheet(title: string, rows: readonly SiContribution[]): ExportSheet {
  const out: ExportRow[] = [
    { role: "title", cells: [text(title)] },
    {
      role: "header",
      cells: ["参保城市", "项目", "人数", "缴费基数合计", "个人缴纳", "单位缴纳", "合计"].map(text),
    },
  ];
  const line = (
    role: ExportRow["role"],
    city: string,
    item: string,
    list: readonly SiContribution[],
    k?: number,
  ) => {
    const items = k === undefined ? SI_SUMMARY_ITEMS.map((_, i) => i) : [k];
    const inItem = (c: SiContribution, i: number) => (i === 4 ? c.hf : c.si);
    const who = list.filter((c) => items.some((i) => inItem(c, i)));
    const emp = sum(list.flatMap((c) => items.map((i) => c.employee[i]!)));
    const er = sum(list.flatMap((c) => items.map((i) => c.employer[i] ?? null)));
    const base = k === undefined ? null : sum(who.map((c) => (k === 4 ? c.hfBase : c.siBase)));
    out.push({
      role,
      cells: [
        text(city),
        text(item),
        { amount: String(who.length), places: 0 },
        money(base),
        money(emp),
        money(er),
        money(emp.add(er)),
      ],
    });
  };
  const cities = [...new Set(rows.map((r) => r.city))].sort();
  for (const city of cities) {
    const mine = rows.filter((r) => r.city === city);
    SI_SUMMARY_ITEMS.forEach((item, k) => {
      line("data", city, item, mine, k);
    });
    line("subtotal", city, "小计", mine);
  }
  line("total", "合计", "", rows);
  return { name: "汇总", rows: out, freezeRows: 2 };
}

/** The 明细 sheet: one row per employee, no ID numbers. */
function detailSheet(title: string, rows: readonly SiContribution[]): ExportSheet {
  const header = [
    "工号",
    "姓名",
    "团队",
    "参保城市",
    "社保缴费基数",
    "公积金基数",
    "个人养老",
    "个人医疗",
    "个人失业",
    "个人公积金",
    "个人合计",
    "单位养老",
    "单位医疗",
    "单位失业",
    "单位工伤",
    "单位公积金",
    "单位合计",
  ];
  const out: ExportRow[] = [
    { role: "title", cells: [text(title)] },
    { role: "header", cells: header.map(text) },
  ];
  for (const c of rows) {
    const emp = [0, 1, 2, 4].map((i) => c.employee[i]!);
    out.push({
      role: "data",
      cells: [
        ...[c.employeeNo, c.name, c.team, c.city].map(text),
        money(c.si ? c.siBase : null),
        money(c.hf ? c.hfBase : null),
        ...emp.map(money),
        money(sum(emp)),
        ...c.employer.map(money),
        money(sum(c.employer)),
      ],
    });
  }
  return { name: "明细", rows: out, freezeRows: 2 };
}

/**
 * Exports the SI/HF summary of `period`'s approved run; writes `out` when given; audit-logged (`export.si`).
 * @example const { totals } = await exportSi(ctx, { period: "2026-08" })
 */
export async function exportSi(ctx: ServiceContext, o: ExportSiOptions): Promise<ExportSiResult> {
  authorize(ctx, "exports.si");
  const format = exportFormat(o);
  const d = await loadExportData(ctx, { period: o.period });
  const slips = await storeCall(() => ctx.store.runs.listPayslips(ctx.tenantId, d.run.id));
  const values = readRunValues(d.inputs, SI_VALUE_NAMES);
  const detail: SiContribution[] = [];
  for (const slip of slips) {
    const v = values.get(slip.employeeNo);
    const side = v && employerContributions(o.period, v);
    if (!v || !side) continue;
    const row = d.rows.find((r) => r.employeeNo === slip.employeeNo);
    detail.push({
      employeeNo: slip.employeeNo,
      name: row?.name ?? "",
      team: row?.team ?? "",
      city: side.city,
      siBase: side.siBase,
      hfBase: side.hfBase,
      employee: EMPLOYEE_LINES.map((l) => (l === null ? Dec.ZERO : lineOf(slip, l, v.compiled))),
      employer: side.employer,
      si: side.si,
      hf: side.hf,
    });
  }
  const title = `${d.company} · ${o.period} 社保公积金汇总 · 状态：${d.state}`;
  const summary = summarySheet(title, detail);
  const bytes =
    format === "csv" ? exportCsv(summary) : await exportXlsx([summary, detailSheet(title, detail)], title);
  const totals = SI_SUMMARY_ITEMS.map((item, k) => ({
    item,
    employee: sum(detail.map((c) => c.employee[k]!)).toFixed(2),
    employer: sum(detail.map((c) => c.employer[k] ?? null)).toFixed(2),
  }));
  const cities = [...new Set(detail.map((r) => r.city))].sort();
  await deliverExport(ctx, {
    ...(o.out === undefined ? {} : { out: o.out }),
    bytes,
    action: "export.si",
    runId: d.run.id,
    after: { period: o.period, format, employees: detail.length, cities },
  });
  return {
    bytes,
    format,
    fileName: `社保公积金汇总-${o.period}.${format}`,
    runId: d.run.id,
    employees: detail.length,
    cities,
    totals,
    detail,
  };
}
