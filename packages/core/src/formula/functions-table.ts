/**
 * Tier-table functions: TIER (the row of the highest threshold ≤ value, whole-amount rates) and PROGRESSIVE
 * (marginal brackets, like income tax).
 * @example "团队销售额 * TIER(人均成交额, 团队提成比例)"
 */
import { Dec } from "../money/decimal.js";
import type { CallExpr } from "./ast.js";
import { at, type CompileState, compileExpr, expectType } from "./compile.js";
import type { FunctionDef } from "./functions.js";
import { makeProblem } from "./problems.js";
import type { TableBinding } from "./scope.js";
import { CellError, type Compiled } from "./types.js";

type Setup = { value: Compiled; table: TableBinding; column: string };

function setup(e: CallExpr, st: CompileState): Setup | null {
  const value = compileExpr(e.args[0]!, st);
  const tArg = e.args[1]!;
  let table: TableBinding | undefined;
  if (tArg.kind === "name") {
    const b = st.scope.resolve(tArg.name);
    if (b?.kind === "table" && b.tableKind === "tier") table = b;
  }
  if (!table) {
    st.problems.push(
      makeProblem(
        "TYPE",
        at(tArg.span),
        `${e.name} 的第2个参数应为分档表的名称`,
        `${e.name} needs a tier table name`,
      ),
    );
    return null;
  }
  let column = table.columns[0]!;
  const cArg = e.args[2];
  if (cArg) {
    if (cArg.kind !== "string" || !table.columns.includes(cArg.value)) {
      st.problems.push(
        makeProblem(
          "TABLE",
          at(cArg.span),
          `分档表“${table.name}”的列应为：${table.columns.join("、")}`,
          `tier table "${table.name}" columns are: ${table.columns.join(", ")}`,
        ),
      );
      return null;
    }
    column = cArg.value;
  }
  if (!value || !expectType(value, "number", e.args[0]!.span, `${e.name} 的第1个参数`, st)) return null;
  return { value, table, column };
}

const TIER: FunctionDef = {
  name: "TIER",
  minArgs: 2,
  maxArgs: 3,
  zh: "TIER(数值, 分档表[, 列])：取不超过数值的最高档，如 TIER(人均成交额, 团队提成比例)",
  compile: (e, st) => {
    const s = setup(e, st);
    if (!s) return null;
    const { table, column } = s;
    const f = s.value.fn;
    const span = e.span;
    return {
      type: table.valueType,
      fn: (c) => {
        const x = f(c) as Dec;
        let row: (typeof table.tiers)[number] | undefined;
        for (const t of table.tiers) {
          if (t.threshold.lte(x)) row = t;
          else break;
        }
        if (!row) {
          throw new CellError(
            "LOOKUP",
            span,
            `${x.toString()} 低于分档表“${table.name}”的最低档 ${table.tiers[0]?.threshold.toString()}`,
            `${x.toString()} is below the lowest tier of "${table.name}"`,
          );
        }
        const v = row.values.get(column)!;
        if (c.trace) {
          c.trace.push({
            span,
            label: `${table.name}[≥${row.threshold.toString()}]`,
            value: v,
            type: table.valueType,
            source: `table:${table.valueDisplay}`,
          });
        }
        return v;
      },
    };
  },
};

const PROGRESSIVE: FunctionDef = {
  name: "PROGRESSIVE",
  minArgs: 2,
  maxArgs: 3,
  zh: "PROGRESSIVE(数值, 分档表[, 比率列])：超额累进，每档只对超出部分按该档比率计算",
  compile: (e, st) => {
    const s = setup(e, st);
    if (!s) return null;
    const { table, column } = s;
    if (table.valueType !== "number") {
      st.problems.push(
        makeProblem("TABLE", at(e.span), "累进表的比率必须是数值", "progressive rates must be numbers"),
      );
      return null;
    }
    const f = s.value.fn;
    return {
      type: "number",
      fn: (c) => {
        const x = f(c) as Dec;
        let total = Dec.ZERO;
        const rows = table.tiers;
        for (let i = 0; i < rows.length; i++) {
          const lo = rows[i]!.threshold;
          if (x.lte(lo)) break;
          const hiRow = rows[i + 1];
          const top = hiRow?.threshold.lt(x) ? hiRow.threshold : x;
          total = total.add(top.sub(lo).mul(rows[i]!.values.get(column) as Dec));
        }
        return total;
      },
    };
  },
};

export const TABLE_FUNCTIONS: FunctionDef[] = [TIER, PROGRESSIVE];
