/**
 * ERROR("说明"): marks this employee's value as an error with the policy's own message, like a spreadsheet's
 * NA(). Used with IF for data a rule needs only for some employees (a contribution base for insured staff).
 * @example IF(参加社保, ERROR("缺少缴费基数"), 0)
 */
import type { Span } from "./ast.js";
import { at } from "./compile.js";
import type { FunctionDef } from "./functions.js";
import { makeProblem } from "./problems.js";
import { CellError } from "./types.js";

function fail(span: Span, text: string): never {
  throw new CellError("INPUT", span, text, text);
}

const ERROR: FunctionDef = {
  name: "ERROR",
  minArgs: 1,
  maxArgs: 1,
  zh: 'ERROR("说明")：让该员工这一项出错并显示说明，如 IF(参加社保, ERROR("缺少缴费基数"), 0)',
  compile: (e, st) => {
    const arg = e.args[0]!;
    if (arg.kind !== "string") {
      st.problems.push(
        makeProblem("TYPE", at(arg.span), "ERROR 的说明应是加引号的文本", "ERROR needs a quoted message"),
      );
      return null;
    }
    const span = e.span;
    const text = arg.value;
    return { type: "number", fn: () => fail(span, text) };
  },
};

/** Functions that signal problems. @example ERROR_FUNCTIONS[0].name === "ERROR" */
export const ERROR_FUNCTIONS: FunctionDef[] = [ERROR];
