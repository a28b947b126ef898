/**
 * Evaluation of an input column for one employee: blank cells take the fallback formula or the default, or are
 * an error when required; values are parsed by type and checked against range and allowed values.
 * @example inputNodeEval("出勤天数", { type: "number", required: true }, null, builder, ["inputs", "出勤天数"])
 */

import { CellError, type EvalCtx, type Val } from "../formula/types.js";
import { Dec } from "../money/decimal.js";
import type { Builder } from "./compile-policy.js";
import type { YamlPath } from "./load.js";
import type { InputDoc } from "./schema.js";
import type { RowEnv } from "./types.js";
import { parsePolicyScalar, parseScalar } from "./values.js";

/** Trims a cell only when it has surrounding whitespace (the common case allocates nothing). */
export function trimCell(s: string): string {
  const n = s.length;
  if (n === 0) return s;
  return s.charCodeAt(0) <= 32 || s.charCodeAt(n - 1) <= 32 || s.charCodeAt(0) === 0x3000 ? s.trim() : s;
}

/** Builds the evaluation closure of an input; null when the definition itself is bad (reported). */
export function inputNodeEval(
  name: string,
  def: InputDoc,
  fallback: ((c: never) => Val) | null,
  b: Builder,
  path: YamlPath,
): ((c: EvalCtx, env: RowEnv) => Val) | null {
  let dflt: Val | undefined;
  if (def.default !== undefined) {
    const r = parsePolicyScalar(def.default, def.type);
    if (!r.ok) {
      b.report([...path, "default"], `输入“${name}”的默认值：${r.zh}`, `default of "${name}": ${r.en}`);
      return null;
    }
    dflt = r.value;
  }
  const bound = (v: number | string | undefined, key: "min" | "max"): Dec | null => {
    if (v === undefined) return null;
    const r = parsePolicyScalar(v, def.type === "ratio" ? "ratio" : "number");
    if (!r.ok || !(r.value instanceof Dec)) {
      b.report([...path, key], `输入“${name}”的 ${key} 应为数字`, `${key} of "${name}" must be a number`);
      return null;
    }
    return r.value;
  };
  const min = bound(def.min, "min");
  const max = bound(def.max, "max");
  const allowed = def.values ? new Set(def.values.map(String)) : null;
  const required = def.required ?? (dflt === undefined && !fallback);
  if (!required && dflt === undefined && !fallback && def.type !== "text" && def.type !== "date") {
    // A blank number would otherwise have no value at all; the policy must say what blank means.
    b.report(
      [...path, "required"],
      `输入“${name}”可以不填，但没有默认值或推算公式：请写 default 或 fallback，或改为 required: true`,
      `input "${name}" may be blank but has no default or fallback; add one or make it required`,
    );
    return null;
  }
  const col = `“${name}”列`;
  const type = def.type;
  const plainNumber = type === "number" || type === "money" || type === "integer";
  const maxScale = type === "money" ? 2 : type === "integer" ? 0 : 99;
  return (c, env) => {
    const raw = env.values[name];
    const text = raw === undefined ? "" : trimCell(raw);
    if (text === "") {
      if (fallback) return fallback(c as never);
      if (dflt !== undefined) return dflt;
      if (required)
        throw new CellError("INPUT", undefined, `${col}缺少必填值`, `column "${name}" is required`);
      return dflt ?? null;
    }
    let v: Val;
    const quick = plainNumber ? Dec.tryParse(text) : null;
    if (quick !== null && quick.s <= maxScale) v = quick;
    else {
      const r = parseScalar(text, type);
      if (!r.ok) throw new CellError("INPUT", undefined, `${col}：${r.zh}`, `column "${name}": ${r.en}`);
      v = r.value;
    }
    if (allowed && !allowed.has(text)) {
      throw new CellError(
        "INPUT",
        undefined,
        `${col}：未知的值“${text}”，可选：${[...allowed].join("、")}`,
        `column "${name}": unknown value "${text}"; allowed: ${[...allowed].join(", ")}`,
      );
    }
    if (v instanceof Dec) {
      if (min && v.lt(min))
        throw new CellError(
          "INPUT",
          undefined,
          `${col}：${text} 小于最小值 ${min.toString()}`,
          `column "${name}": ${text} is below ${min.toString()}`,
        );
      if (max && v.gt(max))
        throw new CellError(
          "INPUT",
          undefined,
          `${col}：${text} 大于最大值 ${max.toString()}`,
          `column "${name}": ${text} is above ${max.toString()}`,
        );
    }
    return v;
  };
}
