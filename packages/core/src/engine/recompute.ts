/**
 * Recomputes one employee of a run, row by row, against the run's stored group results: the basis of
 * explanations and warning messages, so both always match the run.
 * @example const { slots } = recomputeEmployee(run, 0); slots[run.policy.byName.get("底薪")!.slot]
 */
import { GROUP_LEVELS } from "../formula/scope.js";
import { CellError, type EvalCtx, type Val } from "../formula/types.js";
import type { RowEnv } from "../policy/types.js";
import type { PayrollRun } from "./run.js";

export type Recomputed = { slots: (Val | undefined)[]; ctx: EvalCtx; env: RowEnv };

/** Evaluates every pass for one employee; a value that fails stays undefined (the run holds the error). */
export function recomputeEmployee(run: PayrollRun, index: number): Recomputed {
  const policy = run.policy;
  const row = run.employees[index]!;
  const slots: (Val | undefined)[] = new Array(policy.slotCount).fill(undefined);
  const ctx: EvalCtx = {
    slots,
    emp: index,
    groupOf: (level) => run.groups.of[level]![index]!,
    aggregates: run.aggregates,
    trace: null,
    compute: (slot) => {
      const v = policy.bySlot[slot]!.evaluate(ctx, env);
      slots[slot] = v;
      return v;
    },
  };
  const stateScope = new Map(
    policy.nodes.filter((n) => n.kind === "state").map((n) => [n.name, n.stateScope ?? -1]),
  );
  const env: RowEnv = {
    values: row.values,
    period: run.period,
    prior: (name) => {
      const scope = stateScope.get(name) ?? -1;
      if (scope < 0) return run.prior.employees?.[String(row.values.工号 ?? "").trim()]?.[name];
      const key = run.groups.keys[scope]![run.groups.of[scope]![index]!]!;
      return run.prior.groups?.[GROUP_LEVELS[scope]!]?.[key]?.[name];
    },
  };
  for (const pass of policy.passes) {
    for (const n of pass) {
      if (slots[n.slot] !== undefined) continue;
      try {
        slots[n.slot] = n.evaluate(ctx, env);
      } catch (e) {
        if (!(e instanceof CellError)) throw e;
      }
    }
  }
  return { slots, ctx, env };
}
