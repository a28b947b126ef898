/**
 * The `api <agents> <connections>` benchmark case: a company of `agents` fake agents on SQLite with an approved
 * month, an account per agent, the real server (`xinsuan serve`, its own process, loopback), and `connections`
 * agents signed in, each on its own connection, opening their own explained payslip again and again for 20 s
 * (autocannon). Every response time is kept, so p50/p95/p99 are exact; non-200 answers count as errors.
 * @example const r = await apiCase(1000, 200)
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  addPolicyVersion,
  approveRun,
  createDemoAccounts,
  DEMO_ATTENDANCE_COLUMNS,
  DEMO_KPI_COLUMNS,
  DEMO_PASSWORD,
  DEMO_POLICY_FILE,
  demoPolicyText,
  EMPLOYEE_COLUMNS,
  generateCompany,
  generateLedger,
  importDataset,
  importEmployees,
  initWorkspace,
  runPayrollService,
  type ServiceContext,
} from "@xinsuan/server";
import autocannon from "autocannon";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../../..");
const PERIOD = "2026-10";
const DURATION_S = 20;

async function prepare(dir: string, agents: number): Promise<string[]> {
  const { store, tenant } = await initWorkspace({
    url: `sqlite:${join(dir, "xinsuan.db")}`,
    companyName: "接口基准公司",
    keyPath: join(dir, "xinsuan.key"),
  });
  const ctx: ServiceContext = { store, tenantId: tenant.id, actor: "bench" };
  await addPolicyVersion(ctx, {
    yaml: demoPolicyText(),
    file: DEMO_POLICY_FILE,
    effectiveFrom: "2026-01-01",
  });
  const { rows } = generateCompany({ agents, teamSize: 15, period: PERIOD, seed: 11 });
  await importEmployees(ctx, {
    file: "员工.csv",
    rows: rows.map((r, i) => ({
      rowNumber: i + 2,
      cells: Object.fromEntries(EMPLOYEE_COLUMNS.map((c) => [c, r[c] ?? ""])),
    })),
  });
  const staff = rows.filter((r) => (r.入职日期 ?? "") <= `${PERIOD}-31`);
  for (const [kind, columns] of [
    ["attendance", DEMO_ATTENDANCE_COLUMNS],
    ["kpi", DEMO_KPI_COLUMNS],
  ] as const)
    await importDataset(ctx, {
      period: PERIOD,
      kind,
      file: `${kind}.csv`,
      headers: ["工号", "姓名", ...columns],
      rows: staff.map((r, i) => ({
        rowNumber: i + 2,
        cells: {
          工号: r.工号 ?? "",
          姓名: r.姓名 ?? "",
          ...Object.fromEntries(columns.map((c) => [c, r[c] ?? ""])),
        },
      })),
    });
  await store.ledger.writeState(tenant.id, "2026-09", generateLedger(rows, PERIOD));
  await runPayrollService(ctx, { period: PERIOD });
  await approveRun(ctx, { period: PERIOD });
  await createDemoAccounts(store, tenant.id);
  await store.close();
  return staff.map((r) => r.工号 ?? "");
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not start in 2 minutes");
}

async function signIn(url: string, login: string): Promise<string> {
  const r = await fetch(`${url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login, password: DEMO_PASSWORD }),
  });
  if (!r.ok) throw new Error(`sign-in of ${login}: ${r.status} ${await r.text()}`);
  const cookie = r.headers.getSetCookie().find((c) => c.startsWith("xs_session="));
  return cookie!.split(";")[0]!;
}

type LoadResult = {
  result: autocannon.Result;
  times: number[];
  errors: number;
  statuses: Record<number, number>;
};

/** Each connection is one agent opening their own payslip again and again for `seconds`. */
function load(
  url: string,
  who: readonly string[],
  cookies: readonly string[],
  seconds: number,
): Promise<LoadResult> {
  const times: number[] = [];
  const statuses: Record<number, number> = {};
  let errors = 0;
  let next = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: who.length,
        duration: seconds,
        requests: [
          {
            method: "GET",
            setupRequest: (req, context) => {
              const c = context as { agent?: number };
              c.agent ??= next++ % who.length;
              const k = c.agent;
              return {
                ...req,
                path: `/api/v1/payslips/${PERIOD}/${who[k]}`,
                headers: { cookie: cookies[k]! },
              };
            },
          },
        ],
      },
      (err, result) => (err ? reject(err) : resolve({ result, times, errors, statuses })),
    );
    instance.on("response", (_client, status, _bytes, ms) => {
      times.push(ms);
      if (status !== 200) {
        errors++;
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    });
  });
}

function withoutDatabaseUrl(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, ...rest } = env;
  return rest;
}

function percentile(sorted: readonly number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[Math.max(0, i)] ?? 0) * 10) / 10;
}

/**
 * Runs the case.
 * @example await apiCase(1000, 200)
 */
export async function apiCase(agents: number, connections: number): Promise<Record<string, string | number>> {
  const dir = mkdtempSync(join(tmpdir(), "xinsuan-bench-api-"));
  const port = 3900 + Math.floor(Math.random() * 90);
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  try {
    const numbers = await prepare(dir, agents);
    child = spawn(
      process.execPath,
      [join(root, "packages/cli/bin/xinsuan.js"), "serve", "--port", String(port)],
      {
        cwd: root,
        env: { ...withoutDatabaseUrl(process.env), XINSUAN_DATA_DIR: dir },
        stdio: ["ignore", "ignore", "inherit"],
      },
    );
    await waitForHealth(url, child);
    const who = numbers.slice(0, connections);
    const cookies: string[] = [];
    for (const no of who) cookies.push(await signIn(url, no));
    // Warm-up, not measured: 5 s of the same load (a cold server compiles code and computes the month's
    // explanations once; the first seconds after start also showed requests stuck for the full 10 s timeout).
    await load(url, who, cookies, 5);
    const { result, times, errors, statuses } = await load(url, who, cookies, DURATION_S);
    // A request that timed out counts at the timeout (10 s), so the percentiles cover every request sent.
    for (let i = 0; i < result.timeouts; i++) times.push(10_000);
    times.sort((a, b) => a - b);
    const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
    const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return {
      mode: "api",
      agents: connections,
      companyAgents: agents,
      ms: DURATION_S * 1000,
      requests: times.length,
      perSec: Math.round(result.requests.average),
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      p99: percentile(times, 99),
      max: Math.round(times.at(-1) ?? 0),
      // autocannon counts a timeout among its errors too
      errors: errors + result.errors,
      errorKinds:
        [
          ...Object.entries(statuses).map(([k, v]) => `HTTP ${k} × ${v}`),
          ...(result.errors > result.timeouts ? [`socket errors ${result.errors - result.timeouts}`] : []),
          ...(result.timeouts ? [`timeouts ${result.timeouts}`] : []),
        ].join(", ") || "none",
      peakRssMb: Math.round(hwm / 1024),
      net: "–",
    };
  } finally {
    child?.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
}
