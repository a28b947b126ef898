/**
 * Pure helpers of the register view: filtering rows, inserting per-team subtotal rows, and grouping warnings by
 * check. No money arithmetic happens here: subtotals and totals come from the API.
 * @example const shown = buildRegisterRows(register, { team: null, search: "", flaggedOnly: false });
 */
import type { Register, RegisterRow } from "../../api/types-payroll";

/** A table row: an employee or a team subtotal. @example r.type === "subtotal" */
export type DisplayRow =
  | ({ type: "employee"; key: string } & RegisterRow)
  | { type: "subtotal"; key: string; team: string | null; headcount: number; values: Record<string, string> };

/** The register filters. @example { team: "一组", search: "A00", flaggedOnly: true } */
export type RegisterFilter = { team: string | null; search: string; flaggedOnly: boolean };

/** Whether an employee row passes the filter. @example matchesFilter(row, { team: null, search: "张", flaggedOnly: false }) */
export function matchesFilter(r: RegisterRow, f: RegisterFilter): boolean {
  if (f.team !== null && (r.team ?? "") !== f.team) return false;
  if (f.flaggedOnly && r.warnings.length === 0 && !r.error) return false;
  const q = f.search.trim().toLowerCase();
  if (q && !r.employeeNo.toLowerCase().includes(q) && !r.name.toLowerCase().includes(q)) return false;
  return true;
}

/**
 * The rows to show: filtered employees, each team followed by its subtotal row from the API (subtotals only when
 * no search or flag filter narrows the team, since the API's subtotal covers the whole team).
 * @example buildRegisterRows(reg, { team: null, search: "", flaggedOnly: false }).length
 */
export function buildRegisterRows(reg: Register, f: RegisterFilter): DisplayRow[] {
  const withSubtotals = f.search.trim() === "" && !f.flaggedOnly;
  const subtotalOf = new Map(reg.subtotals.map((s) => [s.team ?? "", s]));
  const out: DisplayRow[] = [];
  let current: string | undefined;
  const flush = () => {
    if (!withSubtotals || current === undefined) return;
    const s = subtotalOf.get(current);
    if (s) out.push({ type: "subtotal", key: `subtotal:${current}`, ...s });
  };
  for (const r of reg.rows) {
    if (!matchesFilter(r, f)) continue;
    const team = r.team ?? "";
    if (team !== current) {
      flush();
      current = team;
    }
    out.push({ type: "employee", key: `e:${r.employeeNo}`, ...r });
  }
  flush();
  return out;
}

/** The teams of the register in first-seen order. @example teamsOf(reg) // ["一组", "二组"] */
export function teamsOf(reg: Register): string[] {
  return [...new Set(reg.rows.map((r) => r.team ?? ""))];
}

/** The check a warning line names: the text before the first colon, or the whole line. @example checkOf("低于最低工资：实发 1800.00") === "低于最低工资" */
export function checkOf(warning: string): string {
  const m = /^([^：:]{1,40})[：:]/.exec(warning);
  return (m?.[1] ?? warning).trim();
}

/** A check and the employees it flagged. @example { check: "实发工资为负", rows: [...] } */
export type CheckGroup = { check: string; rows: { row: RegisterRow; text: string }[] };

/** Groups every warning of the register by check, most frequent first. @example groupWarnings(reg)[0]?.check */
export function groupWarnings(rows: RegisterRow[]): CheckGroup[] {
  const groups = new Map<string, CheckGroup>();
  for (const row of rows) {
    for (const text of row.warnings) {
      const check = checkOf(text);
      let g = groups.get(check);
      if (!g) {
        g = { check, rows: [] };
        groups.set(check, g);
      }
      g.rows.push({ row, text });
    }
  }
  return [...groups.values()].sort((a, b) => b.rows.length - a.rows.length || a.check.localeCompare(b.check));
}

/** Whether a column holds amounts (right-aligned, thousands separators). @example isAmountKind("earning") === true */
export function isAmountKind(kind: string): boolean {
  return !["text", "info", "string", "label"].includes(kind);
}
