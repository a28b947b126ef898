import { readFileSync } from "node:fs";
import type { EvalCtx, Val } from "../../core/src/formula/types.js";
import { checkPolicyText, runPayroll } from "../../core/src/index.js";
import type { RowEnv } from "../../core/src/policy/types.js";
import { generateCompany } from "../src/demo/generate-company.js";

const r = checkPolicyText(readFileSync("templates/welfare-6tier/policy.yaml", "utf8"), "p.yaml");
const c = r.compiled!;
const { rows } = generateCompany({ agents: 30, teamSize: 15, period: "2026-10", seed: 1 });
const run = runPayroll(c, { period: "2026-10", employees: rows.map((values) => ({ values })) });
if (!run.ok) throw new Error();
const slots: (Val | undefined)[] = new Array(c.slotCount).fill(undefined);
const env: RowEnv = { values: rows[0]!, period: run.run.period, prior: () => undefined };
const ctx: EvalCtx = {
  slots,
  emp: 0,
  groupOf: (l) => run.run.groups.of[l]![0]!,
  aggregates: run.run.aggregates,
  trace: null,
  compute: (s) => {
    const v = c.bySlot[s]!.eval(ctx, env);
    slots[s] = v;
    return v;
  },
};
const N = 200000;
const timings: [string, number][] = [];
for (const node of c.nodes) {
  if (node.kind === "next") continue;
  // warm: compute everything once
  slots.fill(undefined);
  for (const p of c.passes) for (const n of p) slots[n.slot] ??= n.eval(ctx, env);
  const saved = slots.slice();
  const t = performance.now();
  for (let i = 0; i < N; i++) {
    slots[node.slot] = undefined;
    node.eval(ctx, env);
  }
  timings.push([`${node.kind}:${node.name}`, ((performance.now() - t) / N) * 1e6]);
  for (let i = 0; i < saved.length; i++) slots[i] = saved[i];
}
timings.sort((a, b) => b[1] - a[1]);
console.log(
  timings
    .slice(0, 25)
    .map(([k, v]) => `${v.toFixed(0)}ns ${k}`)
    .join("\n"),
);
console.log("sum ns", timings.reduce((a, [, v]) => a + v, 0).toFixed(0));
