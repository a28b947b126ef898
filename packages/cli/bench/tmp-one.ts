import { readFileSync } from "node:fs";
import { checkPolicyText, runPayroll } from "../../core/src/index.js";
import { generateCompany } from "../src/demo/generate-company.js";

const r = checkPolicyText(readFileSync("templates/welfare-6tier/policy.yaml", "utf8"), "p.yaml");
for (const n of [15, 150, 1500, 15000, 150000]) {
  const { rows } = generateCompany({ agents: n, teamSize: 15, period: "2026-10", seed: 1 });
  const employees = rows.map((values) => ({ values }));
  const reps = Math.max(1, Math.round(300000 / n));
  runPayroll(r.compiled!, { period: "2026-10", employees });
  const t = performance.now();
  for (let k = 0; k < reps; k++) runPayroll(r.compiled!, { period: "2026-10", employees });
  console.log(n, "per employee µs", (((performance.now() - t) / reps / n) * 1000).toFixed(2));
}
