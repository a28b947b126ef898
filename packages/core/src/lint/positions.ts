/**
 * Positions in the policy file for warnings: a span inside a formula, a value, a key, words inside a text, a param's
 * value or a table row, each with the length of what it underlines where known.
 * @example atSpan(v, site, term.expr.span) // { file: "p.yaml", line: 22, column: 14, length: 9, path: "items.3.formula" }
 */
import type { Span } from "../formula/ast.js";
import type { Location } from "../formula/problems.js";
import type { YamlPath } from "../policy/load.js";
import type { ParamInfo } from "./policy-values.js";
import type { PolicyView, Site } from "./policy-view.js";

/** Position of a span inside a site's formula, with its length. @example atSpan(v, site, site.ast.span)?.line */
export function atSpan(v: PolicyView, s: Site, span: Span): Location | undefined {
  const loc = v.loaded.locateInFormula(s.path, span.line, span.column);
  return loc ? { ...loc, length: Math.max(1, span.end - span.start) } : undefined;
}

/** Position of the start of a site's formula. @example atStart(v, site)?.column === 14 */
export function atStart(v: PolicyView, s: Site): Location | undefined {
  return atSpan(v, s, s.ast.span);
}

/** Position of the value at a path. @example atPath(v, ["payCycle"]) */
export function atPath(v: PolicyView, path: YamlPath): Location | undefined {
  return v.loaded.locate(path);
}

/** Position of the key that defines the entry at a path (an input's name …), underlining the name. @example atKey(v, ["inputs", "加班小时"])?.length === 4 */
export function atKey(v: PolicyView, path: YamlPath): Location | undefined {
  const loc = v.loaded.locateKey(path);
  return loc ? { ...loc, length: String(path[path.length - 1]).length } : undefined;
}

/** Position of `length` characters at `index` of the text scalar at `path` (a description or explain). @example atText(v, ["description"], text, 12, 4) */
export function atText(
  v: PolicyView,
  path: YamlPath,
  text: string,
  index: number,
  length: number,
): Location | undefined {
  const before = text.slice(0, index);
  const line = before.split("\n").length;
  const column = index - (before.lastIndexOf("\n") + 1) + 1;
  const loc = v.loaded.locateInFormula(path, line, column);
  return loc ? { ...loc, length } : undefined;
}

/** Position of a param's value, underlining the value. @example atParam(v, v.params.get("底薪标准")!) */
export function atParam(v: PolicyView, p: ParamInfo): Location | undefined {
  const loc = v.loaded.locate(p.path);
  return loc ? { ...loc, length: p.raw.length } : undefined;
}

/** Position of a single-key table row's value, underlining the value. @example atRow(v, "底薪标准", "客服专员") */
export function atRow(v: PolicyView, table: string, key: string): Location | undefined {
  const loc = v.loaded.locate(rowPath(v, table, key));
  const rows = v.doc.tables[table]?.rows;
  const raw = rows && !Array.isArray(rows) ? rows[key] : undefined;
  return loc && (typeof raw === "number" || typeof raw === "string")
    ? { ...loc, length: String(raw).length }
    : loc;
}

/** Path of a table row's value; numeric keys are looked up as YAML numbers first. @example rowPath(v, "阶系数", "4") // ["tables", "阶系数", "rows", 4] */
export function rowPath(v: PolicyView, table: string, key: string): YamlPath {
  const base: YamlPath = ["tables", table, "rows"];
  if (/^-?\d+(\.\d+)?$/.test(key)) {
    const asNumber = v.loaded.locate([...base, Number(key)]);
    const parent = v.loaded.locate(base);
    if (asNumber && parent && (asNumber.line !== parent.line || asNumber.column !== parent.column))
      return [...base, Number(key)];
  }
  return [...base, key];
}

/** Text of a span of a site's formula, as the user wrote it. @example spanText(site, term.expr.span) === "迟到次数 * 50" */
export function spanText(s: Site, span: Span): string {
  return s.text.slice(span.start, span.end);
}
