/**
 * The row-by-row evaluation loop: per pass, every node for one employee, then the next employee. It is the
 * reference semantics (and what the explainer replays for one employee); the batch loop must agree with it.
 * @example const errors = evaluateScalar(setup)
 */

import { CellError, type EvalCtx, type Val } from "../formula/types.js";
import type { Dec } from "../money/decimal.js";
import type { PolicyNode, RowEnv } from "../policy/types.js";
import type { RunSetup } from "./run-batch.js";

/** Runs every pass row by row; returns the number of employees in error. */
export function evaluateScalar(s: RunSetup): number {
  const { policy, employees, aggregates, groups, columns, colNodes, units, errors, next, nextNodes } = s;
  const n = employees.length;
  const width = columns.length;
  const slots: (Val | undefined)[] = new Array(policy.slotCount).fill(undefined);
  let emp = 0;
  const bySlot = policy.bySlot;
  const env: RowEnv = { values: {}, period: s.period, prior: (name) => s.priorOf(emp, name) };
  const ctx: EvalCtx = {
    slots,
    emp: 0,
    groupOf: (level) => groups.of[level]![emp]!,
    aggregates,
    trace: null,
    compute: (slot) => {
      // A lazy value's own error is reported against it, as the batch evaluator does.
      const saved = current;
      current = bySlot[slot]!;
      const v = current.evaluate(ctx, env);
      current = saved;
      slots[slot] = v;
      return v;
    },
  };
  let current: PolicyNode | null = null;
  const failed = new Map<number, string>();
  const last = policy.passes.length - 1;
  const argBuffers = policy.aggregates.map((a) => new Array<Val>(a.args.length));
  let errorCount = 0;

  for (let stage = 0; stage <= last; stage++) {
    const nodes = policy.passes[stage]!;
    const aggsHere = policy.aggregates.filter((a) => a.stage === stage);
    aggregates.begin(stage);
    for (emp = 0; emp < n; emp++) {
      if (errors[emp]) continue;
      ctx.emp = emp;
      const row = employees[emp]!;
      env.values = row.values;
      current = null;
      slots.fill(undefined);
      try {
        for (const node of nodes) {
          current = node;
          slots[node.slot] = node.evaluate(ctx, env);
        }
        current = null;
        for (const a of aggsHere) {
          const buf = argBuffers[a.id]!;
          for (let k = 0; k < a.args.length; k++) buf[k] = a.args[k]!.fn(ctx);
          aggregates.add(a, emp, buf);
        }
        if (stage === last) {
          const base = emp * width;
          for (let k = 0; k < width; k++) {
            current = colNodes[k]!;
            units[base + k] = (slots[colNodes[k]!.slot] as Dec).unitsAt(columns[k]!.places);
          }
          const checks = policy.checks;
          for (let c = 0; c < checks.length; c++)
            if (slots[checks[c]!.slot] === true) s.checkFlags[emp * checks.length + c] = 1;
          current = nextNodes[0] ?? null;
          if (nextNodes.length > 0) next.record(emp, row, slots);
        }
      } catch (e) {
        if (!(e instanceof CellError) && !(e instanceof RangeError)) throw e;
        const ce =
          e instanceof CellError
            ? e
            : new CellError("VALUE", undefined, `数值超出范围：${e.message}`, e.message);
        errors[emp] = s.toError(ce, current, row);
        errorCount++;
        failed.set(emp, `${row.values.姓名 ?? ""}(${row.values.工号 ?? `第${emp + 1}人`})`);
      }
    }
    aggregates.finish(stage, failed);
  }
  return errorCount;
}
