/**
 * Adjustments (补发 / 补扣) paid in a run: the period's policy gets one input and one line per kind that occurs
 * (补发（调整）, 补扣（调整）, and their 不计税 variants), so an adjustment is its own payslip line, counts in 应发工资
 * or 扣款合计 and — unless marked non-taxable — in this month's cumulative tax base; the tax ledger then carries it
 * into every later month. The explanation of each line lists the adjustments with their period, reason and author.
 * @example const { yaml } = adjustmentPolicy(version.yaml, adjustments); applyAdjustments(employees, adjustments)
 */

import { Dec, type EmployeeInput } from "@xinsuan/core";
import type { Adjustment } from "@xinsuan/store";
import { parseDocument } from "yaml";

type Line = { input: string; item: string; kind: "earning" | "deduction"; taxable: boolean };

const LINES: Line[] = [
  { input: "调整补发金额", item: "补发（调整）", kind: "earning", taxable: true },
  { input: "调整补发不计税金额", item: "补发（调整，不计税）", kind: "earning", taxable: false },
  { input: "调整补扣金额", item: "补扣（调整）", kind: "deduction", taxable: true },
  { input: "调整补扣不计税金额", item: "补扣（调整，不计税）", kind: "deduction", taxable: false },
];

function lineOf(a: Adjustment): Line {
  return LINES.find(
    (l) => l.kind === (a.kind === "补发" ? "earning" : "deduction") && l.taxable === a.taxable,
  )!;
}

/**
 * The policy text with the adjustment inputs and lines the adjustments need (unchanged when there are none).
 * @example adjustmentPolicy(yaml, [{ kind: "补发", taxable: true, … }]).includes("补发（调整）")
 */
export function adjustmentPolicy(yaml: string, adjustments: readonly Adjustment[]): string {
  if (adjustments.length === 0) return yaml;
  const used = LINES.filter((l) => adjustments.some((a) => lineOf(a) === l));
  const doc = parseDocument(yaml);
  for (const l of used) {
    doc.setIn(["inputs", l.input], {
      type: "money",
      default: 0,
      min: 0,
      description: `${l.item}：以前期间的更正，在本期发放或扣回`,
    });
    doc.addIn(["items"], {
      name: l.item,
      kind: l.kind,
      formula: l.input,
      taxable: l.taxable,
      explain: `对已审批期间的更正（${l.kind === "earning" ? "补发" : "补扣"}${l.taxable ? "" : "，不计税"}），理由见依据`,
    });
  }
  return doc.toString({ lineWidth: 0 });
}

/**
 * Puts each employee's adjustments into the adjustment inputs (in place), with a note naming each one.
 * @example applyAdjustments(employees, adjustments) // 调整补发金额 "300.00", note "2026-08 补发 300.00：…"
 */
export function applyAdjustments(employees: EmployeeInput[], adjustments: readonly Adjustment[]): void {
  const byNo = new Map(employees.map((e) => [String(e.values.工号 ?? ""), e]));
  const grouped = new Map<string, Adjustment[]>();
  for (const a of adjustments) {
    const key = `${a.employeeNo}\u0000${lineOf(a).input}`;
    grouped.set(key, [...(grouped.get(key) ?? []), a]);
  }
  for (const list of grouped.values()) {
    const e = byNo.get(list[0]!.employeeNo);
    if (!e) continue;
    const input = lineOf(list[0]!).input;
    const total = list.reduce((s, a) => s.add(Dec.parse(a.amount)), Dec.ZERO);
    e.values = { ...e.values, [input]: total.toFixed(2) };
    e.notes = {
      ...e.notes,
      [input]: list
        .map(
          (a) =>
            `${a.forPeriod} ${a.kind} ${a.amount}：${a.reason}（${a.createdBy} ${a.createdAt.slice(0, 10)} 录入，编号 ${a.id.slice(0, 8)}）`,
        )
        .join("；"),
    };
  }
}

/**
 * Adjustments for employees the period does not pay (not employed in it) — a run refuses rather than drop them.
 * @example unpaidAdjustments(employees, adjustments).length === 0
 */
export function unpaidAdjustments(
  employees: readonly EmployeeInput[],
  adjustments: readonly Adjustment[],
): Adjustment[] {
  const nos = new Set(employees.map((e) => String(e.values.工号 ?? "")));
  return adjustments.filter((a) => !nos.has(a.employeeNo));
}
