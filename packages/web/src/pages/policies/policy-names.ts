/**
 * Names a formula may use, for the formula inputs' completion: the policy's own names (params, tables, inputs,
 * calcs, scorecards and their items, state, items), the employee fields, the period values, the engine's totals
 * and the formula functions.
 * @example namesOfPolicy(parsePolicyDoc(text)).includes("出勤天数")
 */
import { CONTEXT_NAMES, EMPLOYEE_FIELDS, FUNCTIONS } from "@xinsuan/core";
import type { Document } from "yaml";
import { mapKeys, seqLength, textAt } from "./yaml-edit";

const TOTALS = ["应发工资", "应税收入", "免税收入", "全年一次性奖金", "税前扣款", "扣款合计", "实发工资"];
const SECTIONS = ["params", "tables", "inputs", "calcs", "state"] as const;

/** A completion entry: the name and where it comes from (a dictionary key suffix). @example { name: "底薪", group: "items" } */
export type FormulaName = { name: string; group: string };

/** Every name usable in a formula of this document (unique, policy names first). @example namesOfPolicy(doc)[0] */
export function namesOfPolicy(doc: Document.Parsed | null): FormulaName[] {
  const out: FormulaName[] = [];
  const seen = new Set<string>();
  const add = (name: string, group: string) => {
    if (name && !seen.has(name)) {
      seen.add(name);
      out.push({ name, group });
    }
  };
  if (doc) {
    for (const s of SECTIONS) for (const k of mapKeys(doc, [s])) add(k, s);
    for (const card of mapKeys(doc, ["scorecards"])) {
      add(card, "scorecards");
      const n = seqLength(doc, ["scorecards", card, "items"]);
      for (let i = 0; i < n; i++) add(textAt(doc, ["scorecards", card, "items", i, "name"]), "scorecards");
    }
    const items = seqLength(doc, ["items"]);
    for (let i = 0; i < items; i++) add(textAt(doc, ["items", i, "name"]), "items");
  }
  for (const f of EMPLOYEE_FIELDS) add(f.name, "employee");
  for (const c of CONTEXT_NAMES) add(c.name, "period");
  for (const t of TOTALS) add(t, "totals");
  for (const f of FUNCTIONS.keys()) add(f, "functions");
  return out;
}
