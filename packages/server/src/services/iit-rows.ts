/**
 * The rows of the income-tax withholding declaration (扣缴申报) from an approved run: which sheet each employee
 * belongs to and every amount, all exact decimals from the stored payslip lines, except the cumulative special
 * additional deductions and 其他扣除 that the run recomputed (see run-values.ts).
 *
 * 本期收入 (正常工资薪金所得) is the month's wage income including tax-free income, because the client computes
 * 收入 − 免税收入 itself: per the statutory parts, 累计收入 = 个税累计收入 + 本月计税收入 + 免税收入, where
 * 本月计税收入 = 应税收入 − 税前扣款 (taxable deductions such as 缺勤扣款 reduce taxable income); so
 * 本期收入 = 应税收入 − 税前扣款 + 免税收入, and 本期免税收入 = 免税收入 (earnings with `taxable: false`).
 * The annual one-off bonus (items with `tax: 全年一次性奖金`) is in neither: it goes to its own sheet.
 * @example const rows = buildIitRows(inputs)
 */

import { type CompiledPolicy, Dec } from "@xinsuan/core";
import type { PayslipRecord } from "@xinsuan/store";
import { DEDUCTION_COLUMN } from "../io/iit-columns.js";
import { decOf, type EmployeeValues, lineOf } from "./run-values.js";

/** An employee as the declaration needs them (idNumber in clear). @example const p: IitPerson = { employeeNo: "E001", name: "张三", idNumber: null } */
export type IitPerson = { employeeNo: string; name: string; idNumber: string | null };

/** One 正常工资薪金所得 row's amounts, by template column. @example const w: WageRow = { person, amounts: { 本期收入: Dec.ZERO }, note: "" } */
export type WageRow = { person: IitPerson; amounts: Record<string, Dec | null>; note: string };

/** A bonus or labour row: the income, the tax-free part. @example const b: IncomeRow = { person, income: Dec.ZERO, taxFree: Dec.ZERO } */
export type IncomeRow = { person: IitPerson; income: Dec; taxFree: Dec };

/** What goes into the file. @example const r: IitRows = buildIitRows(i) */
export type IitRows = {
  wage: WageRow[];
  bonus: IncomeRow[];
  labor: IncomeRow[];
  /** 工号 of employees with no amount to declare (nothing paid, no SI) and of policies that do not withhold. */
  skipped: string[];
  /** Employees whose cumulative 专项附加扣除 could not be split by kind (total written in 备注). */
  unsplit: number;
};

/** Input of buildIitRows. @example const i: IitInput = { slips, values, people, declared } */
export type IitInput = {
  slips: readonly PayslipRecord[];
  values: ReadonlyMap<string, EmployeeValues>;
  people: ReadonlyMap<string, IitPerson>;
  /** Cumulative declared 专项附加扣除 of the tax year to the period, by 工号 then kind. */
  declared: ReadonlyMap<string, ReadonlyMap<string, Dec>>;
};

const SI_COLUMNS: [string, string][] = [
  ["基本养老保险费", "个人养老保险"],
  ["基本医疗保险费", "个人医疗保险"],
  ["失业保险费", "个人失业保险"],
  ["住房公积金", "个人住房公积金"],
];

/**
 * The income parts of a payslip from the stored lines and the policy's item flags.
 * @example incomeParts(slip, compiled).taxFree.toFixed(2)
 */
export function incomeParts(
  slip: PayslipRecord,
  compiled: CompiledPolicy,
): { taxable: Dec; preTaxDeductions: Dec; taxFree: Dec; bonus: Dec } {
  let preTaxDeductions = Dec.ZERO;
  let taxFree = Dec.ZERO;
  let bonus = Dec.ZERO;
  for (const item of compiled.items) {
    if (slip.lines[item.name] === undefined) continue;
    const v = lineOf(slip, item.name, compiled);
    if (item.kind === "deduction" && item.taxable) preTaxDeductions = preTaxDeductions.add(v);
    if (item.kind === "earning" && item.annualBonus) bonus = bonus.add(v);
    else if (item.kind === "earning" && !item.taxable) taxFree = taxFree.add(v);
  }
  return { taxable: lineOf(slip, "应税收入", compiled), preTaxDeductions, taxFree, bonus };
}

/**
 * The deduction columns: by kind when the declarations add up to the run's 累计专项附加扣除 (and none is
 * 大病医疗, which has no monthly column); otherwise the columns stay empty and 备注 gives the total.
 * @example splitDeductions(Dec.parse("2000"), new Map([["子女教育", Dec.parse("2000")]])).amounts.累计子女教育
 */
export function splitDeductions(
  total: Dec,
  declared: ReadonlyMap<string, Dec> | undefined,
): { amounts: Record<string, Dec | null>; note: string } {
  const amounts: Record<string, Dec | null> = {};
  for (const col of Object.values(DEDUCTION_COLUMN)) amounts[col] = Dec.ZERO;
  const kinds = [...(declared ?? new Map<string, Dec>())].filter(([, v]) => !v.isZero());
  const sum = kinds.reduce((s, [, v]) => s.add(v), Dec.ZERO);
  if (sum.eq(total) && kinds.every(([k]) => DEDUCTION_COLUMN[k] !== undefined)) {
    for (const [k, v] of kinds) amounts[DEDUCTION_COLUMN[k]!] = v;
    return { amounts, note: "" };
  }
  for (const col of Object.values(DEDUCTION_COLUMN)) amounts[col] = null;
  return {
    amounts,
    note: `累计专项附加扣除 ${total.toFixed(2)} 元未能按项目拆分（系统内申报合计 ${sum.toFixed(2)} 元），请在扣缴端按项目核对填写`,
  };
}

/**
 * Sorts every payslip of the run into the declaration's sheets.
 * @example const { wage, bonus, labor } = buildIitRows({ slips, values, people, declared })
 */
export function buildIitRows(i: IitInput): IitRows {
  const out: IitRows = { wage: [], bonus: [], labor: [], skipped: [], unsplit: 0 };
  for (const slip of i.slips) {
    const no = slip.employeeNo;
    const v = i.values.get(no);
    const person = i.people.get(no) ?? { employeeNo: no, name: "", idNumber: null };
    const method = v?.compiled.doc.statutory?.tax;
    if (!v || method === undefined || method === "不计税") {
      out.skipped.push(no);
      continue;
    }
    const p = incomeParts(slip, v.compiled);
    const wageIncome = p.taxable.sub(p.preTaxDeductions);
    if (method === "劳务报酬") {
      const income = wageIncome.max(Dec.ZERO);
      if (income.isZero() && p.taxFree.isZero()) out.skipped.push(no);
      else out.labor.push({ person, income: income.add(p.taxFree), taxFree: p.taxFree });
      continue;
    }
    if (!p.bonus.isZero()) out.bonus.push({ person, income: p.bonus, taxFree: Dec.ZERO });
    const amounts: Record<string, Dec | null> = {
      本期收入: wageIncome.add(p.taxFree),
      本期免税收入: p.taxFree,
    };
    for (const [col, line] of SI_COLUMNS) amounts[col] = lineOf(slip, line, v.compiled);
    const ded = splitDeductions(decOf(v.values.累计专项附加扣除), i.declared.get(no));
    Object.assign(amounts, ded.amounts);
    amounts.其他 = decOf(v.values.其他扣除);
    if (ded.note) out.unsplit++;
    const any = Object.values(amounts).some((a) => a !== null && !a.isZero());
    if (!any) {
      if (p.bonus.isZero()) out.skipped.push(no);
      continue;
    }
    out.wage.push({ person, amounts, note: ded.note });
  }
  return out;
}
