/**
 * `npm run bench`: synthetic companies (teams of 15) on the welfare-6tier template. Each case runs in its own
 * process; results go to docs/benchmarks.md with the machine and the date.
 *   npm run bench                     – engine 10k / 100k / 1M, CSV→register 100k
 *   npm run bench -- --quick          – engine 10k / 100k, CSV 10k (a smoke run; prints, does not write the doc)
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
    { cwd: root, encoding: "utf8", maxBuffer: 1 << 20 },
  );
  const line = out.trim().split("\n").pop() ?? "{}";
  return JSON.parse(line) as Result;
}

async function main(): Promise<void> {
  const results: Result[] = [];
  for (const n of engineSizes) {
    process.stderr.write(`engine ${n}…\n`);
    results.push(runCase(["engine", String(n)]));
  }
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
  writeReport(results);
}

function writeReport(results: Result[]): void {
  const cpu = cpus();
  const date = new Date().toISOString().slice(0, 10);
  const machine = `${type()} · ${cpu.length} × ${cpu[0]?.model ?? "unknown CPU"} · ${Math.round(totalmem() / 2 ** 30)} GiB RAM (${Math.round(freemem() / 2 ** 30)} GiB free) · Node ${process.version}`;
  const rowsOut = results.map((r) => {
    const n = Number(r.agents);
    const perSec = Math.round((n / Number(r.ms)) * 1000);
    const what =
      r.mode === "engine"
        ? `engine only (runPayroll; two runs: ${r.runs} ms)`
        : `CSV in → run → register CSV out (read ${r.readMs} ms, run ${r.runMs} ms, write ${r.writeMs} ms)`;
    return `| ${n.toLocaleString("en")} | ${what} | ${Number(r.ms).toLocaleString("en")} | ${perSec.toLocaleString("en")} | ${r.peakRssMb} | ${r.errors} | ${r.net} |`;
  });
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

## Latest

${summary}
## History

${summary}${previous ? `\n${previous}\n` : ""}`;
  if (!quick) writeFileSync(join(root, "docs/benchmarks.md"), text);
  process.stdout.write(summary);
}

await main();
