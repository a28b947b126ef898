/**
 * Batch forms of the policy's nodes: formulas through compileBatch, sums over columns, and per-row parsing of
 * input cells (blank cells with a fallback formula are computed in batch for just those rows).
 * @example attachBatch(nodes, scope) // true when every node has a batch form
 */
import { type BatchCtx, type BatchState, compileBatch, type RowSet } from "../formula/batch.js";
import type { Scope } from "../formula/scope.js";
import { CellError, type EvalCtx, type Val } from "../formula/types.js";
import { Dec } from "../money/decimal.js";
import type { PolicyNode, RowEnv } from "./types.js";

/** Gives the row environment (cells, prior state) of a chunk row. */
export type RowEnvOf = (row: number) => RowEnv;

/** Writes a node's values for `rows` into `x.cols[node.slot]`. */
export type NodeBatch = (x: BatchCtx, rows: RowSet, envOf: RowEnvOf) => void;

const NO_CTX: EvalCtx = {
  slots: [],
  emp: 0,
  groupOf: () => 0,
  aggregates: {
    get: () => {
      throw new Error("no aggregates in a cell parse");
    },
  },
  trace: null,
  compute: () => {
    throw new Error("a cell parse read a slot");
  },
};

function perRow(n: PolicyNode): NodeBatch {
  const slot = n.slot;
  return (x, rows, envOf) => {
    const col = x.cols[slot]!;
    for (let k = 0; k < rows.n; k++) {
      const r = rows.idx[k]!;
      if (x.dead[r]) continue;
      try {
        col[r] = n.evaluate(NO_CTX, envOf(r));
      } catch (e) {
        if (!(e instanceof CellError)) throw e;
        x.fail(r, e);
      }
    }
  };
}

function sumNode(n: PolicyNode): NodeBatch {
  const { plus, minus } = n.sum!;
  const post = n.post;
  const slot = n.slot;
  return (x, rows) => {
    const col = x.cols[slot]!;
    for (let k = 0; k < rows.n; k++) {
      const r = rows.idx[k]!;
      if (x.dead[r]) continue;
      let acc = Dec.ZERO;
      for (const p of plus) acc = acc.add(x.cols[p]![r] as Dec);
      for (const m of minus) acc = acc.sub(x.cols[m]![r] as Dec);
      col[r] = post ? post(acc) : acc;
    }
  };
}

/** Attaches `batch` to every node; returns false (and the engine stays scalar) if any formula has no batch form. */
export function attachBatch(
  nodes: PolicyNode[],
  scope: Scope,
  lazySlots: Set<number>,
): Map<string, NodeBatch> | null {
  const st: BatchState = { scope, problems: [], deps: new Set(), allowGroups: true, lazySlots };
  const out = new Map<string, NodeBatch>();
  for (const n of nodes) {
    if (n.sum) {
      out.set(n.id, sumNode(n));
      continue;
    }
    if (!n.formula) {
      out.set(n.id, perRow(n));
      continue;
    }
    const f = compileBatch(n.formula.ast, st);
    if (!f) return null;
    const fn = f.fn;
    const slot = n.slot;
    if (n.kind === "input") {
      const name = n.name;
      const single = perRow(n);
      out.set(n.id, (x, rows, envOf) => {
        const blank = new Int32Array(rows.n);
        const filled = new Int32Array(rows.n);
        let nb = 0;
        let nf = 0;
        for (let k = 0; k < rows.n; k++) {
          const r = rows.idx[k]!;
          if (x.dead[r]) continue;
          const raw = envOf(r).values[name];
          if (raw === undefined || raw.trim() === "") blank[nb++] = r;
          else filled[nf++] = r;
        }
        if (nf > 0) single(x, { idx: filled, n: nf }, envOf);
        if (nb > 0) {
          const v = fn(x, { idx: blank, n: nb });
          const col = x.cols[slot]!;
          for (let k = 0; k < nb; k++) {
            const r = blank[k]!;
            if (!x.dead[r]) col[r] = v[r];
          }
        }
      });
      continue;
    }
    const post = n.post;
    out.set(n.id, (x, rows) => {
      const v = fn(x, rows);
      const col = x.cols[slot]!;
      for (let k = 0; k < rows.n; k++) {
        const r = rows.idx[k]!;
        if (x.dead[r]) continue;
        col[r] = post ? post(v[r] as Val) : v[r];
      }
    });
  }
  return out;
}
