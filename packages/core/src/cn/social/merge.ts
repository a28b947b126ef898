/**
 * Merges a tenant override (same schema as si-hf.json) over the built-in data: cities match by id, dated
 * entries match by effectiveFrom and merge field by field, a figure (anything with a `source`) is replaced
 * whole, new cities and new entries are added. Inputs are not modified.
 * @example mergeSiHfData(builtinSiHf(), override).cities.length >= builtinSiHf().cities.length
 */
import type { SiHfCity, SiHfData } from "./schema.js";

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Field-by-field merge; figures and rounding rules (objects with `source`) and scalars are replaced whole. */
function mergeObj(a: Obj, b: Obj): Obj {
  const out: Obj = { ...a };
  for (const [k, bv] of Object.entries(b)) {
    if (bv === undefined) continue;
    const av = out[k];
    if (isObj(av) && isObj(bv) && !("source" in bv)) out[k] = mergeObj(av, bv);
    else if (Array.isArray(av) && Array.isArray(bv) && [...av, ...bv].every((x) => typeof x === "string"))
      out[k] = [...new Set([...av, ...bv])];
    else out[k] = bv;
  }
  return out;
}

type Entry = { effectiveFrom: string };

function mergeEntries<T extends Entry>(
  a: readonly T[] | undefined,
  b: readonly T[] | undefined,
): T[] | undefined {
  if (!b) return a ? [...a] : undefined;
  const out: T[] = [...(a ?? [])];
  for (const e of b) {
    const i = out.findIndex((x) => x.effectiveFrom === e.effectiveFrom);
    if (i >= 0) out[i] = mergeObj(out[i] as unknown as Obj, e as unknown as Obj) as unknown as T;
    else out.push(e);
  }
  return out.sort((x, y) => x.effectiveFrom.localeCompare(y.effectiveFrom));
}

function mergeCity(a: SiHfCity, b: SiHfCity): SiHfCity {
  const { siBases, siRates, housingFund, ...rest } = b;
  const merged = mergeObj(a as unknown as Obj, rest as unknown as Obj) as unknown as SiHfCity;
  return {
    ...merged,
    siBases: mergeEntries(a.siBases, siBases),
    siRates: mergeEntries(a.siRates, siRates),
    housingFund: mergeEntries(a.housingFund, housingFund),
  };
}

/**
 * The built-in data with a validated override merged over it (validate the override with parseSiHfData first).
 * @example mergeSiHfData(base, { version: "t1", sources: {}, cities: [] }).version === `${base.version}+t1`
 */
export function mergeSiHfData(base: SiHfData, override: SiHfData): SiHfData {
  const cities = base.cities.map((c) => {
    const o = override.cities.find((x) => x.id === c.id);
    return o ? mergeCity(c, o) : c;
  });
  for (const o of override.cities) if (!base.cities.some((c) => c.id === o.id)) cities.push(o);
  return {
    version: `${base.version}+${override.version}`,
    description: base.description,
    sources: { ...base.sources, ...override.sources },
    cities,
  };
}

const cache = new WeakMap<SiHfData, WeakMap<SiHfData, SiHfData>>();

/** mergeSiHfData, remembered per (base, override) pair so a payroll run merges once. @example mergedData(b, o) === mergedData(b, o) */
export function mergedData(base: SiHfData, override: SiHfData): SiHfData {
  let inner = cache.get(base);
  if (!inner) {
    inner = new WeakMap();
    cache.set(base, inner);
  }
  let m = inner.get(override);
  if (!m) {
    m = mergeSiHfData(base, override);
    inner.set(override, m);
  }
  return m;
}
