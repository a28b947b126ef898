/**
 * `xinsuan templates [--json]`, `xinsuan template export <id> <dir>` and
 * `xinsuan template inputs <policy-or-template-id> --out inputs.xlsx` (the policy's xlsx import template).
 * @example xinsuan template export welfare-6tier ./my-policy
 */
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { basename, join } from "node:path";
import {
  buildInputTemplate,
  formatTerminalTable,
  templateColumns,
  writeFileAtomic,
} from "@xinsuan/server/io";
import { AppError } from "../app-error.js";
import { loadPolicy } from "../load-policy.js";
import { findTemplate, listTemplates } from "../templates.js";

/** Lists templates as a table or JSON. */
export function runTemplates(json: boolean, print: (s: string) => void): void {
  const ts = listTemplates();
  if (json) {
    print(
      JSON.stringify(
        ts.map((t) => ({ id: t.id, name: t.name, description: t.description, seedSection: t.seedSection })),
        null,
        2,
      ),
    );
    return;
  }
  const rows = ts.map((t) => [t.id, t.name, t.description.split("\n")[0] ?? ""]);
  print(formatTerminalTable(["模板", "名称", "说明"], rows));
}

/** Writes a template's policy.yaml, sample input and sample prior state into a folder. */
export function runTemplateExport(id: string, dir: string, print: (s: string) => void): void {
  const t = findTemplate(id);
  if (!t) {
    throw new AppError(
      "TEMPLATE_NOT_FOUND",
      `没有模板“${id}”，用 xinsuan templates 查看全部`,
      `no template "${id}"`,
    );
  }
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
  copyFileSync(join(t.dir, "policy.yaml"), join(dir, "policy.yaml"));
  const written = [join(dir, "policy.yaml")];
  if (t.sample) {
    copyFileSync(t.sample, join(dir, basename(t.sample)));
    written.push(join(dir, basename(t.sample)));
  }
  for (const f of t.states) {
    copyFileSync(f, join(dir, basename(f)));
    written.push(join(dir, basename(f)));
  }
  print(`已导出模板 ${id}：${written.join("、")}`);
}

/** Writes the xlsx import template of a policy file or template id. */
export async function runTemplateInputs(ref: string, out: string, print: (s: string) => void): Promise<void> {
  if (!out.toLowerCase().endsWith(".xlsx"))
    throw new AppError("USAGE", `--out 应是 .xlsx 文件：${out}`, `--out must be an .xlsx file: ${out}`);
  const { compiled } = loadPolicy(ref);
  const bytes = await buildInputTemplate(compiled);
  try {
    await writeFileAtomic(out, bytes);
  } catch (e) {
    throw new AppError(
      "OUTPUT_FAILED",
      `无法写入 ${out}：${e instanceof Error ? e.message : String(e)}`,
      `cannot write ${out}: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  const columns = templateColumns(compiled);
  print(`已写出导入模板 ${out}：${columns.length} 列（${columns.map((c) => c.name).join("、")}）`);
  print("每个表头带批注（说明、类型、单位、范围、默认值）；有可选值的列带下拉框");
}
