import { describe, expect, it } from "vitest";
import minWageJson from "./data/min-wage.json" with { type: "json" };
import siHfJson from "./data/si-hf.json" with { type: "json" };
import { coverageText, findEffective } from "./dates.js";
import { builtinMinWage, builtinSiHf, parseMinWageData, parseSiHfData } from "./load-data.js";

type Key = string | number;

/** A deep copy of a bundled file with the value at `path` replaced (or deleted when `value` is undefined). */
function broken(json: unknown, path: Key[], value?: unknown): unknown {
  const copy: unknown = structuredClone(json);
  let node = copy as Record<Key, unknown>;
  for (const k of path.slice(0, -1)) node = node[k] as Record<Key, unknown>;
  const last = path[path.length - 1] as Key;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

/** Path text → path keys: "cities[1].id" → ["cities", 1, "id"]. */
const keys = (path: string): Key[] =>
  path
    .split(/\.|\[|\]/)
    .filter((k) => k !== "")
    .map((k) => (/^\d+$/.test(k) ? Number(k) : k));

function pathsOf(r: { ok: boolean; problems?: { path: string }[] }): string[] {
  return r.ok ? [] : (r.problems ?? []).map((p) => p.path);
}

describe("bundled data", () => {
  it("validates, with every source id resolved", () => {
    expect(builtinSiHf().cities.map((c) => c.name)).toEqual(["北京", "上海", "深圳", "广州", "杭州"]);
    expect(builtinMinWage().cities.map((c) => c.id)).toEqual([
      "beijing",
      "shanghai",
      "shenzhen",
      "guangzhou",
      "hangzhou",
    ]);
  });

  it("switches bases on 1 July and closes the last SI year (no silent carry-over)", () => {
    const sh = builtinSiHf().cities.find((c) => c.id === "shanghai");
    expect(findEffective(sh?.siBases ?? [], "2025-06-30")?.all?.floor?.value).toBe("7384");
    expect(findEffective(sh?.siBases ?? [], "2025-07-01")?.all?.floor?.value).toBe("7460");
    expect(coverageText(sh?.siBases ?? [])).toBe("2024-07 至 2027-06");
  });
});

describe("data-file validation", () => {
  it.each([
    {
      what: "an amount with a thousands separator",
      at: "cities[1].siBases[1].all.floor.value",
      value: "7,460",
    },
    {
      what: "a rate written as a percentage number",
      at: "cities[0].siRates[0].employee.pension.value",
      value: "8",
    },
    {
      what: "a floor above the cap",
      at: "cities[0].housingFund[0].base.floor.value",
      value: "99999",
      path: "cities[0].housingFund[0].base.cap.value",
    },
    { what: "an impossible date", at: "cities[2].siBases[0].effectiveTo", value: "2026-02-30" },
    { what: "overlapping entries", at: "cities[1].siBases[1].effectiveFrom", value: "2025-06-01" },
    { what: "a bad confidence tag", at: "cities[4].housingFund[0].base.cap.confidence", value: "D" },
    {
      what: "a misspelt field",
      at: "cities[0].siRates[0].employee.pensoin",
      value: { value: "0.08", source: "bj-rates", confidence: "A" },
      path: "cities[0].siRates[0].employee",
    },
    { what: "an unknown source id", at: "cities[3].siBases[0].pension.cap.source", value: "gz-2099" },
    { what: "a duplicate city id", at: "cities[4].id", value: "beijing" },
    { what: "a missing version", at: "version", value: undefined },
  ])("rejects $what ($at)", ({ at, value, path = at }) => {
    const r = parseSiHfData(broken(siHfJson, keys(at), value));
    expect(r.ok).toBe(false);
    expect(pathsOf(r)).toContain(path);
    if (!r.ok) expect(r.problems.find((p) => p.path === path)?.zh.startsWith(`${path}：`)).toBe(true);
  });

  it("rejects a minimum-wage entry without a start date and without a note", () => {
    const r = parseMinWageData(broken(minWageJson, keys("cities[0].entries[1].note")));
    expect(pathsOf(r)).toEqual(["cities[0].entries[1].note"]);
  });

  it("rejects a minimum wage that is not decimal text", () => {
    const r = parseMinWageData(broken(minWageJson, keys("cities[1].entries[0].monthly"), 2740));
    expect(pathsOf(r)).toEqual(["cities[1].entries[0].monthly"]);
  });
});
