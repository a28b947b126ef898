/**
 * What the export documents (register, 工资条) are made from: the period's run — approved, paid or locked, or
 * with `draft` the latest calculated run — its stored payslips, the policy version it ran under (register columns,
 * item kinds and places) and the employees' 姓名 / 团队 as the run's inputs hold them. Amounts come only from the
 * stored payslips, never from a recomputation.
 * @example const data = await loadExportData(ctx, { period: "2026-08" }); data.rows[0]!.cells
 */

import { Dec, formatUnits } from "@xinsuan/core";
import type { Run } from "@xinsuan/store";
import { AppError } from "../app-error.js";
import type { ServiceContext } from "../context.js";
import { writeFileAtomic } from "../io/atomic-write.js";
import type { ExportCell } from "../io/write-export.js";
import { storeCall } from "../store-errors.js";
import { compileVersion } from "./policy-for-period.js";
import { gatherRunInputs, type RunInputs } from "./run-payroll.js";

/** A register column: a stored pay line (with its places and whether it is summed) or employee text. @example const c: ExportColumn = { name: "实发工资", line: { places: 2, summed: true } } */
export type ExportColumn = { name: string; line?: { places: number; summed: boolean } };

/** One employee's row of the register. @example const r: ExportEmployee = { employeeNo: "E001", name: "张三", team: "一组", cells, units } */
export type ExportEmployee = {
  employeeNo: string;
  name: string;
  team: string;
  /** One cell per column. */
  cells: ExportCell[];
  /** The stored units per column (0 for text columns), for exact subtotals. */
  units: number[];
  error?: unknown;
};

/** Everything a document needs. @example const d: ExportData = await loadExportData(ctx, { period: "2026-08" }) */
export type ExportData = {
  run: Run;
  company: string;
  period: string;
  /** The run's state in Chinese (已审批, 已发放, 已锁定, 已计算（草稿）). */
  state: string;
  draft: boolean;
  /** The policies of the run, e.g. "方案第 1 版" or "客服方案 第 2 版、兼职方案 第 1 版". */
  policies: string;
  columns: ExportColumn[];
  /** Ordered by team, then 工号. */
  rows: ExportEmployee[];
  /** The run's inputs gathered again (for the warnings; 姓名 / 团队 come from here too). */
  inputs: RunInputs;
};

const FINAL = new Set(["approved", "paid", "locked"]);
const STATE_ZH: Record<string, string> = {
  draft: "计算中",
  calculated: "已计算，待审批",
  approved: "已审批",
  paid: "已发放",
  locked: "已锁定",
};
const PERIOD_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
const TOTALS = ["应发工资", "应税收入", "扣款合计", "实发工资"];

/** The run to export: the final one, or with `draft` the latest calculated one; RUN_NOT_READY otherwise. */
async function chooseRun(ctx: ServiceContext, period: string, draft: boolean): Promise<Run> {
  const runs = await storeCall(() => ctx.store.runs.listRuns(ctx.tenantId, period));
  const final = runs.filter((r) => FINAL.has(r.status)).at(-1);
  if (final) return final;
  const latest = runs.at(-1);
  if (!latest)
    throw new AppError("NOT_FOUND", `${period} 还没有算薪，无可导出`, `no run of ${period} to export`);
  if (draft && latest.status === "calculated") return latest;
  throw new AppError(
    "RUN_NOT_READY",
    `${period} 的算薪状态为“${STATE_ZH[latest.status] ?? latest.status}”，未审批不能导出；审批后再导出，或导出供复核的草稿工资表（--draft）`,
    `the run of ${period} is ${latest.status}, not approved: approve it first, or export a draft register for review (--draft)`,
  );
}

/**
 * 姓名 / 团队 of payslips whose employee is no longer among the period's active employees (dates edited since
 * the run): read from the roster, so no row goes out without a name.
 */
async function addMissing(
  ctx: ServiceContext,
  values: Map<string, Record<string, string | undefined>>,
  numbers: readonly string[],
): Promise<void> {
  const missing = numbers.filter((no) => !values.has(no));
  if (missing.length === 0) return;
  const teams = new Map(
    (await storeCall(() => ctx.store.teams.list(ctx.tenantId))).map((t) => [t.id, t.name]),
  );
  for (const no of missing) {
    const e = await storeCall(() => ctx.store.employees.findByNo(ctx.tenantId, no));
    if (e) values.set(no, { 工号: no, 姓名: e.name, 团队: e.teamId ? (teams.get(e.teamId) ?? "") : "" });
  }
}

/**
 * The register columns of all the run's policies: the first policy's order, then each other column before the
 * totals; then any stored pay line none of them names (so the amounts always add up to the totals).
 * @example registerNames([["工号", "姓名", "底薪", "实发工资"], ["工号", "姓名", "时薪工资", "实发工资"]], [])
 * // ["工号", "姓名", "底薪", "时薪工资", "实发工资"]
 */
export function registerNames(
  registers: readonly (readonly string[])[],
  storedLines: readonly string[],
): string[] {
  const names: string[] = [];
  const add = (n: string) => {
    if (names.includes(n)) return;
    const at = names.findIndex((x) => TOTALS.includes(x));
    if (at < 0 || TOTALS.includes(n)) names.push(n);
    else names.splice(at, 0, n);
  };
  for (const r of registers) for (const n of r) add(n);
  for (const n of storedLines) if (n !== "应税收入") add(n);
  if (!names.includes("团队"))
    names.splice(names.includes("姓名") ? names.indexOf("姓名") + 1 : 0, 0, "团队");
  return names;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Loads the run of `period` and lays out its register rows. `draft` accepts a calculated, unapproved run.
 * @example const { rows, columns } = await loadExportData(ctx, { period: "2026-08", draft: true })
 */
export async function loadExportData(
  ctx: ServiceContext,
  o: { period: string; draft?: boolean },
): Promise<ExportData> {
  if (!PERIOD_RE.test(o.period))
    throw new AppError(
      "USAGE",
      `期间“${o.period}”格式不对，应为 YYYY-MM，如 2026-10`,
      "period must be YYYY-MM",
    );
  const { store, tenantId } = ctx;
  const run = await chooseRun(ctx, o.period, o.draft === true);
  const [tenant, version, slips] = await Promise.all([
    storeCall(() => store.tenants.get(tenantId)),
    storeCall(() => store.policies.getVersion(tenantId, run.policyVersionId)),
    storeCall(() => store.runs.listPayslips(tenantId, run.id)),
  ]);
  const inputs = await gatherRunInputs(ctx, o.period, version);
  const values = new Map<string, Record<string, string | undefined>>(
    inputs.groups.flatMap((g) => g.employees.map((e) => [String(e.values.工号 ?? ""), e.values] as const)),
  );
  await addMissing(
    ctx,
    values,
    slips.map((s) => s.employeeNo),
  );
  const compiled =
    inputs.groups.length > 0 ? inputs.groups.map((g) => g.compiled) : [compileVersion(version)];
  const places = new Map<string, { places: number; summed: boolean }>(
    TOTALS.map((n) => [n, { places: 2, summed: true }] as const),
  );
  for (const c of compiled)
    for (const i of c.items)
      if (!places.has(i.name)) places.set(i.name, { places: i.places, summed: i.kind !== "info" });
  const names = registerNames(
    compiled.map((c) => c.register),
    slips.flatMap((s) => Object.keys(s.lines)).filter((n) => places.has(n)),
  );
  const columns: ExportColumn[] = names.map((name) => {
    const line = places.get(name);
    return line ? { name, line } : { name };
  });
  const rows: ExportEmployee[] = slips.map((s) => {
    const v = values.get(s.employeeNo) ?? {};
    const text = (name: string) => (name === "工号" ? s.employeeNo : String(v[name] ?? ""));
    const units = columns.map((c) => (c.line ? (s.lines[c.name] ?? 0) : 0));
    const cells = columns.map((c, k): ExportCell => {
      if (!c.line) return { text: text(c.name) };
      const shown = Math.max(2, c.line.places);
      return { amount: formatUnits(units[k]!, c.line.places, shown), places: shown };
    });
    return {
      employeeNo: s.employeeNo,
      name: text("姓名"),
      team: text("团队"),
      cells,
      units,
      ...(s.error === undefined ? {} : { error: s.error }),
    };
  });
  rows.sort((a, b) => byText(a.team, b.team) || byText(a.employeeNo, b.employeeNo));
  return {
    run,
    company: tenant.name,
    period: o.period,
    state: run.status === "calculated" ? "已计算（草稿，未审批）" : (STATE_ZH[run.status] ?? run.status),
    draft: !FINAL.has(run.status),
    policies:
      inputs.groups.length > 1
        ? inputs.groups.map((g) => `${g.policyName} 第 ${g.version.version} 版`).join("、")
        : `方案第 ${version.version} 版`,
    columns,
    rows,
    inputs,
  };
}

/**
 * The exact sum of some rows' units in each summed column, as amount cells (text columns empty).
 * @example sumRows(data.columns, data.rows)
 */
export function sumRows(columns: readonly ExportColumn[], rows: readonly ExportEmployee[]): ExportCell[] {
  return columns.map((c, k) => {
    if (!c.line?.summed) return null;
    let sum = 0n;
    for (const r of rows) sum += BigInt(r.units[k]!);
    const shown = Math.max(2, c.line.places);
    return { amount: Dec.fromCoefficient(sum, c.line.places).toFixed(shown), places: shown };
  });
}

/** The file type of an export. @example const f: ExportFormat = "csv" */
export type ExportFormat = "xlsx" | "csv";

/**
 * The format from `out`'s extension, else `format`, else xlsx; USAGE for any other extension.
 * @example exportFormat({ out: "工资表.csv" }) === "csv"
 */
export function exportFormat(o: { out?: string; format?: ExportFormat }): ExportFormat {
  if (o.out === undefined) return o.format ?? "xlsx";
  const ext = /\.([^./\\]+)$/.exec(o.out)?.[1]?.toLowerCase();
  if (ext === "xlsx" || ext === "csv") return ext;
  throw new AppError(
    "USAGE",
    `不支持的导出文件类型：${o.out}。请使用 .xlsx 或 .csv`,
    `unsupported export file type: ${o.out}; use .xlsx or .csv`,
  );
}

/**
 * Writes the bytes to `out` (atomically: a failed write leaves no partial file) when given, then records the
 * export in the audit log.
 * @example await deliverExport(ctx, { out: "r.xlsx", bytes, action: "export.register", runId, after: { period } })
 */
export async function deliverExport(
  ctx: ServiceContext,
  o: { out?: string; bytes: Uint8Array; action: string; runId: string; after: Record<string, unknown> },
): Promise<void> {
  if (o.out !== undefined) {
    try {
      await writeFileAtomic(o.out, o.bytes);
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      throw new AppError(
        "OUTPUT_FAILED",
        `无法写入 ${o.out}：${detail}（文件夹不存在、没有权限，或文件正被 Excel 打开）`,
        `cannot write ${o.out}: ${detail}`,
      );
    }
  }
  await storeCall(() =>
    ctx.store.audit.append(ctx.tenantId, {
      actor: ctx.actor,
      action: o.action,
      entity: "run",
      entityId: o.runId,
      after: { ...o.after, ...(o.out === undefined ? {} : { file: o.out }), bytes: o.bytes.length },
    }),
  );
}
