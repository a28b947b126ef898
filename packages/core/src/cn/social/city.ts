/**
 * Finds a city in a data file by Chinese name (上海, 上海市), pinyin id (shanghai), administrative division code
 * (310000) or an alias, ignoring case, spaces and a trailing 市.
 * @example resolveCity([{ id: "shanghai", name: "上海" }], "上海市")?.id === "shanghai"
 */

/** The naming fields every city record carries. @example const c: CityNames = { id: "shanghai", name: "上海", adminCode: "310000" } */
export type CityNames = {
  id: string;
  name?: string | undefined;
  adminCode?: string | undefined;
  aliases?: string[] | undefined;
};

/** Normal form of a city query. @example normalizeCity(" ShangHai ") === "shanghai" */
export function normalizeCity(text: string): string {
  const t = text.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
  return t.length > 1 && t.endsWith("市") ? t.slice(0, -1) : t;
}

/** The city a query names, or undefined. @example resolveCity([{ id: "beijing", adminCode: "110000" }], "110000")?.id === "beijing" */
export function resolveCity<T extends CityNames>(cities: readonly T[], query: string): T | undefined {
  const q = normalizeCity(query);
  if (q === "") return undefined;
  return cities.find((c) =>
    [c.id, c.name, c.adminCode, ...(c.aliases ?? [])].some((n) => n !== undefined && normalizeCity(n) === q),
  );
}

/** Display name of a city: its Chinese name, else its id. @example cityLabel({ id: "x" }) === "x" */
export function cityLabel(c: CityNames): string {
  return c.name ?? c.id;
}

/** The list of known cities for a message: `北京（beijing）、上海（shanghai）`. @example knownCities([{ id: "beijing", name: "北京" }]) === "北京（beijing）" */
export function knownCities(cities: readonly CityNames[]): string {
  return cities.map((c) => (c.name ? `${c.name}（${c.id}）` : c.id)).join("、");
}
