/**
 * Builds the xlsx import template of a policy: one header per built-in column (工号, 姓名) and per policy input in
 * the policy's order, a note on each header (description, type, unit, range, default, required), a drop-down for
 * every input with `values`, whole/decimal range checks and a number format per type. Needs no database.
 * @example const bytes = await buildInputTemplate(compiled); await writeFileAtomic("inputs.xlsx", bytes)
 */

import type { CompiledPolicy, InputType } from "@xinsuan/core";
import ExcelJS from "exceljs";

/** Columns every dataset file may carry besides the policy's inputs. @example TEMPLATE_BUILT_IN[0].name === "工号" */
export const TEMPLATE_BUILT_IN: readonly { name: string; note: string }[] = [
  { name: "工号", note: "员工工号（必填），须是已导入的员工；每人一行，不可重复" },
  { name: "姓名", note: "员工姓名，仅供核对，不导入" },
];

/** One column of the template. @example const c: TemplateColumn = { name: "出勤天数", note: "…", type: "number" } */
export type TemplateColumn = {
  name: string;
  note: string;
  type: InputType | "text";
  values?: string[];
  min?: number;
  max?: number;
};

/** How many data rows get the drop-downs and range checks. */
const VALIDATED_ROWS = 2000;

const TYPE_ZH: Record<InputType, string> = {
  money: "金额（元）",
  number: "数字",
  integer: "整数",
  ratio: "比例（如 80% 或 0.8）",
  text: "文本",
  date: "日期 YYYY-MM-DD",
  boolean: "是/否",
};

const NUM_FMT: Record<InputType, string> = {
  money: "#,##0.00",
  number: "0.######",
  integer: "0",
  ratio: "0.######",
  text: "@",
  date: "@",
  boolean: "@",
};

type InputDef = {
  type: InputType;
  description?: string | undefined;
  unit?: string | undefined;
  required?: boolean | undefined;
  default?: string | number | boolean | undefined;
  fallback?: string | undefined;
  min?: number | string | undefined;
  max?: number | string | undefined;
  values?: (string | number)[] | undefined;
};

function columnLetter(n: number): string {
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

function noteFor(name: string, def: InputDef): string {
  const lines = [def.description ?? name, `类型：${TYPE_ZH[def.type]}`];
  if (def.unit) lines.push(`单位：${def.unit}`);
  if (def.min !== undefined || def.max !== undefined)
    lines.push(`范围：${def.min ?? "不限"} – ${def.max ?? "不限"}`);
  if (def.values) lines.push(`可选：${def.values.join("、")}`);
  if (def.default !== undefined) lines.push(`默认：${String(def.default)}（不填时）`);
  if (def.fallback) lines.push(`不填时取：${def.fallback}`);
  if (def.required && !def.fallback) lines.push("必填");
  return lines.join("\n");
}

/**
 * The template's columns: built-in columns, then the policy's inputs in order (statutory inputs included).
 * @example templateColumns(compiled).map((c) => c.name) // ["工号", "姓名", "职级", "出勤天数", …]
 */
export function templateColumns(compiled: CompiledPolicy): TemplateColumn[] {
  const out: TemplateColumn[] = TEMPLATE_BUILT_IN.map((b) => ({ name: b.name, note: b.note, type: "text" }));
  const seen = new Set(out.map((c) => c.name));
  const docInputs = compiled.doc.inputs as Record<string, InputDef | undefined>;
  const names = [
    ...Object.keys(docInputs),
    ...compiled.nodes.filter((n) => n.kind === "input").map((n) => n.name),
  ];
  for (const name of names) {
    if (seen.has(name)) continue;
    seen.add(name);
    const def: InputDef = docInputs[name] ?? { type: "text" };
    const col: TemplateColumn = { name, note: noteFor(name, def), type: def.type };
    if (def.values) col.values = def.values.map(String);
    if (typeof def.min === "number") col.min = def.min;
    if (typeof def.max === "number") col.max = def.max;
    out.push(col);
  }
  return out;
}

/**
 * The xlsx bytes of the import template: sheet 导入模板 (headers with notes, formats, validations) and a hidden
 * sheet 选项 holding the drop-down lists.
 * @example const bytes = await buildInputTemplate(compiled)
 */
export async function buildInputTemplate(compiled: CompiledPolicy): Promise<Uint8Array> {
  const columns = templateColumns(compiled);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("导入模板", { views: [{ state: "frozen", ySplit: 1 }] });
  const lists = workbook.addWorksheet("选项", { state: "hidden" });
  const header = sheet.getRow(1);
  header.font = { bold: true };
  let listColumn = 0;
  const validations = (
    sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations;
  columns.forEach((c, i) => {
    const letter = columnLetter(i + 1);
    const cell = header.getCell(i + 1);
    cell.value = c.name;
    cell.note = c.note;
    const column = sheet.getColumn(i + 1);
    column.width = Math.min(40, Math.max(10, c.name.length * 2 + 4));
    column.numFmt = NUM_FMT[c.type];
    const range = `${letter}2:${letter}${VALIDATED_ROWS + 1}`;
    if (c.values && c.values.length > 0) {
      const l = columnLetter(++listColumn);
      lists.getCell(`${l}1`).value = c.name;
      c.values.forEach((v, k) => {
        lists.getCell(`${l}${k + 2}`).value = v;
      });
      validations.add(range, {
        type: "list",
        allowBlank: true,
        formulae: [`'选项'!$${l}$2:$${l}$${c.values.length + 1}`],
        showErrorMessage: true,
        errorTitle: "不在可选值中",
        error: `“${c.name}”只能填：${c.values.join("、")}`.slice(0, 255),
      });
    } else if (
      (c.type === "integer" || c.type === "number" || c.type === "money") &&
      (c.min !== undefined || c.max !== undefined)
    ) {
      const min = c.min ?? -1e15;
      const max = c.max ?? 1e15;
      validations.add(range, {
        type: c.type === "integer" ? "whole" : "decimal",
        operator: "between",
        allowBlank: true,
        formulae: [min, max],
        showErrorMessage: true,
        errorTitle: "超出范围",
        error: `“${c.name}”应在 ${c.min ?? "不限"} 到 ${c.max ?? "不限"} 之间`,
      });
    }
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
