/**
 * Approved claims (申报 with evidence) as run inputs: each employee's approved quantities are added, per policy
 * input, to the value imported for that input (blank counts as 0), and the explanation names every claim with its
 * evidence and approver. A claim for a name that is not a number input of the policy refuses the run.
 * @example applyClaims(compiled, employees, await store.claims.listApproved(tenantId, "2026-10"))
 */

import { type CompiledPolicy, Dec, type EmployeeInput } from "@xinsuan/core";
import type { Claim } from "@xinsuan/store";
import { AppError } from "../app-error.js";

const NUMERIC = new Set(["number", "integer", "money", "ratio"]);

/**
 * Adds the approved claims to the employees' inputs (in place) and notes their provenance.
 * @example applyClaims(compiled, employees, claims) // 电话成交单数_已审批 "2" + 1 claim → "3"
 */
export function applyClaims(
  compiled: CompiledPolicy,
  employees: EmployeeInput[],
  claims: readonly Claim[],
): void {
  if (claims.length === 0) return;
  const bad = claims.filter((c) => {
    const node = compiled.byName.get(c.inputName);
    return node?.kind !== "input" || !NUMERIC.has(node.type);
  });
  if (bad.length > 0) {
    throw new AppError(
      "INPUT_INVALID",
      `${bad.length} 条已批准的申报对应的项目不是本期方案的数值输入，未计算`,
      `${bad.length} approved claim(s) count towards a name that is not a number input of the period's policy; nothing was calculated`,
      bad.map((c) => ({
        zh: `申报 ${c.id}（${c.employeeNo} ${c.employeeName}）：方案没有数值输入“${c.inputName}”`,
        en: `claim ${c.id} (${c.employeeNo}): the policy has no number input "${c.inputName}"`,
      })),
    );
  }
  const byNo = new Map(employees.map((e) => [String(e.values.工号 ?? ""), e]));
  const grouped = new Map<string, Claim[]>();
  for (const c of claims) {
    const key = `${c.employeeNo}\u0000${c.inputName}`;
    grouped.set(key, [...(grouped.get(key) ?? []), c]);
  }
  for (const list of grouped.values()) {
    const { employeeNo, inputName } = list[0]!;
    const e = byNo.get(employeeNo);
    if (!e) continue; // not employed in the period: the run has no payslip to add it to
    const imported = (e.values[inputName] ?? "").trim();
    const total = list.reduce(
      (s, c) => s.add(Dec.parse(c.quantity)),
      Dec.parse(imported === "" ? "0" : imported),
    );
    e.values = { ...e.values, [inputName]: total.toString() };
    const parts = list.map(
      (c) =>
        `${c.quantity}（申报 ${c.id.slice(0, 8)}，依据 ${c.evidence}，${c.decidedBy ?? "?"} ${(c.decidedAt ?? "").slice(0, 10)} 批准${c.comment ? `：${c.comment}` : ""}）`,
    );
    const base = imported === "" ? "" : `导入值 ${imported} + `;
    e.notes = { ...e.notes, [inputName]: `${base}已批准的申报 ${parts.join(" + ")}` };
  }
}
