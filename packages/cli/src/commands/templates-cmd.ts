/**
 * `xinsuan templates [--json]` and `xinsuan template export <id> <dir>`.
 * @example xinsuan template export welfare-6tier ./my-policy
 */
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { basename, join } from "node:path";
import { formatTerminalTable } from "@xinsuan/server/io";
import { AppError } from "../app-error.js";
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
