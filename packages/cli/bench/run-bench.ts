/**
 * `npm run bench`: synthetic companies (teams of 15) on the welfare-6tier template. Each case runs in its own
 * process; results go to docs/benchmarks.md with the machine and the date.
 *   npm run bench                     – engine 10k / 100k / 1M, CSV→register 100k, workspace 100k on SQLite and
 *                                       PostgreSQL (BENCH_DATABASE_URL, a throw-away database; else "skipped")
 *   npm run bench -- --quick          – engine 10k / 100k, CSV 10k, workspace 2k (prints, does not write the doc)
 *   npm run bench -- --only workspace – only the named cases (engine, csv, workspace, api; comma-separated)
 *   api: 200 agents signed in at once open their payslips over HTTP for 20 s (autocannon; p50/p95/p99)
 * @example npm run bench -- --quick
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, freemem, tmpdir, totalmem, type } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { COMPANY_COLUMNS, generateCompany, writeTable } from "@xinsuan/server/io";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../../..");
const quick = process.argv.includes("--quick");
const engineSizes = quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000];
const csvSize = quick ? 10_000 : 100_000;
const workspaceSize = quick ? 2_000 : 100_000;
const onlyAt = process.argv.indexOf("--only");
const only = onlyAt >= 0 ? new Set((process.argv[onlyAt + 1] ?? "").split(",").filter(Boolean)) : undefined;
const selected = (mode: string) => !only || only.has(mode);
/** How each mode's rows begin in the table ("what is timed"), to replace a mode's rows in Latest. */
const ROW_PREFIX: Record<string, string> = {
  engine: "engine only",
  csv: "CSV in",
  workspace: "workspace",
  api: "api:",
};

type Result = Record<string, string | number>;

function runCase(args: string[]): Result {
  const out = execFileSync(
    process.execPath,
    [
      "--max-old-space-size=6144",
      join(root, "packages/cli/bin/run-ts.js"),
      join(here, "bench-case.ts"),
      ...args,
    ],
    { cwd: root, encoding: "utf8", maxBuffer: 1 << 20, stdio: ["ignore", "pipe", "inherit"] },
  );
  const line = out.trim().split("\n").pop() ?? "{}";
  return JSON.parse(line) as Result;
}

async function main(): Promise<void> {
  const results: Result[] = [];
  if (selected("engine"))
    for (const n of engineSizes) {
      process.stderr.write(`engine ${n}…\n`);
      results.push(runCase(["engine", String(n)]));
    }
  if (selected("csv")) {
    const dir = mkdtempSync(join(tmpdir(), "xinsuan-bench-"));
    const csv = join(dir, `company-${csvSize}.csv`);
    const { rows } = generateCompany({ agents: csvSize, teamSize: 15, period: "2026-10", seed: 7 });
    await writeTable(csv, {
      headers: [...COMPANY_COLUMNS],
      rows: rows.map((r) => COMPANY_COLUMNS.map((c) => r[c] ?? "")),
    });
    process.stderr.write(`csv ${csvSize}…\n`);
    results.push(runCase(["csv", String(csvSize), csv]));
    rmSync(dir, { recursive: true, force: true });
  }
  if (selected("workspace"))
    for (const db of ["sqlite", "postgres"]) {
      if (db === "postgres" && !process.env.BENCH_DATABASE_URL) {
        results.push({ mode: "workspace", db, agents: workspaceSize, skipped: "set BENCH_DATABASE_URL" });
        continue;
      }
      process.stderr.write(`workspace ${db} ${workspaceSize}…\n`);
      results.push(runCase(["workspace", db, String(workspaceSize)]));
    }
  if (selected("api")) {
    const agents = quick ? 300 : 1000;
    process.stderr.write(`api ${agents} agents, 200 connections…\n`);
    results.push(runCase(["api", String(agents), "200"]));
  }
  writeReport(results);
}

function apiRow(r: Result): string {
  const what = `api: ${r.agents} agents signed in at once (of ${r.companyAgents}), each opening their explained payslip (GET /api/v1/payslips/:period/:工号) for 20 s over loopback after a 5 s warm-up, autocannon; ${Number(r.requests).toLocaleString("en")} requests (a timed-out one counts as 10 s), latency p50 ${r.p50} ms, **p95 ${r.p95} ms**, p99 ${r.p99} ms, max ${r.max} ms; failed: ${r.errorKinds || "none"}; peak RSS is the server's`;
  return `| ${r.agents} | ${what} | ${Number(r.ms).toLocaleString("en")} | ${Number(r.perSec).toLocaleString("en")} | ${r.peakRssMb} | ${r.errors} | ${r.net} |`;
}

const DB_NAME: Record<string, string> = { sqlite: "SQLite", postgres: "PostgreSQL" };

function workspaceRow(r: Result): string {
  const n = Number(r.agents);
  const db = DB_NAME[String(r.db)] ?? String(r.db);
  if (r.skipped)
    return `| ${n.toLocaleString("en")} | workspace on ${db}: skipped (${r.skipped}) | – | – | – | – | – |`;
  const perSec = Math.round((n / Number(r.ms)) * 1000);
  // Peak RSS so far after each step (MB), when the case reports it.
  const peaks = new Map(
    String(r.peakMb ?? "")
      .split(", ")
      .map((kv) => kv.split(" ") as [string, string]),
  );
  const at = (step: string) => (peaks.has(step) ? ` (peak ${peaks.get(step)} MB)` : "");
  const what = `workspace on ${db}: init + policy ${r.initMs} ms${at("init")}, import employees ${r.employeesMs} ms${at("employees")}, import datasets ${r.datasetsMs} ms${at("datasets")}, run (engine + payslips + state) ${r.runMs} ms${at("run")}, approve ${r.approveMs} ms, export register CSV ${r.exportCsvMs} ms${at("exportCsv")}, export register xlsx (with the 提醒 sheet: one more engine run) ${r.exportXlsxMs} ms${at("exportXlsx")} (${r.exportBytes} bytes); not in total: payslips read back ${r.readBackMs} ms, prior ledger ${r.ledgerMs} ms${at("ledger")}`;
  return `| ${n.toLocaleString("en")} | ${what} | ${Number(r.ms).toLocaleString("en")} | ${perSec.toLocaleString("en")} | ${r.peakRssMb} | ${r.errors} | ${r.net} |`;
}

function writeReport(results: Result[]): void {
  const cpu = cpus();
  const date = new Date().toISOString().slice(0, 10);
  const machine = `${type()} · ${cpu.length} × ${cpu[0]?.model ?? "unknown CPU"} · ${Math.round(totalmem() / 2 ** 30)} GiB RAM (${Math.round(freemem() / 2 ** 30)} GiB free) · Node ${process.version}`;
  const rowsOut = results.map((r) => {
    const n = Number(r.agents);
    if (r.mode === "workspace") return workspaceRow(r);
    if (r.mode === "api") return apiRow(r);
    const perSec = Math.round((n / Number(r.ms)) * 1000);
    const what =
      r.mode === "engine"
        ? `engine only (runPayroll; two runs: ${r.runs} ms)`
        : `CSV in → run → register CSV out (read ${r.readMs} ms, run ${r.runMs} ms, write ${r.writeMs} ms)`;
    return `| ${n.toLocaleString("en")} | ${what} | ${Number(r.ms).toLocaleString("en")} | ${perSec.toLocaleString("en")} | ${r.peakRssMb} | ${r.errors} | ${r.net} |`;
  });
  const latestKept = (() => {
    // With --only, Latest keeps the previous sections' rows of the cases that were not run.
    if (!only) return "";
    try {
      const text = readFileSync(join(root, "docs/benchmarks.md"), "utf8");
      const a = text.indexOf("## Latest");
      const b = text.indexOf("## History");
      if (a < 0 || b < 0) return "";
      const prefixes = [...only].map((m) => `| ${ROW_PREFIX[m] ?? m}`);
      return text
        .slice(a + "## Latest".length, b)
        .split(/^(?=### )/m)
        .map((section) => section.trim())
        .filter((section) => section.startsWith("### "))
        .map((section) =>
          section
            .split("\n")
            .filter(
              (line) =>
                !/^\| [\d,]+ \| /.test(line) ||
                !prefixes.some((p) => line.replace(/^\| [\d,]+ /, "").startsWith(p)),
            )
            .join("\n"),
        )
        .filter((section) => /^\| [\d,]+ \| /m.test(section))
        .join("\n\n");
    } catch {
      return "";
    }
  })();
  const previous = (() => {
    try {
      const text = readFileSync(join(root, "docs/benchmarks.md"), "utf8");
      const i = text.indexOf("## History");
      return i >= 0 ? text.slice(i + "## History".length).trim() : "";
    } catch {
      return "";
    }
  })();
  const summary = `### ${date} — ${machine}\n\n| agents | what is timed | ms | payslips/s | peak RSS MB | errors | 实发工资 total |\n|---:|---|---:|---:|---:|---:|---:|\n${rowsOut.join("\n")}\n`;
  const text = `# Benchmarks

\`npm run bench\` generates companies of fake agents in teams of 15 on the \`welfare-6tier\` template (every rule of
the seed's 薪资福利制度: grade tables, proration by the month's workdays, the team scorecard, team commissions, the
team pool split by SHARE, order threshold state, claims, outbound commission) and runs each case in its own Node
process, so "peak RSS" is that case's whole process (inputs included). The engine case builds its inputs in memory
first and times \`runPayroll\` alone; the CSV case times reading a CSV file, the run and writing the register CSV.
Targets (issue #2): 1,000,000 agents through the engine in ≤ 10 s with ≤ 2 GB peak memory; 100,000 agents
CSV → CSV in ≤ 5 s. The 实发工资 total is printed so that a change in results between runs is visible.

The workspace case (issue #4) goes through the services on a fresh database — a SQLite temp file, and PostgreSQL
when \`BENCH_DATABASE_URL\` names a throw-away database — and times each step on its own: init (open, migrate,
tenant) + the policy version (welfare-6tier with the demo's 2026 base pay), importing the employees (with fake
手机/身份证号/银行卡号, so the import encrypts them), importing the month's attendance and KPI datasets, the run
(engine + saving the payslips + the next state), approving, and exporting the register as CSV and as xlsx (the
xlsx with its 提醒 sheet, which recomputes the run's warnings). The prior month's ledger (what a company switching
mid-year imports once) is written as the previous period's state and timed apart, outside the total, as is reading
the payslips back.

The API case (issue #5) builds a company of fake agents with an approved month on SQLite, starts the real server
(\`xinsuan serve\`) in its own process, signs 200 agents in and lets each, on its own connection, open their own
explained payslip again and again over loopback with autocannon: 5 s of warm-up, then 20 s measured. Every response
time is kept, a request that timed out (autocannon's 10 s) counts as 10 s, so p50/p95/p99 cover every request
sent. Server and load generator share the machine's cores. "payslips/s" is requests per second; peak RSS is the
server's.

## Latest

${summary}${latestKept ? `\n${latestKept}\n` : ""}
## History

${summary}${previous ? `\n${previous}\n` : ""}`;
  if (!quick) writeFileSync(join(root, "docs/benchmarks.md"), text);
  process.stdout.write(summary);
}

await main();
