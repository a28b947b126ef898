/**
 * Logic and arithmetic functions: IF, IFS, AND, OR, NOT, MIN, MAX, SUM, AVERAGE, ROUND…, ABS, INT, MOD.
 * @example "IF(阶 = 4, 0, 绩效工资标准 * 绩效比例)"
 */
import { Dec, type RoundingMode } from "../money/decimal.js";
import type { CallExpr, Expr, Span } from "./ast.js";
import { type CompileState, compileExpr, expectType } from "./compile.js";
import type { FunctionDef } from "./functions.js";
import { makeProblem } from "./problems.js";
import { CellError, type Compiled, type EvalCtx, TYPE_ZH, type Val } from "./types.js";

type Fn = Compiled["fn"];

/** Compiles all arguments and checks each has the wanted type. */
export function compileArgs(
  e: CallExpr,
  st: CompileState,
  want: (Compiled["type"] | null)[],
): Compiled[] | null {
  const out: Compiled[] = [];
  let ok = true;
  e.args.forEach((a, i) => {
    const c = compileExpr(a, st);
    if (!c) {
      ok = false;
      return;
    }
    const w = i < want.length ? want[i] : want[want.length - 1];
    if (w && !expectType(c, w, a.span, `${e.name} 的第${i + 1}个参数`, st)) ok = false;
    out.push(c);
  });
  return ok ? out : null;
}

function numbers(e: CallExpr, st: CompileState): Fn[] | null {
  const cs = compileArgs(e, st, ["number"]);
  return cs ? cs.map((c) => c.fn) : null;
}

function reduceNumbers(name: string, zh: string, op: (a: Dec, b: Dec) => Dec): FunctionDef {
  return {
    name,
    minArgs: 1,
    maxArgs: Number.POSITIVE_INFINITY,
    zh,
    compile: (e, st) => {
      const fs = numbers(e, st);
      if (!fs) return null;
      const [first, ...rest] = fs;
      return {
        type: "number",
        fn: (c) => {
          let acc = first!(c) as Dec;
          for (const f of rest) acc = op(acc, f(c) as Dec);
          return acc;
        },
      };
    },
  };
}

function integerArg(f: Fn, c: EvalCtx, arg: Expr, what: string): number {
  const d = f(c) as Dec;
  if (!d.isInteger() || d.abs().gt(Dec.fromInt(20))) {
    throw new CellError(
      "VALUE",
      arg.span,
      `${what}应为 -20 到 20 之间的整数`,
      `${what} must be an integer in -20..20`,
    );
  }
  return Number(d.toString());
}

/** Decimal places written as a literal (the usual case), so they are not re-checked per employee. */
function constantPlaces(arg: Expr | undefined): number | null {
  if (!arg) return 0;
  const lit = arg.kind === "unary" && arg.operand.kind === "number" ? arg.operand : arg;
  if (lit.kind !== "number" || lit.percent || !/^\d+$/.test(lit.text)) return null;
  const n = Number(lit.text) * (arg.kind === "unary" && arg.op === "-" ? -1 : 1);
  return Math.abs(n) <= 20 ? n : null;
}

function roundFn(name: string, mode: RoundingMode, zh: string): FunctionDef {
  return {
    name,
    minArgs: 1,
    maxArgs: 2,
    zh,
    compile: (e, st) => {
      const fs = numbers(e, st);
      if (!fs) return null;
      const [x, p] = fs as [Fn, Fn | undefined];
      const placesArg = e.args[1];
      const fixed = constantPlaces(placesArg);
      if (fixed !== null) return { type: "number", fn: (c) => (x(c) as Dec).round(fixed, mode) };
      return {
        type: "number",
        fn: (c) => (x(c) as Dec).round(p && placesArg ? integerArg(p, c, placesArg, "小数位数") : 0, mode),
      };
    },
  };
}

function multipleFn(name: string, mode: RoundingMode, zh: string): FunctionDef {
  return {
    name,
    minArgs: 2,
    maxArgs: 2,
    zh,
    compile: (e, st) => {
      const fs = numbers(e, st);
      if (!fs) return null;
      const [x, sig] = fs as [Fn, Fn];
      const span = e.args[1]!.span;
      return {
        type: "number",
        fn: (c) => {
          const s = sig(c) as Dec;
          if (s.sign() <= 0)
            throw new CellError("VALUE", span, "基数必须大于0", "significance must be positive");
          return (x(c) as Dec).div(s).round(0, mode).mul(s);
        },
      };
    },
  };
}

const IF: FunctionDef = {
  name: "IF",
  minArgs: 2,
  maxArgs: 3,
  zh: "IF(条件, 成立时, 不成立时)：如 IF(接听率 >= 95%, 10, 0)",
  compile: (e, st) => {
    const cs = compileArgs(e, st, ["boolean", null, null]);
    if (!cs) return null;
    const [cond, a, b] = cs as [Compiled, Compiled, Compiled | undefined];
    if (b && a.type !== b.type) {
      st.problems.push(
        makeProblem(
          "TYPE",
          { line: e.args[2]!.span.line, column: e.args[2]!.span.column },
          `IF 的两个结果类型不同：${TYPE_ZH[a.type]}和${TYPE_ZH[b.type]}`,
          `IF branches differ in type: ${a.type} and ${b.type}`,
        ),
      );
      return null;
    }
    const other: Val =
      a.type === "number" ? Dec.ZERO : a.type === "text" ? "" : a.type === "boolean" ? false : null;
    const cf = cond.fn;
    const af = a.fn;
    const bf = b ? b.fn : () => other;
    return { type: a.type, fn: (c) => (cf(c) ? af(c) : bf(c)) };
  },
};

const IFS: FunctionDef = {
  name: "IFS",
  minArgs: 2,
  maxArgs: Number.POSITIVE_INFINITY,
  zh: "IFS(条件1, 值1, 条件2, 值2, …)：第一个成立的条件对应的值",
  compile: (e, st) => {
    if (e.args.length % 2 !== 0) {
      st.problems.push(
        makeProblem(
          "ARITY",
          { line: e.nameSpan.line, column: e.nameSpan.column },
          "IFS 的参数应成对出现：条件, 值",
          "IFS takes pairs of condition, value",
        ),
      );
      return null;
    }
    const cs = compileArgs(
      e,
      st,
      e.args.map((_, i) => (i % 2 === 0 ? "boolean" : null)),
    );
    if (!cs) return null;
    const type = cs[1]!.type;
    for (let i = 3; i < cs.length; i += 2) {
      if (cs[i]!.type !== type) {
        const s = e.args[i]!.span;
        st.problems.push(
          makeProblem(
            "TYPE",
            { line: s.line, column: s.column },
            "IFS 的各个值类型应相同",
            "IFS values must share a type",
          ),
        );
        return null;
      }
    }
    const fns = cs.map((c) => c.fn);
    const span = e.span;
    return {
      type,
      fn: (c) => {
        for (let i = 0; i < fns.length; i += 2) if (fns[i]!(c)) return fns[i + 1]!(c);
        throw new CellError("VALUE", span, "IFS 中没有成立的条件", "no IFS condition is true");
      },
    };
  },
};

function logic(name: string, zh: string, all: boolean): FunctionDef {
  return {
    name,
    minArgs: 1,
    maxArgs: Number.POSITIVE_INFINITY,
    zh,
    compile: (e, st) => {
      const cs = compileArgs(e, st, ["boolean"]);
      if (!cs) return null;
      const fs = cs.map((c) => c.fn);
      return all
        ? { type: "boolean", fn: (c) => fs.every((f) => f(c) === true) }
        : { type: "boolean", fn: (c) => fs.some((f) => f(c) === true) };
    },
  };
}

const NOT: FunctionDef = {
  name: "NOT",
  minArgs: 1,
  maxArgs: 1,
  zh: "NOT(条件)：取反",
  compile: (e, st) => {
    const cs = compileArgs(e, st, ["boolean"]);
    if (!cs) return null;
    const f = cs[0]!.fn;
    return { type: "boolean", fn: (c) => !f(c) };
  },
};

const AVERAGE: FunctionDef = {
  name: "AVERAGE",
  minArgs: 1,
  maxArgs: Number.POSITIVE_INFINITY,
  zh: "AVERAGE(a, b, …)：平均值",
  compile: (e, st) => {
    const fs = numbers(e, st);
    if (!fs) return null;
    const n = Dec.fromInt(fs.length);
    return {
      type: "number",
      fn: (c) => fs.reduce((acc, f) => acc.add(f(c) as Dec), Dec.ZERO).div(n),
    };
  },
};

/** A one-number function; `op` gets the call's span for its errors. @example unaryNumber("ABS", "…", (d) => d.abs()) */
export function unaryNumber(name: string, zh: string, op: (d: Dec, span: Span) => Dec): FunctionDef {
  return {
    name,
    minArgs: 1,
    maxArgs: 1,
    zh,
    compile: (e, st) => {
      const fs = numbers(e, st);
      if (!fs) return null;
      const f = fs[0]!;
      const span = e.span;
      return { type: "number", fn: (c) => op(f(c) as Dec, span) };
    },
  };
}

const MOD: FunctionDef = {
  name: "MOD",
  minArgs: 2,
  maxArgs: 2,
  zh: "MOD(被除数, 除数)：余数，符号同除数",
  compile: (e, st) => {
    const fs = numbers(e, st);
    if (!fs) return null;
    const [a, b] = fs as [Fn, Fn];
    const span = e.args[1]!.span;
    return {
      type: "number",
      fn: (c) => {
        const x = a(c) as Dec;
        const y = b(c) as Dec;
        if (y.isZero()) throw new CellError("DIV_ZERO", span, "除数为0", "division by zero");
        return x.sub(y.mul(x.div(y).round(0, "floor")));
      },
    };
  },
};

export const BASIC_FUNCTIONS: FunctionDef[] = [
  IF,
  IFS,
  logic("AND", "AND(条件1, 条件2, …)：全部成立", true),
  logic("OR", "OR(条件1, 条件2, …)：任一成立", false),
  NOT,
  reduceNumbers("MIN", "MIN(a, b, …)：最小值，如 MIN(100, 得分)", (a, b) => a.min(b)),
  reduceNumbers("MAX", "MAX(a, b, …)：最大值，如 MAX(0, 订单数 - 门槛)", (a, b) => a.max(b)),
  reduceNumbers("SUM", "SUM(a, b, …)：合计", (a, b) => a.add(b)),
  AVERAGE,
  roundFn("ROUND", "half-up", "ROUND(数值, 位数)：四舍五入，如 ROUND(x, 2)"),
  roundFn("ROUNDUP", "up", "ROUNDUP(数值, 位数)：远离零进位，如 ROUNDUP(门槛 * 1.05, 0)"),
  roundFn("ROUNDDOWN", "down", "ROUNDDOWN(数值, 位数)：向零舍去"),
  multipleFn("FLOOR", "floor", "FLOOR(数值, 基数)：向下取到基数的倍数，如 FLOOR(x, 10)"),
  multipleFn("CEILING", "ceiling", "CEILING(数值, 基数)：向上取到基数的倍数"),
  unaryNumber("ABS", "ABS(数值)：绝对值", (d) => d.abs()),
  unaryNumber("INT", "INT(数值)：向下取整", (d) => d.round(0, "floor")),
  MOD,
];
