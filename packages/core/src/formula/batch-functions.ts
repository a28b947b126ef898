/**
 * Function calls in batch form. IF, IFS, AND and OR evaluate their branches only for the rows that need them
 * (as the scalar closures do); group functions read the run's aggregates; every other function runs its scalar
 * closure per row over argument columns evaluated in batch.
 * @example batchCall(parseFormula("MIN(1, x)").ast, st)
 */
import { Dec } from "../money/decimal.js";
import type { CallExpr, Expr } from "./ast.js";
import {
  type BatchCompiled,
  type BatchCtx,
  type BatchFn,
  type BatchState,
  CHUNK,
  compileBatch,
  type RowSet,
} from "./batch.js";
import { compileExpr } from "./compile.js";
import { AGGREGATE_OF } from "./functions-group.js";
import type { Binding, Scope } from "./scope.js";
import { CellError, type EvalCtx, type Val } from "./types.js";

/** Rows of `rows` (alive) where `test(col[r])` holds, and those where it does not. */
function split(x: BatchCtx, rows: RowSet, col: (Val | undefined)[]): [RowSet, RowSet] {
  const yes = new Int32Array(rows.n);
  const no = new Int32Array(rows.n);
  let ny = 0;
  let nn = 0;
  for (let k = 0; k < rows.n; k++) {
    const r = rows.idx[k]!;
    if (x.dead[r]) continue;
    if (col[r] === true) yes[ny++] = r;
    else no[nn++] = r;
  }
  return [
    { idx: yes, n: ny },
    { idx: no, n: nn },
  ];
}

function copyRows(out: (Val | undefined)[], from: (Val | undefined)[], rows: RowSet): void {
  for (let k = 0; k < rows.n; k++) {
    const r = rows.idx[k]!;
    out[r] = from[r];
  }
}

function ifBatch(e: CallExpr, st: BatchState): BatchCompiled | null {
  const [c, a, b] = e.args.map((x) => compileBatch(x, st));
  if (!c || !a || (e.args[2] && !b)) return null;
  const resultType = a.type;
  const other: Val =
    resultType === "number" ? Dec.ZERO : resultType === "text" ? "" : resultType === "boolean" ? false : null;
  const cf = c.fn;
  const af = a.fn;
  const bf = b ? b.fn : null;
  return {
    type: resultType,
    fn: (x, rows) => {
      const [yes, no] = split(x, rows, cf(x, rows));
      const out: (Val | undefined)[] = new Array(CHUNK);
      if (yes.n > 0) copyRows(out, af(x, yes), yes);
      if (no.n > 0) {
        if (bf) copyRows(out, bf(x, no), no);
        else for (let k = 0; k < no.n; k++) out[no.idx[k]!] = other;
      }
      return out;
    },
  };
}

function ifsBatch(e: CallExpr, st: BatchState): BatchCompiled | null {
  const parts = e.args.map((x) => compileBatch(x, st));
  if (parts.some((p) => !p)) return null;
  const resultType = parts[1]!.type;
  const fns = parts.map((p) => p!.fn);
  const span = e.span;
  return {
    type: resultType,
    fn: (x, rows) => {
      const out: (Val | undefined)[] = new Array(CHUNK);
      let left = rows;
      for (let i = 0; i < fns.length && left.n > 0; i += 2) {
        const [yes, no] = split(x, left, fns[i]!(x, left));
        if (yes.n > 0) copyRows(out, fns[i + 1]!(x, yes), yes);
        left = no;
      }
      for (let k = 0; k < left.n; k++) {
        const r = left.idx[k]!;
        if (!x.dead[r])
          x.fail(r, new CellError("VALUE", span, "IFS 中没有成立的条件", "no IFS condition is true"));
      }
      return out;
    },
  };
}

function logicBatch(e: CallExpr, st: BatchState, all: boolean): BatchCompiled | null {
  const parts = e.args.map((x) => compileBatch(x, st));
  if (parts.some((p) => !p)) return null;
  const fns = parts.map((p) => p!.fn);
  return {
    type: "boolean",
    fn: (x, rows) => {
      const out: (Val | undefined)[] = new Array(CHUNK);
      let open = rows;
      for (const f of fns) {
        if (open.n === 0) break;
        const [yes, no] = split(x, open, f(x, open));
        const decided = all ? no : yes;
        for (let k = 0; k < decided.n; k++) out[decided.idx[k]!] = !all;
        open = all ? yes : no;
      }
      for (let k = 0; k < open.n; k++) if (!x.dead[open.idx[k]!]) out[open.idx[k]!] = all;
      return out;
    },
  };
}

function groupBatch(e: CallExpr): BatchCompiled | null {
  const agg = AGGREGATE_OF.get(e);
  if (!agg) return null;
  const { id, level, type } = agg;
  return {
    type,
    fn: (x, rows) => {
      const out: (Val | undefined)[] = new Array(CHUNK);
      for (let k = 0; k < rows.n; k++) {
        const r = rows.idx[k]!;
        if (x.dead[r]) continue;
        try {
          out[r] = x.aggregates.get(id, x.base + r, x.groupIndex(level, r));
        } catch (err) {
          if (!(err instanceof CellError)) throw err;
          x.fail(r, err);
        }
      }
      return out;
    },
  };
}

/**
 * Any other function: arguments in batch, then the function's own scalar closure per row, reading the
 * arguments through stub slots. Arguments are evaluated for all rows, as the scalar function would.
 */
function kernelBatch(e: CallExpr, st: BatchState): BatchCompiled | null {
  const literal = (a: Expr) =>
    a.kind === "string" ||
    a.kind === "number" ||
    a.kind === "boolean" ||
    a.kind === "date" ||
    (a.kind === "name" && st.scope.resolve(a.name)?.kind === "table");
  const batched = e.args.filter((a) => !literal(a)).map((a) => compileBatch(a, st));
  if (batched.some((a) => !a)) return null;
  const args = batched as BatchCompiled[];
  const stubs = new Map<string, Binding>();
  let next = 0;
  const stubArgs: Expr[] = e.args.map((a) => {
    if (literal(a)) return a;
    const k = next++;
    const name = `\u0000arg${k}`;
    stubs.set(name, {
      kind: "slot",
      type: args[k]!.type,
      slot: k,
      display: "number",
      source: "calc",
      node: name,
    });
    return { kind: "name", name, span: a.span };
  });
  const scope: Scope = {
    resolve: (n) => stubs.get(n) ?? st.scope.resolve(n),
    names: () => st.scope.names(),
    addAggregate: () => {
      throw new Error("group functions have a batch form");
    },
  };
  const scalar = compileExpr(
    { ...e, args: stubArgs },
    { scope, problems: [], deps: new Set(), allowGroups: false },
  );
  if (!scalar) return null;
  const fns = args.map((a) => a.fn);
  const f = scalar.fn;
  return {
    type: scalar.type,
    fn: (x, rows) => {
      const cols = fns.map((g) => g(x, rows));
      const argv: (Val | undefined)[] = new Array(cols.length);
      const ctx: EvalCtx = {
        slots: argv,
        emp: 0,
        groupOf: () => 0,
        aggregates: x.aggregates,
        trace: null,
        compute: () => {
          throw new Error("stub slot read before it was set");
        },
      };
      const out: (Val | undefined)[] = new Array(CHUNK);
      for (let k = 0; k < rows.n; k++) {
        const r = rows.idx[k]!;
        if (x.dead[r]) continue;
        for (let j = 0; j < cols.length; j++) argv[j] = cols[j]![r];
        try {
          out[r] = f(ctx);
        } catch (err) {
          if (!(err instanceof CellError)) throw err;
          x.fail(r, err);
        }
      }
      return out;
    },
  };
}

const GROUP_NAMES = new Set(["GROUPSUM", "GROUPAVG", "GROUPCOUNT", "GROUPMIN", "GROUPMAX", "RANK", "SHARE"]);

/** Compiles a call in batch form. */
export function batchCall(e: CallExpr, st: BatchState): BatchCompiled | null {
  if (GROUP_NAMES.has(e.name)) return groupBatch(e);
  if (e.name === "IF") return ifBatch(e, st);
  if (e.name === "IFS") return ifsBatch(e, st);
  if (e.name === "AND" || e.name === "OR") return logicBatch(e, st, e.name === "AND");
  return kernelBatch(e, st);
}

export type { BatchFn };
