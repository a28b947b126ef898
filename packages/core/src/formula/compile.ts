/**
 * Type-checks a formula AST against a scope and compiles it into closures, once per policy. Reports every
 * problem it finds (unknown names with suggestions, type errors, arity) with the formula position.
 * @example compileFormula(ast, scope).compiled?.fn(ctx)
 */
import { Dec } from "../money/decimal.js";
import type { Expr, Span } from "./ast.js";
import { compileBinary } from "./compile-operators.js";
import { daysFromCivil } from "./days.js";
import { FUNCTIONS, type FunctionDef } from "./functions.js";
import { makeProblem, type Problem } from "./problems.js";
import type { Binding, Scope } from "./scope.js";
import { suggestName } from "./suggest.js";
import { CellError, type Compiled, type EvalCtx, TYPE_ZH, type Val, type ValueType } from "./types.js";
import { formatValue, keyText } from "./values.js";

/** State of one compilation: the scope, the problems found and the dependency nodes referenced. */
export type CompileState = {
  scope: Scope;
  problems: Problem[];
  deps: Set<string>;
  /** Set by the policy compiler when a formula may use group functions. */
  allowGroups: boolean;
};

/**
 * Compiles one expression; returns null when it has errors (they are in `st.problems`).
 * @example compileExpr(parseFormula("1 + 2").ast!, st)?.type === "number"
 */
export function compileExpr(e: Expr, st: CompileState): Compiled | null {
  switch (e.kind) {
    case "number": {
      let v = Dec.parse(e.text);
      if (e.percent) v = v.div(Dec.HUNDRED);
      return constant("number", v);
    }
    case "string":
      return constant("text", e.value);
    case "boolean":
      return constant("boolean", e.value);
    case "date":
      return constant("date", dateToDays(e.value));
    case "paren":
      return compileExpr(e.inner, st);
    case "name":
      return compileName(e.name, e.span, st);
    case "index":
      return compileIndex(e, st);
    case "unary":
      return compileUnary(e.op, e.operand, e.span, st);
    case "binary":
      return compileBinary(e, st);
    case "call":
      return compileCall(e, st);
  }
}

function constant(type: ValueType, value: Val): Compiled {
  return { type, fn: () => value };
}

/** ISO date text to whole days since 1970-01-01. @example dateToDays("1970-01-02") === 1 */
export function dateToDays(iso: string): number {
  return daysFromCivil(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

function unknownName(name: string, span: Span, st: CompileState): null {
  const hint = suggestName(name, st.scope.names());
  st.problems.push(
    makeProblem(
      "UNKNOWN_NAME",
      at(span),
      hint ? `未知名称“${name}”，是否想写“${hint}”？` : `未知名称“${name}”`,
      hint ? `unknown name "${name}"; did you mean "${hint}"?` : `unknown name "${name}"`,
    ),
  );
  return null;
}

/** Location of a span for a problem. */
export function at(span: Span) {
  return { line: span.line, column: span.column, length: span.end - span.start };
}

function compileName(name: string, span: Span, st: CompileState): Compiled | null {
  const b = st.scope.resolve(name);
  if (!b) return unknownName(name, span, st);
  if (b.kind === "table") {
    st.problems.push(
      makeProblem(
        "TYPE",
        at(span),
        `“${name}”是一张表，请用“${name}[键]”查表，或用 TIER(数值, ${name})`,
        `"${name}" is a table: use ${name}[key] or TIER(value, ${name})`,
      ),
    );
    return null;
  }
  return compileBinding(name, b, span, st);
}

function compileBinding(label: string, b: Exclude<Binding, { kind: "table" }>, span: Span, st: CompileState) {
  const source = b.source;
  const display = b.display;
  if (b.kind === "const") {
    const value = b.value;
    return {
      type: b.type,
      fn: (c: EvalCtx) => {
        if (c.trace) c.trace.push({ span, label, value, type: b.type, source: `${source}:${display}` });
        return value;
      },
    };
  }
  st.deps.add(b.node);
  const slot = b.slot;
  const type = b.type;
  return {
    type,
    fn: (c: EvalCtx) => {
      let v = c.slots[slot];
      if (v === undefined) v = c.compute(slot);
      if (c.trace) c.trace.push({ span, label, value: v, type, source: `${source}:${display}` });
      return v;
    },
  };
}

function compileIndex(e: Extract<Expr, { kind: "index" }>, st: CompileState): Compiled | null {
  const b = st.scope.resolve(e.target.name);
  if (!b) return unknownName(e.target.name, e.target.span, st);
  if (b.kind !== "table" || b.tableKind !== "lookup") {
    st.problems.push(
      makeProblem(
        "TYPE",
        at(e.target.span),
        `“${e.target.name}”不是查找表，不能用 [ ] 查表`,
        `"${e.target.name}" is not a lookup table; [ ] cannot be used`,
      ),
    );
    return null;
  }
  if (e.keys.length !== b.keyTypes.length) {
    st.problems.push(
      makeProblem(
        "ARITY",
        at(e.span),
        `表“${b.name}”需要 ${b.keyTypes.length} 个键，写了 ${e.keys.length} 个`,
        `table "${b.name}" takes ${b.keyTypes.length} key(s), got ${e.keys.length}`,
      ),
    );
    return null;
  }
  const keys: Compiled[] = [];
  let ok = true;
  e.keys.forEach((k, i) => {
    const c = compileExpr(k, st);
    if (!c) ok = false;
    else if (!sameKeyType(c.type, b.keyTypes[i]!)) {
      st.problems.push(
        makeProblem(
          "TYPE",
          at(k.span),
          `表“${b.name}”的第${i + 1}个键应为${TYPE_ZH[b.keyTypes[i]!]}，这里是${TYPE_ZH[c.type]}`,
          `key ${i + 1} of table "${b.name}" must be ${b.keyTypes[i]}, got ${c.type}`,
        ),
      );
      ok = false;
    } else keys.push(c);
  });
  if (!ok) return null;
  const table = b;
  const single = keys.length === 1 ? keys[0]!.fn : null;
  const label = e.target.name;
  const span = e.span;
  return {
    type: table.valueType,
    fn: (c: EvalCtx) => {
      const parts = single ? [single(c)] : keys.map((k) => k.fn(c));
      const key = single ? keyText(parts[0]!) : parts.map((p) => keyText(p)).join("\u0001");
      const v = table.lookup.get(key);
      if (v === undefined) {
        const shown = parts.map((p) => formatValue(p, "text")).join("、");
        throw new CellError(
          "LOOKUP",
          span,
          `表“${label}”中没有“${shown}”（可选：${[...table.lookup.keys()].map((k) => k.replace("\u0001", "×")).join("、")}）`,
          `table "${label}" has no row "${shown}"`,
        );
      }
      if (c.trace) {
        const keyLabel = parts.map((p) => formatValue(p, "text")).join(",");
        c.trace.push({
          span,
          label: `${label}[${keyLabel}]`,
          value: v,
          type: table.valueType,
          source: `table:${table.valueDisplay}`,
        });
      }
      return v;
    },
  };
}

function sameKeyType(got: ValueType, want: ValueType): boolean {
  return got === want || (want === "text" && got === "number");
}

function compileUnary(op: "-" | "+", operand: Expr, span: Span, st: CompileState): Compiled | null {
  const c = compileExpr(operand, st);
  if (!c) return null;
  if (!expectType(c, "number", operand.span, `“${op}”`, st)) return null;
  if (op === "+") return c;
  const f = c.fn;
  void span;
  return { type: "number", fn: (x) => (f(x) as Dec).neg() };
}

/** Records a type problem unless `c` has type `want`. */
export function expectType(
  c: Compiled,
  want: ValueType,
  span: Span,
  what: string,
  st: CompileState,
): boolean {
  if (c.type === want) return true;
  st.problems.push(
    makeProblem(
      "TYPE",
      at(span),
      `${what}需要${TYPE_ZH[want]}，这里是${TYPE_ZH[c.type]}`,
      `${what.replace(/[“”]/g, '"')} needs ${want}, got ${c.type}`,
    ),
  );
  return false;
}

function compileCall(e: Extract<Expr, { kind: "call" }>, st: CompileState): Compiled | null {
  const def: FunctionDef | undefined = FUNCTIONS.get(e.name);
  if (!def) {
    const hint = suggestName(e.name, FUNCTIONS.keys());
    st.problems.push(
      makeProblem(
        "UNKNOWN_FUNCTION",
        at(e.nameSpan),
        hint ? `未知函数“${e.name}”，是否想写“${hint}”？` : `未知函数“${e.name}”`,
        hint ? `unknown function "${e.name}"; did you mean "${hint}"?` : `unknown function "${e.name}"`,
      ),
    );
    return null;
  }
  const n = e.args.length;
  if (n < def.minArgs || n > def.maxArgs) {
    const range =
      def.minArgs === def.maxArgs
        ? `${def.minArgs}`
        : def.maxArgs === Number.POSITIVE_INFINITY
          ? `至少${def.minArgs}`
          : `${def.minArgs}–${def.maxArgs}`;
    st.problems.push(
      makeProblem(
        "ARITY",
        at(e.nameSpan),
        `函数 ${e.name} 需要${range}个参数，写了${n}个`,
        `${e.name} takes ${range.replace("至少", "at least ")} argument(s), got ${n}`,
      ),
    );
    return null;
  }
  return def.compile(e, st);
}
