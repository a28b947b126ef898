/**
 * Problems are values, like a spreadsheet's cell errors: a code, where, and a message in Chinese and English.
 * @example formatProblem(problem, "zh") === "第3行第12列：未知名称“岗位工资x”，是否想写“岗位工资”？"
 */

export type ProblemCode =
  | "SYNTAX"
  | "UNKNOWN_NAME"
  | "UNKNOWN_FUNCTION"
  | "ARITY"
  | "TYPE"
  | "CYCLE"
  | "UNUSED_INPUT"
  | "DUPLICATE_NAME"
  | "SCHEMA"
  | "TABLE"
  | "GROUP"
  | "DIV_ZERO"
  | "LOOKUP"
  | "VALUE"
  | "INPUT"
  /** A policy rule that may break labour law (a warning with its legal reference). */
  | "LABOR";

export type Severity = "error" | "warning";

/** Where a problem is: a file (optional), 1-based line and column, and the span length if known. */
export type Location = { file?: string; line: number; column: number; length?: number; path?: string };

export type Problem = {
  code: ProblemCode;
  severity: Severity;
  at?: Location;
  zh: string;
  en: string;
  /** Legal reference for LABOR warnings, e.g. 《劳动法》第四十四条. */
  ref?: { zh: string; en: string; url?: string };
};

export type Lang = "zh" | "en";

/**
 * Renders a problem with its position prefix.
 * @example formatProblem({code:"SYNTAX",severity:"error",at:{line:1,column:4},zh:"缺少右括号",en:"missing )"},"zh") === "第1行第4列：缺少右括号"
 */
export function formatProblem(p: Problem, lang: Lang = "zh"): string {
  const base = lang === "zh" ? p.zh : p.en;
  const text = p.ref ? `${base}${lang === "zh" ? `（依据：${p.ref.zh}）` : ` (see ${p.ref.en})`}` : base;
  if (!p.at) return text;
  const { file, line, column } = p.at;
  if (lang === "zh") return `${file ? `${file}:${line}:${column} ` : ""}第${line}行第${column}列：${text}`;
  return `${file ? `${file}:` : ""}${line}:${column}: ${text}`;
}

/**
 * Builds an error problem.
 * @example makeProblem("SYNTAX", {line:1,column:1}, "缺少表达式", "expression expected")
 */
export function makeProblem(code: ProblemCode, at: Location | undefined, zh: string, en: string): Problem {
  return at ? { code, severity: "error", at, zh, en } : { code, severity: "error", zh, en };
}
