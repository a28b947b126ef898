/**
 * Turns the policy's params and tables into compiler bindings, checking every value.
 * @example buildTable("阶系数", doc.tables["阶系数"], …) // a lookup binding with keys "1".."4"
 */

import type { ConstBinding, Display, TableBinding } from "../formula/scope.js";
import type { Val } from "../formula/types.js";
import { Dec } from "../money/decimal.js";
import type { YamlPath } from "./load.js";
import type { InputType, ParamDoc, TableDoc } from "./schema.js";
import { parsePolicyScalar, valueTypeOf } from "./values.js";

type Report = (path: YamlPath, zh: string, en: string) => void;

function inferType(v: string | number | boolean): InputType {
  if (typeof v === "boolean") return "boolean";
  if (typeof v === "number") return "number";
  if (/^-?\d+(\.\d+)?%$/.test(v.trim())) return "ratio";
  if (/^\d{4}-\d{2}-\d{2}$/.test(v.trim())) return "date";
  if (/^-?\d+(\.\d+)?$/.test(v.trim())) return "number";
  return "text";
}

function displayToInput(d: Display): InputType {
  return d === "number" ||
    d === "integer" ||
    d === "money" ||
    d === "ratio" ||
    d === "text" ||
    d === "date" ||
    d === "boolean"
    ? d
    : "number";
}

/** Builds a constant binding for a param; reports a bad value. */
export function buildParam(name: string, p: ParamDoc, report: Report): ConstBinding | null {
  const raw = typeof p === "object" ? p.value : p;
  const t: InputType = typeof p === "object" && p.type ? displayToInput(p.type) : inferType(raw);
  const r = parsePolicyScalar(raw, t);
  if (!r.ok) {
    report(["params", name], `参数“${name}”：${r.zh}`, `param "${name}": ${r.en}`);
    return null;
  }
  const display: Display = t === "number" && typeof p === "object" && p.type ? p.type : t;
  return { kind: "const", type: valueTypeOf(t), value: r.value, display, source: "param" };
}

function cellValue(v: unknown, display: Display, path: YamlPath, report: Report): Val | undefined {
  if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") {
    report(path, "表格的值应为数字、比例或文本", "table values must be numbers, ratios or text");
    return undefined;
  }
  const t = displayToInput(display);
  const r = parsePolicyScalar(
    v,
    t === "number" && typeof v === "string" && v.trim().endsWith("%") ? "ratio" : t,
  );
  if (!r.ok) {
    report(path, r.zh, r.en);
    return undefined;
  }
  return r.value;
}

function keyOf(k: string, type: "text" | "number", path: YamlPath, report: Report): string | undefined {
  if (type === "text") return k;
  const d = Dec.tryParse(k.trim());
  if (!d) {
    report(path, `键“${k}”不是数字`, `key "${k}" is not a number`);
    return undefined;
  }
  return d.toString();
}

/** Builds a lookup or tier table binding; reports every bad row. */
export function buildTable(name: string, t: TableDoc, report: Report): TableBinding | null {
  let ok = true;
  const rep: Report = (path, zh, en) => {
    ok = false;
    report(path, `表“${name}”：${zh}`, `table "${name}": ${en}`);
  };
  const base = ["tables", name];
  const valueType = valueTypeOf(displayToInput(t.value));
  const binding: TableBinding = {
    kind: "table",
    name,
    tableKind: t.kind,
    keyTypes: [],
    valueType,
    valueDisplay: t.value,
    lookup: new Map(),
    tiers: [],
    columns: t.columns ?? ["值"],
  };
  if (t.kind === "lookup") {
    const keys = t.keys ?? [{ type: "text" as const }];
    binding.keyTypes = keys.map((k) => k.type);
    if (Array.isArray(t.rows)) {
      rep([...base, "rows"], "查找表的 rows 应写成 键: 值", "lookup rows must be a mapping key: value");
      return null;
    }
    for (const [k1, v1] of Object.entries(t.rows)) {
      const key1 = keyOf(k1, keys[0]!.type, [...base, "rows", k1], rep);
      if (key1 === undefined) continue;
      if (keys.length === 1) {
        const v = cellValue(v1, t.value, [...base, "rows", k1], rep);
        if (v !== undefined) binding.lookup.set(key1, v);
        continue;
      }
      if (typeof v1 !== "object" || v1 === null || Array.isArray(v1)) {
        rep([...base, "rows", k1], "二维表每行应是 列键: 值", "2-D table rows must be mappings");
        continue;
      }
      for (const [k2, v2] of Object.entries(v1 as Record<string, unknown>)) {
        const key2 = keyOf(k2, keys[1]!.type, [...base, "rows", k1, k2], rep);
        const v = cellValue(v2, t.value, [...base, "rows", k1, k2], rep);
        if (key2 !== undefined && v !== undefined) binding.lookup.set(`${key1}\u0001${key2}`, v);
      }
    }
    if (binding.lookup.size === 0 && ok) rep([...base, "rows"], "表是空的", "table is empty");
    return ok ? binding : null;
  }
  if (!Array.isArray(t.rows)) {
    rep(
      [...base, "rows"],
      "分档表的 rows 应写成列表：- [起点, 值]",
      "tier rows must be a list of [threshold, value]",
    );
    return null;
  }
  const cols = binding.columns;
  t.rows.forEach((row, i) => {
    const path = [...base, "rows", i];
    if (row.length !== cols.length + 1) {
      rep(
        path,
        `第${i + 1}档应有 ${cols.length + 1} 个值（起点和 ${cols.join("、")}）`,
        `tier ${i + 1} needs ${cols.length + 1} values`,
      );
      return;
    }
    const th = cellValue(row[0], "number", path, rep);
    if (!(th instanceof Dec)) return;
    const values = new Map<string, Val>();
    cols.forEach((c, j) => {
      const v = cellValue(row[j + 1], t.value, path, rep);
      if (v !== undefined) values.set(c, v);
    });
    const prev = binding.tiers[binding.tiers.length - 1];
    if (prev && !prev.threshold.lt(th)) {
      rep(path, "分档起点必须从小到大排列", "tier thresholds must increase");
      return;
    }
    binding.tiers.push({ threshold: th, values });
  });
  if (binding.tiers.length === 0 && ok) rep([...base, "rows"], "表是空的", "table is empty");
  return ok ? binding : null;
}
