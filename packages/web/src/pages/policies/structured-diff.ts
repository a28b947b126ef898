/**
 * A summary of what changed between two policy texts, by name: params (value), tables (rows), inputs, calcs,
 * scorecards and items (kind and formula) added, removed or changed.
 * @example summarizePolicyChanges(oldText, newText).filter((c) => c.change === "changed")
 */
import { parse } from "yaml";

/** One named change. @example { section: "params", name: "培训日薪", change: "changed", before: "10", after: "12" } */
export type PolicyChange = {
  section: string;
  name: string;
  change: "added" | "removed" | "changed";
  before?: string;
  after?: string;
};

type Entries = Map<string, string>;

function text(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

function record(v: unknown): Record<string, unknown> {
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** The comparable text of each named thing in a section. */
function entriesOf(doc: Record<string, unknown>, section: string): Entries {
  const out: Entries = new Map();
  if (section === "items") {
    const items = Array.isArray(doc.items) ? doc.items : [];
    for (const it of items) {
      const r = record(it);
      out.set(text(r.name), `${text(r.kind)}: ${text(r.formula).trim()}`);
    }
    return out;
  }
  for (const [k, v] of Object.entries(record(doc[section]))) {
    const r = record(v);
    if (section === "params") out.set(k, text(typeof v === "object" && v !== null ? r.value : v));
    else if (section === "calcs") out.set(k, text(typeof v === "string" ? v : r.formula).trim());
    else if (section === "scorecards")
      out.set(
        k,
        (Array.isArray(r.items) ? r.items : [])
          .map((x) => `${text(record(x).name)}=${text(record(x).formula)}`)
          .join("; "),
      );
    else out.set(k, text(v));
  }
  return out;
}

/** The sections compared, in the order shown. @example POLICY_SECTIONS[0] === "params" */
export const POLICY_SECTIONS = ["params", "tables", "inputs", "calcs", "scorecards", "items"] as const;

function safeParse(t: string): Record<string, unknown> | null {
  try {
    return record(parse(t));
  } catch {
    return null;
  }
}

/** Named changes between two texts; null when either text is not valid YAML. @example summarizePolicyChanges("a: 1", "a: 1")?.length === 0 */
export function summarizePolicyChanges(before: string, after: string): PolicyChange[] | null {
  const a = safeParse(before);
  const b = safeParse(after);
  if (!a || !b) return null;
  const out: PolicyChange[] = [];
  for (const section of POLICY_SECTIONS) {
    const ea = entriesOf(a, section);
    const eb = entriesOf(b, section);
    for (const [name, v] of ea) {
      if (!eb.has(name)) out.push({ section, name, change: "removed", before: v });
      else if (eb.get(name) !== v)
        out.push({ section, name, change: "changed", before: v, after: eb.get(name) });
    }
    for (const [name, v] of eb) if (!ea.has(name)) out.push({ section, name, change: "added", after: v });
  }
  return out;
}
