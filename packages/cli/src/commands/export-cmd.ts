/**
 * `xinsuan export register|payslips --period YYYY-MM --out <file.xlsx|file.csv> [--draft]`: the payroll register
 * (工资表, with team subtotals, a 提醒 and a 调整 sheet in xlsx) and the 工资条 strips, thin over the server's
 * export services. Only an approved run is exported; `--draft` exports the register of a calculated run marked 草稿.
 * @example xinsuan export register --period 2026-08 --out 工资表-2026-08.xlsx
 */

import { AppError } from "@xinsuan/server/io";
import type { Command } from "commander";
import { registerExportBank } from "./export-bank-cmd.js";
import type { WorkspaceOptions } from "./workspace.js";

/** The services and the workspace helpers load the database drivers: imported only when a command runs. */
const load = async () => ({ ...(await import("@xinsuan/server")), ...(await import("./workspace.js")) });

type Print = (s: string) => void;
type Io = { out: Print; err: Print };
type Opts = WorkspaceOptions & { period?: string; out?: string; draft?: boolean };

function required(o: Opts): { period: string; out: string } {
  if (!o.period) throw new AppError("USAGE", "缺少参数 --period", "missing --period");
  if (!o.out)
    throw new AppError("USAGE", "缺少参数 --out（.xlsx 或 .csv 文件）", "missing --out (.xlsx or .csv)");
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(o.period))
    throw new AppError(
      "USAGE",
      `--period “${o.period}”格式不对，应为 YYYY-MM，如 2026-10`,
      "--period must be YYYY-MM",
    );
  return { period: o.period, out: o.out };
}

/**
 * `xinsuan export register`: writes the register and prints the totals.
 * @example await runExportRegister({ period: "2026-08", out: "r.xlsx" }, console.log)
 */
export async function runExportRegister(o: Opts, print: Print): Promise<void> {
  const { period, out } = required(o);
  const { contextFor, exportRegister, withStore } = await load();
  await withStore(o, async (store) => {
    const ctx = await contextFor(store, o);
    const r = await exportRegister(ctx, { period, out, ...(o.draft ? { draft: true } : {}) });
    print(
      `已导出${r.draft ? "草稿" : ""}工资表 ${out}：${r.employees} 人、${r.teams} 个团队，应发合计 ${r.totals.gross}，扣款合计 ${r.totals.deductions}，实发合计 ${r.totals.net}`,
    );
    if (r.draft) print("注意：该算薪尚未审批，文件标为“草稿”，仅供复核，不能据此发放");
    if (r.warnings > 0) print(`另有 ${r.warnings} 条提醒，见“提醒”工作表`);
  });
}

/**
 * `xinsuan export payslips`: writes the 工资条 strips of an approved run.
 * @example await runExportPayslips({ period: "2026-08", out: "工资条.xlsx" }, console.log)
 */
export async function runExportPayslips(o: Opts, print: Print): Promise<void> {
  const { period, out } = required(o);
  if (o.draft)
    throw new AppError(
      "USAGE",
      "工资条只能从已审批的算薪导出，没有草稿（--draft 只用于工资表）",
      "payslips come only from an approved run; --draft applies to the register only",
    );
  const { contextFor, exportPayslips, withStore } = await load();
  await withStore(o, async (store) => {
    const ctx = await contextFor(store, o);
    const r = await exportPayslips(ctx, { period, out });
    print(`已导出工资条 ${out}：${r.strips} 人，每人一行表头、一行数据，之间空一行，可直接打印裁剪`);
  });
}

/**
 * `xinsuan export payslips-pdf`: one PDF 工资条 per employee into a .zip or a folder; `--password id6` encrypts each
 * with the last 6 characters of the employee's 身份证号 (weak protection: short and known to whoever has the ID).
 * @example await runExportPayslipsPdf({ period: "2026-08", out: "工资条.zip", password: "id6" }, console.log)
 */
export async function runExportPayslipsPdf(o: Opts & { password?: string }, print: Print): Promise<void> {
  if (!o.period) throw new AppError("USAGE", "缺少参数 --period", "missing --period");
  if (!o.out)
    throw new AppError("USAGE", "缺少参数 --out（.zip 文件或文件夹）", "missing --out (.zip file or folder)");
  if (o.password !== undefined && o.password !== "id6")
    throw new AppError("USAGE", "--password 只支持 id6（身份证号后 6 位）", "--password supports only id6");
  const { period, out } = o;
  const { contextFor, exportPayslipsPdf, withStore } = await load();
  await withStore(o, async (store) => {
    const ctx = await contextFor(store, o);
    const r = await exportPayslipsPdf(ctx, { period, out, ...(o.password ? { password: "id6" } : {}) });
    print(
      `已导出 PDF 工资条 ${out}：${r.files.length} 人，每人一个 PDF${r.written === "zip" ? "，打包为 zip" : ""}`,
    );
    if (r.encrypted)
      print(
        "每个 PDF 以员工身份证号后 6 位加密：这只是弱保护（位数少、持证人之外也可能知道），请勿据此传送敏感信息",
      );
  });
}

/** `--draft` is for the register only: the other documents come from an approved run. */
function noDraft(o: Opts, what: string): void {
  if (o.draft)
    throw new AppError(
      "USAGE",
      `${what}只能从已审批的算薪导出（--draft 只用于工资表）`,
      "only an approved run is exported; --draft applies to the register only",
    );
}

/**
 * `xinsuan export iit`: the 扣缴端 import file (正常工资薪金所得 …) of an approved run; contains 身份证号.
 * @example await runExportIit({ period: "2026-08", out: "个税申报.xlsx" }, console.log)
 */
export async function runExportIit(o: Opts, print: Print): Promise<void> {
  const { period, out } = required(o);
  noDraft(o, "个税申报文件");
  const { contextFor, exportIit, withStore } = await load();
  await withStore(o, async (store) => {
    const r = await exportIit(await contextFor(store, o), { period, out });
    const extra = [r.bonus ? `全年一次性奖金 ${r.bonus} 人` : "", r.labor ? `劳务报酬 ${r.labor} 人` : ""];
    print(
      `已导出个税扣缴申报文件 ${out}：正常工资薪金 ${r.wage} 人，本期收入合计 ${r.wageIncome}${extra
        .filter(Boolean)
        .map((x) => `，${x}`)
        .join("")}`,
    );
    if (r.skipped.length > 0) print(`未列入 ${r.skipped.length} 人（本期无收入可申报或方案不计税）`);
    if (r.unsplit > 0)
      print(`${r.unsplit} 人的累计专项附加扣除无法按项目拆分，合计写在“备注”，请在扣缴端核对`);
    print("文件含身份证号，请妥善保管；本次导出已记入审计日志");
  });
}

/**
 * `xinsuan export si`: the SI / housing-fund summary by city and item, employee and employer sides.
 * @example await runExportSi({ period: "2026-08", out: "社保汇总.xlsx" }, console.log)
 */
export async function runExportSi(o: Opts, print: Print): Promise<void> {
  const { period, out } = required(o);
  noDraft(o, "社保公积金汇总");
  const { contextFor, exportSi, withStore } = await load();
  await withStore(o, async (store) => {
    const r = await exportSi(await contextFor(store, o), { period, out });
    print(`已导出社保公积金汇总 ${out}：${r.employees} 人，参保城市 ${r.cities.join("、") || "无"}`);
    for (const t of r.totals) print(`  ${t.item}：个人 ${t.employee}，单位 ${t.employer}`);
  });
}

/**
 * Registers `export register|payslips|iit|si` on the program.
 * @example registerExport(program, { out: console.log, err: console.error })
 */
export function registerExport(program: Command, io: Io): void {
  const exp = program
    .command("export")
    .description(
      "导出已审批的算薪：工资表（register）、工资条（payslips）、个税申报（iit）、社保汇总（si）、银行代发（bank）",
    );
  for (const [name, what, run] of [
    [
      "register",
      "工资表：标题、冻结表头、每人一行、团队小计和合计；xlsx 另有提醒和调整工作表",
      runExportRegister,
    ],
    ["payslips", "工资条：每人一行表头加一行数据，之间空一行，打印后裁剪", runExportPayslips],
    ["iit", "个税扣缴申报：自然人电子税务局（扣缴端）导入格式，含身份证号", runExportIit],
    ["si", "社保公积金汇总：按参保城市和险种，个人和单位部分，另有每人明细", runExportSi],
  ] as const) {
    const cmd = exp
      .command(name)
      .description(what)
      .option("--period <YYYY-MM>", "薪资期间，如 2026-08")
      .option("--out <file>", "写出的文件：.xlsx 或 .csv（UTF-8，Excel 可直接打开）");
    if (name === "register") cmd.option("--draft", "导出未审批的算薪，标为“草稿”，仅供复核");
    cmd
      .option("--db <url>", "数据库地址，同 init")
      .option("--company <名称>", "数据库中有多家公司时指定")
      .action((o: Opts) => run(o, io.out));
  }
  registerExportBank(exp, io.out);
  exp
    .command("payslips-pdf")
    .description("PDF 工资条：每人一个 PDF（中文字体内嵌），打包为 zip 或写入文件夹；可按身份证号后 6 位加密")
    .option("--period <YYYY-MM>", "薪资期间，如 2026-08（须已审批）")
    .option("--out <dir|file.zip>", "写出的 .zip 文件，或文件夹")
    .option("--password <id6>", "id6：每个 PDF 以身份证号后 6 位加密（弱保护）")
    .option("--db <url>", "数据库地址，同 init")
    .option("--company <名称>", "数据库中有多家公司时指定")
    .action((o: Opts & { password?: string }) => runExportPayslipsPdf(o, io.out));
}
