/**
 * `xinsuan deduction`: an employee's declared special additional deductions (专项附加扣除). `deduction add` records
 * one kind's monthly amount from a month; `deduction list` shows the declarations; every run of a month in range
 * feeds the total into the cumulative tax.
 * @example xinsuan deduction add --employee E001 --kind 子女教育 --amount 2000 --from 2026-01
 */

import type { Command } from "commander";
import { needOption } from "../need-option.js";

type Io = { out: (s: string) => void; err: (s: string) => void };
type Opts = {
  db?: string;
  company?: string;
  employee?: string;
  kind?: string;
  amount?: string;
  from?: string;
  to?: string;
};

/** `xinsuan deduction add`. */
export async function runDeductionAdd(o: Opts, print: (s: string) => void): Promise<void> {
  const { declareDeduction } = await import("@xinsuan/server");
  const { contextFor, withStore } = await import("./workspace.js");
  await withStore(o, async (store) => {
    const d = await declareDeduction(await contextFor(store, o), {
      employeeNo: needOption(o.employee, "--employee"),
      kind: needOption(o.kind, "--kind"),
      monthlyAmount: needOption(o.amount, "--amount"),
      fromMonth: needOption(o.from, "--from"),
      ...(o.to ? { toMonth: o.to } : {}),
    });
    print(
      `已记录 ${o.employee} 的专项附加扣除：${d.kind} 每月 ${d.monthlyAmount}，${d.fromMonth} 起${d.toMonth ? `至 ${d.toMonth}` : ""}；这些月份的算薪计入个税累计专项附加扣除`,
    );
  });
}

/** `xinsuan deduction list [--employee 工号]`. */
export async function runDeductionList(o: Opts, print: (s: string) => void): Promise<void> {
  const { contextFor, withStore } = await import("./workspace.js");
  const { storeCall } = await import("@xinsuan/server");
  await withStore(o, async (store) => {
    const ctx = await contextFor(store, o);
    let q = store.db
      .selectFrom("employee_deductions")
      .innerJoin("employees", (j) =>
        j
          .onRef("employees.id", "=", "employee_deductions.employee_id")
          .onRef("employees.tenant_id", "=", "employee_deductions.tenant_id"),
      )
      .select([
        "employees.employee_no",
        "employees.name",
        "employee_deductions.kind",
        "employee_deductions.monthly_amount",
        "employee_deductions.from_month",
        "employee_deductions.to_month",
      ])
      .where("employee_deductions.tenant_id", "=", ctx.tenantId);
    if (o.employee) q = q.where("employees.employee_no", "=", o.employee);
    const rows = await storeCall(() =>
      q.orderBy("employees.employee_no").orderBy("employee_deductions.from_month").execute(),
    );
    if (rows.length === 0) {
      print("没有专项附加扣除申报");
      return;
    }
    for (const r of rows)
      print(
        `${r.employee_no} ${r.name}  ${r.kind}  每月 ${r.monthly_amount}  ${r.from_month} 至 ${r.to_month ?? "今后"}`,
      );
    print(`共 ${rows.length} 条`);
  });
}

/**
 * Adds `deduction add|list` to the program.
 * @example registerDeduction(program, { out: console.log, err: console.error })
 */
export function registerDeduction(program: Command, io: Io): void {
  const db = ["--db <url>", "数据库地址，同 init"] as const;
  const company = ["--company <名称>", "数据库中有多家公司时指定"] as const;
  const cmd = program
    .command("deduction")
    .description("员工申报的个税专项附加扣除（子女教育、住房租金、赡养老人…）");
  cmd
    .command("add")
    .description("记录一项申报：每月金额，自某月起（可到某月止）")
    .option("--employee <工号>", "员工工号")
    .option(
      "--kind <项目>",
      "子女教育、继续教育、大病医疗、住房贷款利息、住房租金、赡养老人、3岁以下婴幼儿照护",
    )
    .option("--amount <金额>", "每月扣除金额，如 2000")
    .option("--from <YYYY-MM>", "起始月份")
    .option("--to <YYYY-MM>", "截止月份（不填则一直有效）")
    .option(...db)
    .option(...company)
    .action((o: Opts) => runDeductionAdd(o, io.out));
  cmd
    .command("list")
    .description("列出申报")
    .option("--employee <工号>", "只看这名员工")
    .option(...db)
    .option(...company)
    .action((o: Opts) => runDeductionList(o, io.out));
}
