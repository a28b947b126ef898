import { readFileSync } from "node:fs";

const g = globalThis as unknown as { cc: number; ec: number; dc: number };
g.cc = 0;
g.ec = 0;
g.dc = 0;
const { checkPolicyText, runPayroll } = await import("../../core/src/index.js");
const { generateCompany } = await import("../src/demo/generate-company.js");
const r = checkPolicyText(readFileSync("templates/welfare-6tier/policy.yaml", "utf8"), "p.yaml");
const { rows } = generateCompany({ agents: 1500, teamSize: 15, period: "2026-10", seed: 1 });
const employees = rows.map((values) => ({ values }));
g.cc = 0;
g.ec = 0;
g.dc = 0;
runPayroll(r.compiled!, { period: "2026-10", employees });
console.log("per employee: compute", g.cc / 1500, "eager eval", g.ec / 1500, "Dec allocs", g.dc / 1500);
