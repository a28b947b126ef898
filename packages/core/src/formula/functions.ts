/**
 * The function library: one registry of definitions, each checking its arguments and compiling a closure.
 * @example FUNCTIONS.get("IF")?.minArgs === 2
 */
import type { CallExpr } from "./ast.js";
import type { CompileState } from "./compile.js";
import { BASIC_FUNCTIONS } from "./functions-basic.js";
import { DATE_FUNCTIONS } from "./functions-date.js";
import { ERROR_FUNCTIONS } from "./functions-error.js";
import { GROUP_FUNCTIONS } from "./functions-group.js";
import { LABOR_FUNCTIONS } from "./functions-labor.js";
import { MIN_WAGE_FUNCTIONS } from "./functions-min-wage.js";
import { STATUTORY_FUNCTIONS } from "./functions-statutory.js";
import { TABLE_FUNCTIONS } from "./functions-table.js";
import type { Compiled } from "./types.js";

export type FunctionDef = {
  name: string;
  minArgs: number;
  maxArgs: number;
  /** One-line Chinese description with an example, for completion and docs. */
  zh: string;
  compile: (e: CallExpr, st: CompileState) => Compiled | null;
};

/** All functions by upper-case name. */
export const FUNCTIONS: Map<string, FunctionDef> = new Map(
  [
    ...BASIC_FUNCTIONS,
    ...DATE_FUNCTIONS,
    ...TABLE_FUNCTIONS,
    ...GROUP_FUNCTIONS,
    ...LABOR_FUNCTIONS,
    ...STATUTORY_FUNCTIONS,
    ...ERROR_FUNCTIONS,
    ...MIN_WAGE_FUNCTIONS,
  ].map((f) => [f.name, f]),
);
