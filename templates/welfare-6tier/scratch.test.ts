import { readFileSync } from "node:fs";
import { it } from "vitest";
import { checkPolicyText, formatProblem, countWorkdays } from "../../packages/core/src/index.js";
it("scratch", () => {
  const r = checkPolicyText(readFileSync(new URL("./policy.yaml", import.meta.url), "utf8"), "policy.yaml");
  console.log(r.problems.map((p) => formatProblem(p)).join("\n"), r.errors, r.warnings);
  for (let m = 1; m <= 12; m++) console.log(m, countWorkdays(2026, m));
});
