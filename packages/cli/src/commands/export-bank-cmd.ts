/**
 * `xinsuan export bank --period YYYY-MM --out <file.xlsx|file.csv> [--template <file|name>] [--purpose 工资]`: the
 * bank batch payment file (批量代发) of an approved run, thin over the server's exportBank. Built-in templates:
 * generic (default), serial-remark, header-summary (templates/bank/); or a company's own YAML/JSON file.
 * @example xinsuan export bank --period 2026-08 --out 代发-2026-08.xlsx --template serial-remark
 */

import { AppError } from "@xinsuan/server/io";
import type { Command } from "commander";
import type { WorkspaceOptions } from "./workspace.js";

const load = async () => ({ ...(await import("@xinsuan/server")), ...(await import("./workspace.js")) });

type Print = (s: string) => void;
type Opts = WorkspaceOptions & { period?: string; out?: string; template?: string; purpose?: string };

/**
 * Writes the bank file and prints the count and total.
 * @example await runExportBank({ period: "2026-08", out: "代发.xlsx" }, console.log)
 */
export async function runExportBank(o: Opts, print: Print): Promise<void> {
  if (!o.period) throw new AppError("USAGE", "缺少参数 --period", "missing --period");
  if (!o.out)
    throw new AppError("USAGE", "缺少参数 --out（.xlsx 或 .csv 文件）", "missing --out (.xlsx or .csv)");
  const { period, out } = o;
  const { contextFor, exportBank, withStore } = await load();
  await withStore(o, async (store) => {
    const ctx = await contextFor(store, o);
    const r = await exportBank(ctx, {
      period,
      out,
      ...(o.template ? { template: o.template } : {}),
      ...(o.purpose ? { purpose: o.purpose } : {}),
    });
    print(
      `已导出银行代发文件 ${out}（模板：${r.template}）：${r.count} 笔，合计 ${r.total}${r.skippedZero > 0 ? `；另有 ${r.skippedZero} 人实发为 0，未列入` : ""}`,
    );
    for (const n of r.negative)
      print(`提醒 ${n.employeeNo} ${n.name} 实发为负（${n.net}），未列入代发：请另行结算`);
    print("文件含完整银行卡号，请妥善保管；本次导出已记入审计日志");
  });
}

/**
 * Registers `export bank` under the `export` command.
 * @example registerExportBank(program.command("export"), console.log)
 */
export function registerExportBank(exp: Command, print: Print): void {
  exp
    .command("bank")
    .description(
      "银行批量代发文件：账号、户名、金额、开户行、用途，按模板排列，合计与算薪核对；缺卡号的人员会被列出并拒绝导出",
    )
    .option("--period <YYYY-MM>", "薪资期间，如 2026-08（须已审批）")
    .option("--out <file>", "写出的文件：.xlsx 或 .csv")
    .option(
      "--template <file|name>",
      "列模板：YAML/JSON 文件，或内置 generic、serial-remark、header-summary",
      "generic",
    )
    .option("--purpose <text>", "用途一栏的文字，默认“工资 YYYY-MM”")
    .option("--db <url>", "数据库地址，同 init")
    .option("--company <名称>", "数据库中有多家公司时指定")
    .action((o: Opts) => runExportBank(o, print));
}
