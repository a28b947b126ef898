/**
 * Loads and validates the bundled statutory data (JSON modules, no file I/O) and tenant override objects; every
 * problem names the path of the bad field, e.g. `cities[0].siBases[1].all.floor.value`.
 * @example const r = parseSiHfData(json); if (!r.ok) console.log(r.problems[0]?.path)
 */
import type { z } from "zod";
import minWageJson from "./data/min-wage.json" with { type: "json" };
import siHfJson from "./data/si-hf.json" with { type: "json" };
import { type MinWageData, MinWageDataSchema, type SiHfData, SiHfDataSchema, type Source } from "./schema.js";

/** One problem in a data file, with the path of the field. @example problems[0]?.path === "cities[0].siBases[1].all.floor.value" */
export type DataProblem = { path: string; zh: string; en: string };

/** Result of validating a data object. @example const r: ParseResult<SiHfData> = parseSiHfData(json) */
export type ParseResult<T> = { ok: true; data: T } | { ok: false; problems: DataProblem[] };

/** Dotted path text of a zod path. @example formatPath(["cities", 0, "id"]) === "cities[0].id" */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out === "" ? String(p) : `.${String(p)}`;
  }
  return out === "" ? "(根)" : out;
}

function fromIssues(issues: readonly z.core.$ZodIssue[]): DataProblem[] {
  return issues.map((i) => {
    const path = formatPath(i.path);
    const [zh, en] = i.message.includes(" | ")
      ? i.message.split(" | ")
      : [`字段无效（${i.message}）`, i.message];
    return { path, zh: `${path}：${zh}`, en: `${path}: ${en ?? zh}` };
  });
}

/**
 * Every `source` id used anywhere in a data object that its sources table lacks.
 * @example checkSourceRefs({ cities: [{ x: { source: "nope" } }] }, {}).length === 1
 */
export function checkSourceRefs(value: unknown, sources: Readonly<Record<string, Source>>): DataProblem[] {
  const problems: DataProblem[] = [];
  const walk = (v: unknown, path: PropertyKey[]): void => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        walk(x, [...path, i]);
      });
    } else if (typeof v === "object" && v !== null) {
      for (const [k, x] of Object.entries(v)) {
        if (path.length === 0 && k === "sources") continue;
        if (k === "source" && typeof x === "string" && !Object.hasOwn(sources, x)) {
          const p = formatPath([...path, k]);
          problems.push({
            path: p,
            zh: `${p}：来源编号“${x}”不在 sources 表中`,
            en: `${p}: source id "${x}" is not in the sources table`,
          });
        } else walk(x, [...path, k]);
      }
    }
  };
  walk(value, []);
  return problems;
}

/**
 * Validates a social-insurance / housing-fund data object; for an override pass the data it is merged over in
 * `sourcesFrom` so that it may cite the built-in sources.
 * @example parseSiHfData(tenantJson, { sourcesFrom: builtinSiHf() })
 */
export function parseSiHfData(raw: unknown, opts: { sourcesFrom?: SiHfData } = {}): ParseResult<SiHfData> {
  const parsed = SiHfDataSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: fromIssues(parsed.error.issues) };
  const refs = checkSourceRefs(parsed.data, { ...opts.sourcesFrom?.sources, ...parsed.data.sources });
  return refs.length > 0 ? { ok: false, problems: refs } : { ok: true, data: parsed.data };
}

/** Validates a minimum-wage data object. @example parseMinWageData(json).ok */
export function parseMinWageData(raw: unknown): ParseResult<MinWageData> {
  const parsed = MinWageDataSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: fromIssues(parsed.error.issues) };
  const refs = checkSourceRefs(parsed.data, parsed.data.sources);
  return refs.length > 0 ? { ok: false, problems: refs } : { ok: true, data: parsed.data };
}

function mustParse<T>(r: ParseResult<T>, file: string): T {
  if (r.ok) return r.data;
  throw new Error(`bundled ${file} is invalid:\n${r.problems.map((p) => p.en).join("\n")}`);
}

let siHf: SiHfData | undefined;
let minWage: MinWageData | undefined;

/** The bundled social-insurance / housing-fund data, validated once. @example builtinSiHf().version === "2026-11" */
export function builtinSiHf(): SiHfData {
  siHf ??= mustParse(parseSiHfData(siHfJson), "si-hf.json");
  return siHf;
}

/** The bundled minimum-wage data, validated once. @example builtinMinWage().cities.length === 5 */
export function builtinMinWage(): MinWageData {
  minWage ??= mustParse(parseMinWageData(minWageJson), "min-wage.json");
  return minWage;
}
