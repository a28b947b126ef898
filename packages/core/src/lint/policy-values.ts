/**
 * Values written in a policy, read for the labour-law rules: params (with their kind: money, ratio, number),
 * single-key table rows, and every text field (descriptions, explains) with its path.
 * @example paramInfo("试用期工资比例", { value: "80%", type: "ratio" }).value?.toString() === "0.8"
 */
import { Dec } from "../money/decimal.js";
import type { YamlPath } from "../policy/load.js";
import type { PolicyDoc } from "../policy/schema.js";
import { parsePolicyScalar } from "../policy/values.js";
import type { PolicyView } from "./policy-view.js";

/** How a param's value reads: money, a ratio (80% or declared ratio), another number, or not a number. @example v.params.get("试用期工资比例")?.kind === "ratio" */
export type ValueKind = "money" | "ratio" | "number" | "other";

/** A param's value with its kind, the path of the value and its text. @example v.params.get("培训日薪")?.value?.toString() === "10" */
export type ParamInfo = {
  name: string;
  value: Dec | null;
  kind: ValueKind;
  path: YamlPath;
  description: string;
  /** The value as written (its length underlines it). */
  raw: string;
};

/** Reads a param's value and kind. @example paramInfo("培训日薪", { value: 10, type: "money" }).kind === "money" */
export function paramInfo(name: string, p: PolicyDoc["params"][string]): ParamInfo {
  const obj = typeof p === "object" ? p : null;
  const raw = typeof p === "object" ? p.value : p;
  const path = obj ? ["params", name, "value"] : ["params", name];
  const description = obj?.description ?? "";
  const declared = obj?.type;
  const percent = typeof raw === "string" && raw.trim().endsWith("%");
  const kind: ValueKind =
    declared === "money" || declared === "ratio"
      ? declared
      : percent
        ? "ratio"
        : typeof raw === "boolean" || declared === "text" || declared === "date" || declared === "boolean"
          ? "other"
          : "number";
  if (kind === "other") return { name, value: null, kind, path, description, raw: String(raw) };
  const r = parsePolicyScalar(raw, kind === "ratio" ? "ratio" : "number");
  const value = r.ok && r.value instanceof Dec ? r.value : null;
  return { name, value, kind: value ? kind : "other", path, description, raw: String(raw) };
}

/** Single-key rows of a lookup table as [key, value] with the value parsed as a decimal (other rows skipped). @example tableRows(v, "阶系数") // [["1", 1], ["4", 0.55]] */
export function tableRows(v: PolicyView, table: string): [string, Dec][] {
  const t = v.doc.tables[table];
  if (!t || Array.isArray(t.rows) || (t.keys?.length ?? 1) !== 1) return [];
  const out: [string, Dec][] = [];
  for (const [k, raw] of Object.entries(t.rows)) {
    if (typeof raw !== "number" && typeof raw !== "string") continue;
    const percent = typeof raw === "string" && raw.trim().endsWith("%");
    const r = parsePolicyScalar(raw, percent || t.value === "ratio" ? "ratio" : "number");
    if (r.ok && r.value instanceof Dec) out.push([k, r.value]);
  }
  return out;
}

/**
 * Numeric cells of a two-key table (`rows: { 行: { 列: 值 } }`) as [行, 列, value].
 * @example tableCells2(v, "基本工资标准")[0] // ["运营", "初级", Dec(4500)]
 */
export function tableCells2(v: PolicyView, table: string): [string, string, Dec][] {
  const t = v.doc.tables[table];
  if (!t || Array.isArray(t.rows) || t.keys?.length !== 2) return [];
  const out: [string, string, Dec][] = [];
  for (const [k1, row] of Object.entries(t.rows)) {
    if (typeof row !== "object" || row === null || Array.isArray(row)) continue;
    for (const [k2, raw] of Object.entries(row as Record<string, unknown>)) {
      if (typeof raw !== "number" && typeof raw !== "string") continue;
      const r = parsePolicyScalar(raw, t.value === "ratio" ? "ratio" : "number");
      if (r.ok && r.value instanceof Dec) out.push([k1, k2, r.value]);
    }
  }
  return out;
}

/** Every text field (descriptions, explains, text param values) with its path, for keyword rules. @example textFields(v)[0]!.path // ["description"] */
export function textFields(v: PolicyView): { path: YamlPath; text: string }[] {
  const d = v.doc;
  const out: { path: YamlPath; text: string }[] = [{ path: ["description"], text: d.description }];
  const add = (path: YamlPath, text: string | undefined) => {
    if (text) out.push({ path, text });
  };
  for (const [n, p] of Object.entries(d.params)) {
    if (typeof p === "string") add(["params", n], p);
    else if (typeof p === "object") {
      if (typeof p.value === "string") add(["params", n, "value"], p.value);
      add(["params", n, "description"], p.description);
    }
  }
  for (const [n, t] of Object.entries(d.tables)) add(["tables", n, "description"], t.description);
  for (const [n, i] of Object.entries(d.inputs)) add(["inputs", n, "description"], i.description);
  for (const [n, c] of Object.entries(d.calcs))
    if (typeof c === "object") add(["calcs", n, "description"], c.description);
  for (const [n, s] of Object.entries(d.scorecards)) add(["scorecards", n, "description"], s.description);
  for (const [n, s] of Object.entries(d.state)) add(["state", n, "description"], s.description);
  d.items.forEach((it, i) => {
    add(["items", i, "explain"], it.explain);
  });
  return out;
}
