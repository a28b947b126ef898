/**
 * `xinsuan policy`: the company's pay policies in the workspace. `policy add <file|template>` stores a checked
 * version from a date (a date inside a month splits that month); `policy list` shows policies, versions and
 * assignments; `policy assign <name>` gives a policy to teams or employees from a month's first day.
 * @example xinsuan policy add welfare-6tier --from 2026-11-16 && xinsuan policy assign 兼职方案 --employee P001 --from 2026-11-01
 */

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { AppError } from "../app-error.js";
import { needOption } from "../need-option.js";
import { findTemplate } from "../templates.js";

type Io = { out: (s: string) => void; err: (s: string) => void };
type Opts = { db?: string; company?: string };
type AddOpts = Opts & { from?: string; name?: string };
type AssignOpts = Opts & { from?: string; team?: string[]; employee?: string[] };

/** `xinsuan policy add <file|template> --from YYYY-MM-DD [--name 方案名]`. */
export async function runPolicyAdd(ref: string, o: AddOpts, print: (s: string) => void): Promise<void> {
  const from = needOption(o.from, "--from");
  const template = existsSync(ref) ? undefined : findTemplate(ref);
  if (!existsSync(ref) && !template)
    throw new AppError(
      "POLICY_NOT_FOUND",
      `找不到方案文件或模板“${ref}”（xinsuan templates 列出模板）`,
      `no policy file or template "${ref}"`,
    );
  const text = readFileSync(template ? join(template.dir, "policy.yaml") : ref, "utf8");
  const { addPolicyVersion } = await import("@xinsuan/server");
  const { contextFor, withStore } = await import("./workspace.js");
  await withStore(o, async (store) => {
    const ctx = await contextFor(store, o);
    const r = await addPolicyVersion(ctx, {
      yaml: text,
      file: template ? `templates/${template.id}/policy.yaml` : ref,
      effectiveFrom: from,
      ...(o.name ? { policyName: o.name } : {}),
      ...(template ? { templateId: template.id } : {}),
    });
    print(`已保存方案第 ${r.version.version} 版，自 ${r.version.effectiveFrom} 起生效`);
    if (from.slice(8) !== "01")
      print(
        `${from.slice(0, 7)} 将分段计算：${from} 之前按上一版，之后按新版（变化的项目按在职日历天数折算）`,
      );
    for (const w of r.warnings) print(w.zh);
  });
}

/** `xinsuan policy list`. */
export async function runPolicyList(o: Opts, print: (s: string) => void): Promise<void> {
  const { listPolicies } = await import("@xinsuan/server");
  const { contextFor, withStore } = await import("./workspace.js");
  await withStore(o, async (store) => {
    const policies = await listPolicies(await contextFor(store, o));
    if (policies.length === 0) {
      print("还没有薪酬方案：xinsuan policy add <方案文件或模板> --from YYYY-MM-DD");
      return;
    }
    for (const p of policies) {
      print(
        `「${p.name}」${p.isDefault ? "（默认：未分配到其他方案的员工都按它计薪）" : ""}${p.templateId ? ` 模板 ${p.templateId}` : ""}`,
      );
      for (const v of p.versions)
        print(
          `  第 ${v.version} 版  ${v.effectiveFrom} 至 ${v.effectiveTo ?? "今后"}  校验码 ${v.checksum.slice(0, 12)}`,
        );
      const given = p.assignments.map(
        (a) => `${a.team ? `团队 ${a.team}` : `员工 ${a.employeeNo}`}（${a.from} 起）`,
      );
      if (given.length > 0) print(`  分配：${given.join("，")}`);
    }
  });
}

/** `xinsuan policy assign <name> --from YYYY-MM-01 --team … --employee …`. */
export async function runPolicyAssign(
  name: string,
  o: AssignOpts,
  print: (s: string) => void,
): Promise<void> {
  const { assignPolicy } = await import("@xinsuan/server");
  const { contextFor, withStore } = await import("./workspace.js");
  await withStore(o, async (store) => {
    const r = await assignPolicy(await contextFor(store, o), {
      policyName: name,
      from: needOption(o.from, "--from"),
      teamNames: o.team ?? [],
      employeeNos: o.employee ?? [],
    });
    print(`已把「${name}」分配给 ${r.teams} 个团队、${r.employees} 名员工，自 ${o.from} 起生效`);
  });
}

const collect = (v: string, prev: string[] = []) => [...prev, ...v.split(/[,，]/).filter(Boolean)];

/**
 * Adds `policy add|list|assign` to the program.
 * @example registerPolicy(program, { out: console.log, err: console.error })
 */
export function registerPolicy(program: Command, io: Io): void {
  const db = ["--db <url>", "数据库地址，同 init"] as const;
  const company = ["--company <名称>", "数据库中有多家公司时指定"] as const;
  const policy = program
    .command("policy")
    .description("工作区中的薪酬方案：添加版本、查看、分配给团队或员工");
  policy
    .command("add <file>")
    .description("检查并保存一个方案版本（YAML 文件或模板 id）；生效日期在月中时该月分段计算")
    .option("--from <YYYY-MM-DD>", "生效日期")
    .option("--name <方案名>", "加到这个方案（没有则新建）；默认公司的第一个方案")
    .option(...db)
    .option(...company)
    .action((file: string, o: AddOpts) => runPolicyAdd(file, o, io.out));
  policy
    .command("list")
    .description("列出方案、版本和分配")
    .option(...db)
    .option(...company)
    .action((o: Opts) => runPolicyList(o, io.out));
  policy
    .command("assign <name>")
    .description("把方案分配给团队或员工（员工自己的分配优先于团队的），自某月 1 日起")
    .option("--from <YYYY-MM-01>", "生效日期（某月 1 日）")
    .option("--team <团队>", "团队名，可重复或用逗号分隔", collect)
    .option("--employee <工号>", "工号，可重复或用逗号分隔", collect)
    .option(...db)
    .option(...company)
    .action((name: string, o: AssignOpts) => runPolicyAssign(name, o, io.out));
}
