/**
 * Batch compilation: the same formulas evaluated over a chunk of employees at a time, one operation over all
 * rows before the next, so each loop stays monomorphic. Semantics match the scalar closures of compile.ts
 * (lazy IF branches, per-employee errors); a differential test runs both on every template.
 * @example const f = compileBatch(ast, st); const values = f?.fn(batch, rows)
 */
import type { Dec } from "../money/decimal.js";
import type { BinaryExpr, Expr } from "./ast.js";
import { batchCall } from "./batch-functions.js";
import { type CompileState, compileExpr } from "./compile.js";
import { compareValues, testOrder } from "./compile-operators.js";
import type { Binding } from "./scope.js";
import { type AggregateStore, CellError, type Val, type ValueType } from "./types.js";
import { formatValue, keyText } from "./values.js";

/** Row indices (within the chunk) to evaluate. */
export type RowSet = { idx: Int32Array; n: number };

/** What batch closures read: a column per slot for the chunk's rows, and which rows have failed. */
export interface BatchCtx {
  cols: (Val | undefined)[][];
  dead: Uint8Array;
  /** Employee index of row 0 of the chunk. */
  base: number;
  /** Computes a lazy slot for those rows that have not computed it yet. */
  ensure(slot: number, rows: RowSet): void;
  /** Records a row's error (first error wins) and marks it dead. */
  fail(row: number, e: CellError): void;
  groupIndex(level: number, row: number): number;
  aggregates: AggregateStore;
}

/** A batch closure: values indexed by row; entries for dead rows are undefined. */
export type BatchFn = (b: BatchCtx, rows: RowSet) => (Val | undefined)[];
export type BatchCompiled = { type: ValueType; fn: BatchFn };

/** Chunk size used by the engine. */
export const CHUNK = 256;

/** Which slots are lazy (computed on first read), set by the policy compiler. */
export type BatchState = CompileState & { lazySlots: Set<number> };

/**
 * Compiles an AST for batch evaluation; null when a construct has no batch form (the engine then runs scalar).
 * The AST must already have compiled without problems in scalar form (types are taken from it).
 */
export function compileBatch(e: Expr, st: BatchState): BatchCompiled | null {
  switch (e.kind) {
    case "number":
    case "string":
    case "boolean":
    case "date":
      return constantBatch(e);
    case "paren":
      return compileBatch(e.inner, st);
    case "name": {
      const b = st.scope.resolve(e.name);
      return b ? nameBatch(b, st) : null;
    }
    case "index":
      return indexBatch(e, st);
    case "unary": {
      const inner = compileBatch(e.operand, st);
      if (!inner || e.op === "+") return inner;
      const f = inner.fn;
      return { type: "number", fn: mapRows(f, (v) => (v as Dec).neg()) };
    }
    case "binary":
      return binaryBatch(e, st);
    case "call":
      return batchCall(e, st);
  }
}

function constantBatch(e: Expr): BatchCompiled | null {
  const c = compileExpr(e, {
    scope: { resolve: () => undefined, names: () => [], addAggregate: () => 0 },
    problems: [],
    deps: new Set(),
    allowGroups: false,
  });
  if (!c) return null;
  const v = c.fn(null as never);
  const col: Val[] = new Array(CHUNK).fill(v);
  return { type: c.type, fn: () => col };
}

function nameBatch(b: Binding, st: BatchState): BatchCompiled | null {
  if (b.kind === "table") return null;
  if (b.kind === "const") {
    const col: Val[] = new Array(CHUNK).fill(b.value);
    return { type: b.type, fn: () => col };
  }
  const slot = b.slot;
  if (!st.lazySlots.has(slot)) return { type: b.type, fn: (x) => x.cols[slot]! };
  return {
    type: b.type,
    fn: (x, rows) => {
      x.ensure(slot, rows);
      return x.cols[slot]!;
    },
  };
}

/** Applies a per-row function to one argument column, skipping dead rows. */
export function mapRows(f: BatchFn, op: (v: Val) => Val): BatchFn {
  return (x, rows) => {
    const a = f(x, rows);
    const out: (Val | undefined)[] = new Array(CHUNK);
    const dead = x.dead;
    for (let k = 0; k < rows.n; k++) {
      const r = rows.idx[k]!;
      if (dead[r]) continue;
      out[r] = op(a[r] as Val);
    }
    return out;
  };
}

function indexBatch(e: Extract<Expr, { kind: "index" }>, st: BatchState): BatchCompiled | null {
  const b = st.scope.resolve(e.target.name);
  if (b?.kind !== "table") return null;
  const keys = e.keys.map((k) => compileBatch(k, st));
  if (keys.some((k) => !k)) return null;
  const fns = keys.map((k) => k!.fn);
  const table = b;
  const span = e.span;
  return {
    type: table.valueType,
    fn: (x, rows) => {
      const cols = fns.map((f) => f(x, rows));
      const out: (Val | undefined)[] = new Array(CHUNK);
      for (let k = 0; k < rows.n; k++) {
        const r = rows.idx[k]!;
        if (x.dead[r]) continue;
        const key =
          cols.length === 1
            ? keyText(cols[0]![r] as Val)
            : cols.map((c) => keyText(c[r] as Val)).join("\u0001");
        const v = table.lookup.get(key);
        if (v === undefined) {
          const shown = cols.map((c) => formatValue(c[r] as Val, "text")).join("、");
          x.fail(
            r,
            new CellError(
              "LOOKUP",
              span,
              `表“${table.name}”中没有“${shown}”（可选：${[...table.lookup.keys()].map((q) => q.replace("\u0001", "×")).join("、")}）`,
              `table "${table.name}" has no row "${shown}"`,
            ),
          );
          continue;
        }
        out[r] = v;
      }
      return out;
    },
  };
}

/** One loop per operator, so the method call inside is monomorphic and inlinable. */
function arith(op: "+" | "-" | "*", lf: BatchFn, rf: BatchFn): BatchFn {
  return (x, rows) => {
    const a = lf(x, rows);
    const b = rf(x, rows);
    const out: (Val | undefined)[] = new Array(CHUNK);
    const dead = x.dead;
    const idx = rows.idx;
    const n = rows.n;
    if (op === "*") {
      for (let k = 0; k < n; k++) {
        const i = idx[k]!;
        if (dead[i] === 0) out[i] = (a[i] as Dec).mul(b[i] as Dec);
      }
    } else if (op === "+") {
      for (let k = 0; k < n; k++) {
        const i = idx[k]!;
        if (dead[i] === 0) out[i] = (a[i] as Dec).add(b[i] as Dec);
      }
    } else {
      for (let k = 0; k < n; k++) {
        const i = idx[k]!;
        if (dead[i] === 0) out[i] = (a[i] as Dec).sub(b[i] as Dec);
      }
    }
    return out;
  };
}

function binaryBatch(e: BinaryExpr, st: BatchState): BatchCompiled | null {
  const l = compileBatch(e.left, st);
  const r = compileBatch(e.right, st);
  if (!l || !r) return null;
  const lf = l.fn;
  const rf = r.fn;
  const op = e.op;
  if (op === "+" || op === "-" || op === "*") return { type: "number", fn: arith(op, lf, rf) };
  if (op === "/") {
    const span = e.right.span;
    return {
      type: "number",
      fn: (x, rows) => {
        const a = lf(x, rows);
        const b = rf(x, rows);
        const out: (Val | undefined)[] = new Array(CHUNK);
        for (let k = 0; k < rows.n; k++) {
          const i = rows.idx[k]!;
          if (x.dead[i]) continue;
          const d = b[i] as Dec;
          if (d.isZero()) x.fail(i, new CellError("DIV_ZERO", span, "除数为0", "division by zero"));
          else out[i] = (a[i] as Dec).div(d);
        }
        return out;
      },
    };
  }
  if (op === "&") {
    const ld = l.type;
    const rd = r.type;
    return { type: "text", fn: zip(lf, rf, (a, b) => formatValue(a, ld) + formatValue(b, rd)) };
  }
  if (l.type === "number")
    return { type: "boolean", fn: zip(lf, rf, (a, b) => testOrder(op, (a as Dec).cmp(b as Dec))) };
  const span = e.span;
  const type = l.type;
  return {
    type: "boolean",
    fn: (x, rows) => {
      const a = lf(x, rows);
      const b = rf(x, rows);
      const out: (Val | undefined)[] = new Array(CHUNK);
      for (let k = 0; k < rows.n; k++) {
        const i = rows.idx[k]!;
        if (x.dead[i]) continue;
        try {
          out[i] = compareValues(op, type, a[i] as Val, b[i] as Val, span);
        } catch (err) {
          if (!(err instanceof CellError)) throw err;
          x.fail(i, err);
        }
      }
      return out;
    },
  };
}

/** Combines two argument columns row by row, skipping dead rows. */
export function zip(lf: BatchFn, rf: BatchFn, op: (a: Val, b: Val) => Val): BatchFn {
  return (x, rows) => {
    const a = lf(x, rows);
    const b = rf(x, rows);
    const out: (Val | undefined)[] = new Array(CHUNK);
    const dead = x.dead;
    for (let k = 0; k < rows.n; k++) {
      const i = rows.idx[k]!;
      if (dead[i]) continue;
      out[i] = op(a[i] as Val, b[i] as Val);
    }
    return out;
  };
}
