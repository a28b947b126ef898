/**
 * Group functions over a team (团队, default), department (部门) or the whole company (公司): GROUPSUM,
 * GROUPAVG, GROUPCOUNT, GROUPMIN, GROUPMAX, RANK and SHARE (split a pool by weight, exact to the 分).
 * The engine evaluates their arguments for every member first, then the formulas that use them.
 * @example "SHARE(团队奖金池, 接听量 / GROUPSUM(接听量))"
 */
import type { CallExpr, Expr } from "./ast.js";
import { at, type CompileState, compileExpr, expectType } from "./compile.js";
import type { FunctionDef } from "./functions.js";
import { printFormula } from "./printer.js";
import { makeProblem } from "./problems.js";
import { type AggregateKind, GROUP_LEVELS } from "./scope.js";
import type { Compiled, ValueType } from "./types.js";

/** The aggregate each group-function call compiled to, for the batch compiler (keyed by the AST node). */
export const AGGREGATE_OF = new WeakMap<CallExpr, { id: number; level: number; type: ValueType }>();

type Plan = { valueArgs: number; levelArg: number | null; orderArg: number | null };

function levelOf(arg: Expr | undefined, st: CompileState): number | null {
  if (!arg) return 0;
  const idx = arg.kind === "string" ? GROUP_LEVELS.indexOf(arg.value as (typeof GROUP_LEVELS)[number]) : -1;
  if (idx < 0) {
    st.problems.push(
      makeProblem(
        "GROUP",
        at(arg.span),
        `分组应写 "团队"、"部门" 或 "公司"`,
        `group level must be "团队" (team), "部门" (department) or "公司" (company)`,
      ),
    );
    return null;
  }
  return idx;
}

function isLevelLiteral(a: Expr | undefined): boolean {
  return a?.kind === "string" && (GROUP_LEVELS as readonly string[]).includes(a.value);
}

function groupFn(
  name: string,
  kind: AggregateKind,
  zh: string,
  argTypes: ValueType[],
  result: ValueType,
  plan: (e: CallExpr) => Plan,
  minArgs: number,
  maxArgs: number,
): FunctionDef {
  return {
    name,
    minArgs,
    maxArgs,
    zh,
    compile: (e, st) => {
      if (!st.allowGroups) {
        st.problems.push(
          makeProblem(
            "GROUP",
            at(e.nameSpan),
            `这里不能使用分组函数 ${name}`,
            `group function ${name} is not allowed here`,
          ),
        );
        return null;
      }
      const p = plan(e);
      const inner: CompileState = {
        scope: st.scope,
        problems: st.problems,
        deps: new Set(),
        allowGroups: true,
      };
      const args: Compiled[] = [];
      for (let i = 0; i < p.valueArgs; i++) {
        const a = e.args[i]!;
        const c = compileExpr(a, inner);
        if (!c) return null;
        if (!expectType(c, argTypes[i]!, a.span, `${name} 的第${i + 1}个参数`, inner)) return null;
        args.push(c);
      }
      const level = p.levelArg === null ? 0 : levelOf(e.args[p.levelArg], st);
      if (level === null) return null;
      let descending = true;
      if (p.orderArg !== null && e.args[p.orderArg]) {
        const o = e.args[p.orderArg]!;
        if (o.kind !== "string" || (o.value !== "降序" && o.value !== "升序")) {
          st.problems.push(
            makeProblem(
              "VALUE",
              at(o.span),
              `排序应写 "降序" 或 "升序"`,
              `order must be "降序" (desc) or "升序" (asc)`,
            ),
          );
          return null;
        }
        descending = o.value === "降序";
      }
      const id = st.scope.addAggregate({
        kind,
        level,
        args,
        argAsts: e.args.slice(0, p.valueArgs),
        deps: inner.deps,
        descending,
        span: e.span,
        text: printFormula(e),
      });
      st.deps.add(`agg:${id}`);
      AGGREGATE_OF.set(e, { id, level, type: result });
      const span = e.span;
      const label = `${printFormula(e)}`;
      const source = kind === "share" ? "group:money" : "group:number";
      return {
        type: result,
        fn: (c) => {
          const v = c.aggregates.get(id, c.emp, c.groupOf(level));
          if (c.trace) c.trace.push({ span, label, value: v, type: result, source });
          return v;
        },
      };
    },
  };
}

const simple = (e: CallExpr): Plan => ({
  valueArgs: 1,
  levelArg: e.args.length > 1 ? 1 : null,
  orderArg: null,
});

export const GROUP_FUNCTIONS: FunctionDef[] = [
  groupFn(
    "GROUPSUM",
    "sum",
    'GROUPSUM(数值[, 分组])：组内合计，分组为 "团队"(默认)、"部门"、"公司"',
    ["number"],
    "number",
    simple,
    1,
    2,
  ),
  groupFn("GROUPAVG", "avg", "GROUPAVG(数值[, 分组])：组内平均", ["number"], "number", simple, 1, 2),
  groupFn("GROUPMIN", "min", "GROUPMIN(数值[, 分组])：组内最小", ["number"], "number", simple, 1, 2),
  groupFn("GROUPMAX", "max", "GROUPMAX(数值[, 分组])：组内最大", ["number"], "number", simple, 1, 2),
  groupFn(
    "GROUPCOUNT",
    "count",
    "GROUPCOUNT([条件][, 分组])：组内人数，可带条件，如 GROUPCOUNT(考核得分 >= 60)",
    ["boolean"],
    "number",
    (e) =>
      isLevelLiteral(e.args[0])
        ? { valueArgs: 0, levelArg: 0, orderArg: null }
        : { valueArgs: e.args.length > 0 ? 1 : 0, levelArg: e.args.length > 1 ? 1 : null, orderArg: null },
    0,
    2,
  ),
  groupFn(
    "RANK",
    "rank",
    'RANK(数值[, 分组][, "降序"|"升序"])：组内名次，最大为第1名，并列同名次',
    ["number"],
    "number",
    (e) => ({ valueArgs: 1, levelArg: e.args.length > 1 ? 1 : null, orderArg: e.args.length > 2 ? 2 : null }),
    1,
    3,
  ),
  groupFn(
    "SHARE",
    "share",
    "SHARE(奖金池, 权重[, 分组])：按权重拆分组内奖金池，最大余数法精确到分，合计等于奖金池",
    ["number", "number"],
    "number",
    (e) => ({ valueArgs: 2, levelArg: e.args.length > 2 ? 2 : null, orderArg: null }),
    2,
    3,
  ),
];
