/**
 * Imports the year-to-date income-tax ledger (个税累计台账) as of a month: what a company starting on xinsuan in
 * mid-year carries over, or a mid-year hire's earlier income at this company. The figures become the carried
 * state of `period`, which the next month's run reads; 个税年度 is the period's year. All-or-nothing: every bad
 * row is listed with column and reason and nothing is written. Refused when `period` or a later month already has
 * a run (the ledger then comes from the runs; correct a paid month with an adjustment). Audited.
 * @example await importLedger(ctx, { period: "2026-07", file: "台账.xlsx", rows })
 */

import { Dec } from "@xinsuan/core";
import { createAuditRepository, replaceState } from "@xinsuan/store";
import { AppError, type Msg } from "../app-error.js";
import type { ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";

/** The ledger columns, as the statutory section names its state. @example LEDGER_COLUMNS[0] === "个税累计收入" */
export const LEDGER_COLUMNS = [
  "个税累计收入",
  "个税累计免税收入",
  "个税累计专项扣除",
  "个税累计专项附加扣除",
  "个税累计其他扣除",
  "个税累计已预扣",
] as const;

/** What to import. @example const l: LedgerImport = { period: "2026-07", file: "台账.csv", rows: [{ rowNumber: 2, cells: { 工号: "E1", 个税累计收入: "105000" } }] } */
export type LedgerImport = {
  period: string;
  file: string;
  rows: { rowNumber: number; cells: Record<string, string | undefined> }[];
  headers?: string[];
};

const PERIOD_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
const AMOUNT_RE = /^\d+(\.\d{1,2})?$/;

/**
 * Validates and stores the ledger; returns how many employees it covers.
 * @example const { employees } = await importLedger(ctx, { period: "2026-07", file: "台账.csv", rows })
 */
export async function importLedger(ctx: ServiceContext, l: LedgerImport): Promise<{ employees: number }> {
  const { store, tenantId, actor } = ctx;
  if (!PERIOD_RE.test(l.period))
    throw new AppError(
      "USAGE",
      `期间“${l.period}”格式不对，应为 YYYY-MM`,
      `period "${l.period}" must be YYYY-MM`,
    );
  const headers = l.headers ?? [...new Set(l.rows.flatMap((r) => Object.keys(r.cells)))];
  const unknown = headers.filter(
    (h) => h !== "工号" && h !== "姓名" && !(LEDGER_COLUMNS as readonly string[]).includes(h),
  );
  const problems: Msg[] = unknown.map((h) => ({
    zh: `${l.file} 第1行（表头）：“${h}”不是个税累计台账的列（可用：工号、${LEDGER_COLUMNS.join("、")}）`,
    en: `${l.file} row 1 (the header): "${h}" is not a ledger column`,
  }));
  if (!headers.includes("工号"))
    problems.push({
      zh: `${l.file} 第1行（表头）缺少“工号”列`,
      en: `${l.file} row 1: the column "工号" is missing`,
    });
  const later = await storeCall(() =>
    store.db
      .selectFrom("runs")
      .innerJoin("periods", (j) =>
        j.onRef("periods.id", "=", "runs.period_id").onRef("periods.tenant_id", "=", "runs.tenant_id"),
      )
      .select("periods.period")
      .where("runs.tenant_id", "=", tenantId)
      .where("periods.period", ">=", l.period)
      .orderBy("periods.period")
      .limit(1)
      .executeTakeFirst(),
  );
  if (later)
    throw new AppError(
      "RUN_IMMUTABLE",
      `${later.period} 已算薪，${l.period} 的个税累计由算薪结转产生，不能再导入；已发月份的更正请用补发/补扣调整`,
      `${later.period} has a run; the ledger of ${l.period} comes from the runs and cannot be imported`,
    );
  const known = new Set(
    (
      await storeCall(() =>
        store.db.selectFrom("employees").select("employee_no").where("tenant_id", "=", tenantId).execute(),
      )
    ).map((r) => r.employee_no),
  );
  const seen = new Map<string, number>();
  const entries: Record<string, Record<string, string>> = {};
  const bad = (row: number, col: string, zh: string, en: string) =>
    problems.push({
      zh: `${l.file} 第${row}行 “${col}”列：${zh}`,
      en: `${l.file} row ${row}, column "${col}": ${en}`,
    });
  for (const r of l.rows) {
    const no = (r.cells.工号 ?? "").trim();
    if (!no) bad(r.rowNumber, "工号", "缺少工号", "missing employee number");
    else if (seen.has(no))
      bad(r.rowNumber, "工号", `与第${seen.get(no)}行重复`, `repeats row ${seen.get(no)}`);
    else if (!known.has(no)) bad(r.rowNumber, "工号", `没有工号为“${no}”的员工`, `no employee ${no}`);
    if (no && !seen.has(no)) seen.set(no, r.rowNumber);
    const values: Record<string, string> = { 个税年度: l.period.slice(0, 4) };
    for (const col of LEDGER_COLUMNS) {
      const text = (r.cells[col] ?? "").trim().replace(/,/g, "");
      if (text === "") continue;
      if (!AMOUNT_RE.test(text)) {
        bad(
          r.rowNumber,
          col,
          `“${text}”不是不小于 0、最多两位小数的金额`,
          `"${text}" is not an amount ≥ 0 with at most 2 decimals`,
        );
        continue;
      }
      values[col] = Dec.parse(text).toFixed(2);
    }
    if (no) entries[no] = values;
  }
  if (l.rows.length === 0) problems.push({ zh: `${l.file}：没有数据行`, en: `${l.file}: no data rows` });
  if (problems.length > 0)
    throw new AppError(
      "INPUT_INVALID",
      `${l.file} 有 ${problems.length} 处问题，未导入任何数据`,
      `${l.file} has ${problems.length} problem(s); nothing was imported`,
      problems,
    );
  await storeCall(async () => {
    const before = await store.ledger.readState(tenantId, l.period);
    await store.db.transaction().execute(async (trx) => {
      const employees = { ...(before.employees ?? {}) };
      for (const [no, values] of Object.entries(entries)) employees[no] = { ...employees[no], ...values };
      await replaceState(trx, tenantId, l.period, { ...before, employees });
      await createAuditRepository(trx).append(tenantId, {
        actor,
        action: "ledger.import",
        entity: "ledger",
        entityId: l.period,
        after: { file: l.file, employees: Object.keys(entries).length },
      });
    });
  });
  return { employees: Object.keys(entries).length };
}
