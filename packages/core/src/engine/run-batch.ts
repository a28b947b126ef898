/**
 * The batch evaluation loop: employees in chunks of CHUNK rows; per pass, each node is computed for the whole
 * chunk before the next node. Errors are per row, exactly as in the scalar loop; the scalar loop remains the
 * reference (and the explainer's evaluator), and a differential test keeps the two equal.
 * @example evaluateBatch(setup) // fills setup.units and setup.errors
 */
import { type BatchCtx, CHUNK, type RowSet } from "../formula/batch.js";
import { CellError, type Val } from "../formula/types.js";
import type { Dec } from "../money/decimal.js";
import type { RowEnvOf } from "../policy/nodes-batch.js";
import type { CompiledPolicy, PeriodContext, PolicyNode, RowEnv } from "../policy/types.js";
import type { AggregateResults, Groups } from "./groups.js";
import type { NextStateCollector } from "./next-state.js";
import type { Column, EmployeeError, EmployeeInput } from "./run.js";

export type RunSetup = {
  policy: CompiledPolicy;
  employees: readonly EmployeeInput[];
  groups: Groups;
  aggregates: AggregateResults;
  columns: Column[];
  colNodes: PolicyNode[];
  units: Float64Array;
  errors: (EmployeeError | null)[];
  next: NextStateCollector;
  nextNodes: PolicyNode[];
  period: PeriodContext;
  /** Prior-period state value of an employee by state name. */
  priorOf: (emp: number, name: string) => string | undefined;
  toError: (e: CellError, node: PolicyNode | null, row: EmployeeInput) => EmployeeError;
  /** One byte per employee and policy check: 1 when the check's condition holds. */
  checkFlags: Uint8Array;
};

/** Runs every pass in batch form; returns the number of employees in error. */
export function evaluateBatch(s: RunSetup): number {
  const { policy, employees, groups, aggregates, columns, colNodes, units, errors } = s;
  const batch = policy.batch!;
  const n = employees.length;
  const width = columns.length;
  const last = policy.passes.length - 1;
  const failed = new Map<number, string>();
  let errorCount = 0;
  let current: PolicyNode | null = null;
  const cols: (Val | undefined)[][] = Array.from({ length: policy.slotCount }, () => new Array(CHUNK));
  const dead = new Uint8Array(CHUNK);
  const x: BatchCtx = {
    cols,
    dead,
    base: 0,
    ensure: (slot, rows) => {
      const col = cols[slot]!;
      let first = -1;
      for (let k = 0; k < rows.n; k++) {
        const r = rows.idx[k]!;
        if (!dead[r] && col[r] === undefined) {
          first = k;
          break;
        }
      }
      if (first < 0) return;
      const need = new Int32Array(rows.n - first);
      let m = 0;
      for (let k = first; k < rows.n; k++) {
        const r = rows.idx[k]!;
        if (!dead[r] && col[r] === undefined) need[m++] = r;
      }
      const node = policy.bySlot[slot]!;
      const saved = current;
      current = node;
      batch.get(node.id)!(x, { idx: need, n: m }, envOf);
      current = saved;
    },
    fail: (r, e) => {
      if (dead[r]) return;
      dead[r] = 1;
      const emp = x.base + r;
      const row = employees[emp]!;
      errors[emp] = s.toError(e, current, row);
      errorCount++;
      failed.set(emp, `${row.values.姓名 ?? ""}(${row.values.工号 ?? `第${emp + 1}人`})`);
    },
    groupIndex: (level, r) => groups.of[level]![x.base + r]!,
    aggregates,
  };
  const rowEnvs: RowEnv[] = Array.from({ length: CHUNK }, (_, r) => ({
    values: {},
    period: s.period,
    prior: (name: string) => s.priorOf(x.base + r, name),
  }));
  const envOf: RowEnvOf = (r) => rowEnvs[r]!;
  const all = new Int32Array(CHUNK);
  const aggArgs = policy.aggregates.map((a) => policy.batchAggregates![a.id]!);
  const bufs = policy.aggregates.map((a) => new Array<Val>(a.args.length));

  for (let stage = 0; stage <= last; stage++) {
    const nodes = policy.passes[stage]!;
    const aggsHere = policy.aggregates.filter((a) => a.stage === stage);
    aggregates.begin(stage);
    for (let base = 0; base < n; base += CHUNK) {
      const size = Math.min(CHUNK, n - base);
      x.base = base;
      let alive = 0;
      for (let r = 0; r < CHUNK; r++) {
        dead[r] = r >= size || errors[base + r] ? 1 : 0;
        if (!dead[r]) all[alive++] = r;
        if (r < size) rowEnvs[r]!.values = employees[base + r]!.values;
      }
      // Fresh (young) columns per chunk: reusing long-lived arrays would make every stored value an
      // old-to-young pointer, which the garbage collector then has to track.
      for (let i = 0; i < cols.length; i++) cols[i] = new Array(CHUNK);
      const rows: RowSet = { idx: all, n: alive };
      for (const node of nodes) {
        current = node;
        batch.get(node.id)!(x, rows, envOf);
      }
      current = null;
      for (const a of aggsHere) {
        const argCols = aggArgs[a.id]!.map((f) => f(x, rows));
        const buf = bufs[a.id]!;
        for (let k = 0; k < rows.n; k++) {
          const r = rows.idx[k]!;
          if (dead[r]) continue;
          for (let j = 0; j < argCols.length; j++) buf[j] = argCols[j]![r] as Val;
          aggregates.add(a, base + r, buf);
        }
      }
      if (stage === last) writeResults(s, x, rows, width, units, colNodes);
    }
    aggregates.finish(stage, failed);
  }
  return errorCount;

  function writeResults(
    setup: RunSetup,
    bx: BatchCtx,
    rows: RowSet,
    w: number,
    out: Float64Array,
    nodesOut: PolicyNode[],
  ): void {
    const slotValues: (Val | undefined)[] = new Array(policy.slotCount);
    for (let k = 0; k < rows.n; k++) {
      const r = rows.idx[k]!;
      if (bx.dead[r]) continue;
      const emp = bx.base + r;
      try {
        for (let c = 0; c < w; c++) {
          current = nodesOut[c]!;
          out[emp * w + c] = (cols[nodesOut[c]!.slot]![r] as Dec).unitsAt(columns[c]!.places);
        }
        const checks = policy.checks;
        for (let c = 0; c < checks.length; c++)
          if (cols[checks[c]!.slot]![r] === true) setup.checkFlags[emp * checks.length + c] = 1;
        if (setup.nextNodes.length > 0) {
          current = setup.nextNodes[0]!;
          for (const nx of setup.nextNodes) slotValues[nx.slot] = cols[nx.slot]![r];
          setup.next.record(emp, employees[emp]!, slotValues);
        }
      } catch (e) {
        if (!(e instanceof CellError) && !(e instanceof RangeError)) throw e;
        bx.fail(
          r,
          e instanceof CellError
            ? e
            : new CellError("VALUE", undefined, `数值超出范围：${e.message}`, e.message),
        );
      }
    }
  }
}
