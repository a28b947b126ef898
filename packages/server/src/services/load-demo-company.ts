/**
 * Loads the demo company: a tenant on the welfare-6tier template (base pay raised to 2026 levels), 60 generated
 * agents in 3 teams, the tax ledger a company switching to xinsuan in mid-year imports once (January–July,
 * written as the 2026-07 state), and generated attendance and KPI datasets for 2026-08, 2026-09 and 2026-10.
 * Runs then go month by month, each carrying the ledger and team thresholds to the next; with `history` every
 * month but the latest is calculated and approved here (what `xinsuan init --demo` does). Idempotent: a demo
 * tenant that already has employees is left as it is. All data is fake.
 * @example const { tenantId } = await loadDemoCompany(store); await runPayrollService({ store, tenantId, actor }, { period: "2026-08" })
 */

import type { ServerStore, ServiceContext } from "../context.js";
import { DEMO_POLICY_FILE, demoPolicyText } from "../demo/demo-policy.js";
import { generateCompany, generateLedger } from "../demo/generate-company.js";
import { storeCall } from "../store-errors.js";
import { addPolicyVersion } from "./add-policy-version.js";
import { approveRun } from "./approve-run.js";
import { importDataset } from "./import-dataset.js";
import { EMPLOYEE_COLUMNS, importEmployees } from "./import-employees.js";
import { ensureTenant } from "./init-workspace.js";
import { runPayrollService } from "./run-payroll.js";

/** Name of the demo tenant. @example DEMO_COMPANY === "示例电商客服中心（演示）" */
export const DEMO_COMPANY = "示例电商客服中心（演示）";

/** The demo's months, in the order they must be run. @example DEMO_PERIODS.at(-1) === "2026-10" */
export const DEMO_PERIODS = ["2026-08", "2026-09", "2026-10"] as const;

/** The demo's (and the benchmarks') attendance columns. @example DEMO_ATTENDANCE_COLUMNS[0] === "出勤天数" */
export const DEMO_ATTENDANCE_COLUMNS: readonly string[] = ["出勤天数", "在线时长", "日志提交天数"];
/** The demo's (and the benchmarks') KPI columns. @example DEMO_KPI_COLUMNS.includes("主管评分") */
export const DEMO_KPI_COLUMNS: readonly string[] = [
  "来电量",
  "接听量",
  "有效点评数",
  "成交金额",
  "有效订单数",
  "主管评分",
  "加分项数",
  "电话成交单数_已审批",
  "外拨成交金额",
  "缴费基数",
  "专项附加扣除",
];
/** Fixed for the year: taken from the roster, not regenerated each month. */
const YEARLY = new Set(["缴费基数", "专项附加扣除"]);

/** What was loaded. @example const r: DemoResult = await loadDemoCompany(store) */
export type DemoResult = {
  tenantId: string;
  loaded: boolean;
  employees: number;
  periods: readonly string[];
  /** The months calculated and approved as the company's history (with `history`). */
  approved: readonly string[];
};

/**
 * Creates (or finds) the demo tenant and loads its data when it has none.
 * @example await loadDemoCompany(store, "cli")
 */
export async function loadDemoCompany(
  store: ServerStore,
  actor = "demo",
  /** `history`: approve every month but the latest; `personal`: fake ID, bank and e-mail fields (what `init --demo` uses). */
  options: { history?: boolean; personal?: boolean } = {},
): Promise<DemoResult> {
  const { tenant } = await ensureTenant(store, DEMO_COMPANY);
  const ctx: ServiceContext = { store, tenantId: tenant.id, actor };
  const existing = await storeCall(() => store.employees.list(tenant.id, { limit: 1 }));
  const master = generateCompany({ agents: 60, teamSize: 20, period: DEMO_PERIODS.at(-1)!, seed: 2026 }).rows;
  if (existing.length > 0)
    return {
      tenantId: tenant.id,
      loaded: false,
      employees: master.length,
      periods: DEMO_PERIODS,
      approved: [],
    };

  await addPolicyVersion(ctx, {
    yaml: demoPolicyText(),
    file: DEMO_POLICY_FILE,
    effectiveFrom: "2026-01-01",
    templateId: "welfare-6tier",
  });
  await importEmployees(ctx, {
    file: "演示员工.csv",
    rows: master.map((r, i) => ({
      rowNumber: i + 2,
      cells: {
        ...Object.fromEntries(EMPLOYEE_COLUMNS.map((c) => [c, r[c] ?? ""])),
        ...(options.personal ? demoPersonal(i) : {}),
      },
    })),
  });
  // The first demo month needs January–July: a mid-year switch imports it once as the prior month's state.
  await storeCall(() =>
    store.ledger.writeState(tenant.id, "2026-07", generateLedger(master, DEMO_PERIODS[0])),
  );

  for (const [k, period] of DEMO_PERIODS.entries()) {
    const month = generateCompany({ agents: 60, teamSize: 20, period, seed: 2026 + 1 + k }).rows;
    const staff = master
      .map((r, i) => ({ r, m: month[i]!, rowNumber: 0 }))
      .filter(({ r }) => (r.入职日期 ?? "") <= `${period}-31`)
      .map((x, i) => ({ ...x, rowNumber: i + 2 }));
    for (const [kind, columns] of [
      ["attendance", DEMO_ATTENDANCE_COLUMNS],
      ["kpi", DEMO_KPI_COLUMNS],
    ] as const) {
      await importDataset(ctx, {
        period,
        kind,
        file: `演示${kind === "attendance" ? "考勤" : "绩效"}-${period}.csv`,
        headers: ["工号", "姓名", ...columns],
        rows: staff.map(({ r, m, rowNumber }) => ({
          rowNumber,
          cells: {
            工号: r.工号 ?? "",
            姓名: r.姓名 ?? "",
            ...Object.fromEntries(columns.map((c) => [c, (YEARLY.has(c) ? r[c] : m[c]) ?? ""])),
          },
        })),
      });
    }
  }
  // History: every month but the latest is calculated and approved, as in a company that has used xinsuan a while.
  const approved = options.history ? DEMO_PERIODS.slice(0, -1) : [];
  for (const period of approved) {
    await runPayrollService(ctx, { period });
    await approveRun(ctx, { period });
  }
  return { tenantId: tenant.id, loaded: true, employees: master.length, periods: DEMO_PERIODS, approved };
}

/**
 * Obviously fake personal fields for the demo's documents (bank file, tax file, e-mail): 身份证号 with the
 * non-existent region 990000, 银行卡号 of a made-up bank prefix, addresses at example.com (reserved, RFC 2606).
 * @example demoPersonal(0).身份证号 === "990000199001010001"
 */
export function demoPersonal(i: number): Record<string, string> {
  const seq = String(i + 1).padStart(4, "0");
  return {
    身份证号: `99000019900101${seq}`,
    银行卡号: `6200000000000${String(i + 1).padStart(6, "0")}`,
    开户行: "示例银行上海分行（演示）",
    邮箱: `agent${seq}@example.com`,
  };
}
