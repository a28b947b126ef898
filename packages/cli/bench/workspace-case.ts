/**
 * The `workspace <db> <agents>` benchmark case: the payroll workspace's services on a fresh database, each step
 * timed on its own — init + policy, the employee import, one month's datasets (attendance and KPI), the prior
 * ledger (written as the previous period's state the way load-demo-company does), the run (engine + saving
 * payslips + next state) and reading the register back from the store (stands in for `xinsuan export`).
 * SQLite is a temp file; PostgreSQL is BENCH_DATABASE_URL, whose public schema is dropped and recreated first
 * (so it must be a throw-away database: its name has to contain "bench").
 * @example const r = await workspaceCase("sqlite", 2000)
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  addPolicyVersion,
  approveRun,
  DEMO_ATTENDANCE_COLUMNS,
  DEMO_KPI_COLUMNS,
  DEMO_POLICY_FILE,
  demoPolicyText,
  EMPLOYEE_COLUMNS,
  exportRegister,
  generateCompany,
  generateLedger,
  importDataset,
  importEmployees,
  initWorkspace,
  runPayrollService,
  type ServiceContext,
} from "@xinsuan/server";
import { openDatabase } from "@xinsuan/store";
import { sql } from "kysely";

const PERIOD = "2026-10";
const PRIOR_PERIOD = "2026-09";
const ATTENDANCE = DEMO_ATTENDANCE_COLUMNS;
const KPI = DEMO_KPI_COLUMNS;

function mb(bytes: number): number {
  return Math.round(bytes / 1024 / 1024);
}

/** Drops and recreates the public schema of a throw-away PostgreSQL database. */
async function freshPostgres(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!/bench/i.test(name))
    throw new Error(`BENCH_DATABASE_URL must name a throw-away database (with "bench" in it), not "${name}"`);
  const db = openDatabase(url);
  try {
    await sql`drop schema if exists public cascade`.execute(db);
    await sql`create schema public`.execute(db);
  } finally {
    await db.destroy();
  }
}

/** Fake but well-formed personal fields, so that the import encrypts them as it would real ones. */
function personal(i: number): Record<string, string> {
  const n = String(i).padStart(7, "0");
  return {
    手机: `138${String(i).padStart(8, "0")}`,
    身份证号: `3101011990${n}X`,
    银行卡号: `6222${String(i).padStart(15, "0")}`,
    开户行: "招商银行上海分行",
    参保城市: "上海",
  };
}

export type WorkspaceResult = Record<string, string | number>;

/**
 * Runs the case and returns its figures (ms per step, peak RSS, RSS after each step, totals).
 * @example await workspaceCase("postgres", 100000)
 */
export async function workspaceCase(dbKind: string, agents: number): Promise<WorkspaceResult> {
  const tmp = mkdtempSync(join(tmpdir(), "xinsuan-bench-ws-"));
  let url: string;
  if (dbKind === "sqlite") url = `sqlite:${join(tmp, "bench.db")}`;
  else if (dbKind === "postgres") {
    const env = process.env.BENCH_DATABASE_URL;
    if (!env) throw new Error("set BENCH_DATABASE_URL for the postgres workspace case");
    url = env;
    await freshPostgres(url);
  } else throw new Error(`unknown database "${dbKind}" (sqlite or postgres)`);

  // Generated outside the timed steps: the roster and the month's figures (one generated company).
  const { rows } = generateCompany({ agents, teamSize: 15, period: PERIOD, seed: 7 });
  const ledger = generateLedger(rows, PERIOD);
  const steps: Record<string, number> = {};
  const rss: Record<string, number> = {};
  const peak: Record<string, number> = {};
  const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const out = await fn();
    steps[name] = Math.round(performance.now() - t0);
    rss[name] = mb(process.memoryUsage().rss);
    // maxRSS only grows: the peak so far after a step is that step's peak whenever it rose during the step.
    peak[name] = mb(process.resourceUsage().maxRSS * 1024);
    process.stderr.write(`  ${dbKind} ${name}: ${steps[name]} ms\n`);
    return out;
  };

  const { store, tenant } = await step("init", async () => {
    const w = await initWorkspace({
      url,
      companyName: "基准测试公司",
      keyPath: join(tmp, "xinsuan.key"),
    });
    const ctx: ServiceContext = { store: w.store, tenantId: w.tenant.id, actor: "bench" };
    await addPolicyVersion(ctx, {
      yaml: demoPolicyText(),
      file: DEMO_POLICY_FILE,
      effectiveFrom: "2026-01-01",
      templateId: "welfare-6tier",
    });
    return w;
  });
  const ctx: ServiceContext = { store, tenantId: tenant.id, actor: "bench" };
  try {
    const roster = rows.map((r, i) => ({
      rowNumber: i + 2,
      cells: { ...Object.fromEntries(EMPLOYEE_COLUMNS.map((c) => [c, r[c] ?? ""])), ...personal(i) },
    }));
    const imported = await step("employees", () => importEmployees(ctx, { file: "员工.csv", rows: roster }));
    const staff = rows
      .filter((r) => (r.入职日期 ?? "") <= `${PERIOD}-31`)
      .map((r, i) => ({ r, rowNumber: i + 2 }));
    const dataset = (kind: "attendance" | "kpi", columns: readonly string[]) =>
      importDataset(ctx, {
        period: PERIOD,
        kind,
        file: `${kind}-${PERIOD}.csv`,
        headers: ["工号", "姓名", ...columns],
        rows: staff.map(({ r, rowNumber }) => ({
          rowNumber,
          cells: {
            工号: r.工号 ?? "",
            姓名: r.姓名 ?? "",
            ...Object.fromEntries(columns.map((c) => [c, r[c] ?? ""])),
          },
        })),
      });
    await step("datasets", async () => {
      await dataset("attendance", ATTENDANCE);
      await dataset("kpi", KPI);
    });
    await step("ledger", () => store.ledger.writeState(tenant.id, PRIOR_PERIOD, ledger));
    const run = await step("run", () => runPayrollService(ctx, { period: PERIOD }));
    const slips = await step("readBack", () => store.runs.listPayslips(tenant.id, run.runId));
    await step("approve", () => approveRun(ctx, { period: PERIOD }));
    const csv = await step("exportCsv", () =>
      exportRegister(ctx, { period: PERIOD, out: join(tmp, "工资表.csv") }),
    );
    const xlsx = await step("exportXlsx", () =>
      exportRegister(ctx, { period: PERIOD, out: join(tmp, "工资表.xlsx") }),
    );
    const timed =
      steps.init! +
      steps.employees! +
      steps.datasets! +
      steps.run! +
      steps.approve! +
      steps.exportCsv! +
      steps.exportXlsx!;
    return {
      mode: "workspace",
      db: dbKind,
      agents,
      ms: timed,
      initMs: steps.init!,
      employeesMs: steps.employees!,
      datasetsMs: steps.datasets!,
      ledgerMs: steps.ledger!,
      runMs: steps.run!,
      readBackMs: steps.readBack!,
      approveMs: steps.approve!,
      exportCsvMs: steps.exportCsv!,
      exportXlsxMs: steps.exportXlsx!,
      exportBytes: `csv ${csv.bytes.length}, xlsx ${xlsx.bytes.length}`,
      peakMb: Object.entries(peak)
        .map(([k, v]) => `${k} ${v}`)
        .join(", "),
      rssAfter: Object.entries(rss)
        .map(([k, v]) => `${k} ${v}`)
        .join(", "),
      created: imported.created,
      payslips: slips.length,
      errors: run.errorCount,
      net: String(run.totals.net),
      peakRssMb: mb(process.resourceUsage().maxRSS * 1024),
    };
  } finally {
    await store.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}
