import { readFileSync } from "node:fs";
import { checkPolicyText, formatEmployeeError, runPayroll, summarizeRun } from "../../core/src/index.js";
import { generateCompany } from "../src/demo/generate-company.js";

const n = Number(process.argv[2] ?? 100000);
const r = checkPolicyText(readFileSync("/work/main/templates/welfare-6tier/policy.yaml", "utf8"), "p.yaml");
const { rows } = generateCompany({ agents: n, teamSize: 15, period: "2026-10", seed: 1 });
const employees = rows.map((values) => ({ values }));
for (let k = 0; k < 2; k++) {
  const t = performance.now();
  const run = runPayroll(r.compiled!, { period: "2026-10", employees });
  const ms = performance.now() - t;
  if (!run.ok) throw new Error();
  console.log(
    n,
    "ms",
    ms.toFixed(0),
    "per s",
    ((n / ms) * 1000).toFixed(0),
    "errors",
    run.run.errorCount,
    run.run.errorCount ? formatEmployeeError(run.run, run.run.errors.findIndex(Boolean)) : "",
  );
  console.log(summarizeRun(run.run).totals.get("实发工资")!.toFixed(2));
}
console.log("maxRSS MB", process.resourceUsage().maxRSS / 1024);
