/**
 * Registers `xinsuan claim …`, `xinsuan adjust …` and `xinsuan audit` on the program. The actions live in
 * claims-cmd.ts and load the database drivers, so they are imported only when one of these commands runs.
 * @example registerClaimCommands(program, { out: console.log })
 */

import type { Command } from "commander";
import { AppError } from "../app-error.js";

const actions = () => import("./claims-cmd.js");

type Io = { out: (s: string) => void };
type Opts = Record<string, string | boolean | undefined>;

const DB = ["--db <url>", "数据库地址，同 init"] as const;
const COMPANY = ["--company <名称>", "数据库中有多家公司时指定"] as const;

function need(o: Opts, key: string, flag: string): string {
  const v = o[key];
  if (typeof v !== "string" || v === "") throw new AppError("USAGE", `缺少参数 ${flag}`, `missing ${flag}`);
  return v;
}

const text = (o: Opts, key: string): string | undefined => (typeof o[key] === "string" ? o[key] : undefined);

/** Only the keys whose value is set (exactOptionalPropertyTypes). */
function defined<T extends Record<string, unknown>>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

const ws = (o: Opts) => defined({ db: text(o, "db"), company: text(o, "company") });

/**
 * Adds the claim, adjustment and audit commands.
 * @example registerClaimCommands(new Command(), { out: (s) => process.stdout.write(`${s}\n`) })
 */
export function registerClaimCommands(program: Command, io: Io): void {
  const claim = program
    .command("claim")
    .description("申报（附证据，如电话成交的录音编号）：提交、查看、主管审批或驳回");
  claim
    .command("submit")
    .description("提交一条申报：计入方案的某个数值输入（如 电话成交单数_已审批、加分项数），待主管审批")
    .option("--period <YYYY-MM>", "申报所属期间，如 2026-10")
    .option("--employee <工号>", "员工工号")
    .option("--input <名称>", "计入的方案输入名")
    .option("--quantity <数量>", "数量，默认 1")
    .option("--evidence <证据>", "证据，如录音编号 REC-20261012-0042")
    .option("--note <说明>", "补充说明")
    .option(...DB)
    .option(...COMPANY)
    .action(async (o: Opts) =>
      (await actions()).runClaimSubmit(
        {
          ...ws(o),
          period: need(o, "period", "--period"),
          employee: need(o, "employee", "--employee"),
          input: need(o, "input", "--input"),
          evidence: need(o, "evidence", "--evidence"),
          ...defined({ quantity: text(o, "quantity"), note: text(o, "note") }),
        },
        io.out,
      ),
    );
  claim
    .command("list")
    .description("列出申报（可按期间、状态、团队筛选）")
    .option("--period <YYYY-MM>", "期间")
    .option("--status <状态>", "pending（待审批）| approved（已批准）| rejected（已驳回）")
    .option("--team <团队>", "团队名称")
    .option("--json", "以 JSON 输出")
    .option(...DB)
    .option(...COMPANY)
    .action(async (o: Opts) =>
      (await actions()).runClaimList(
        {
          ...ws(o),
          ...defined({ period: text(o, "period"), status: text(o, "status"), team: text(o, "team") }),
          json: Boolean(o.json),
        },
        io.out,
      ),
    );
  for (const [verb, decision, zh] of [
    ["approve", "approved", "批准"],
    ["reject", "rejected", "驳回（须填写意见）"],
  ] as const) {
    claim
      .command(`${verb} <id>`)
      .description(`${zh}一条待审批的申报；审批人记为当前用户，并写入工资条解释`)
      .option("--comment <意见>", "审批意见")
      .option(...DB)
      .option(...COMPANY)
      .action(async (id: string, o: Opts) =>
        (await actions()).runClaimDecide(
          decision,
          id,
          { ...ws(o), ...defined({ comment: text(o, "comment") }) },
          io.out,
        ),
      );
  }

  const adjust = program
    .command("adjust")
    .description(
      "补发/补扣：更正已审批期间，在以后期间的算薪中单独成行发放（adjust list / adjust cancel <id>）",
    )
    .option("--employee <工号>", "员工工号")
    .option("--for <YYYY-MM>", "更正的已审批期间，如 2026-08")
    .option("--pay <YYYY-MM>", "发放期间；默认为之后最早一个未审批的期间")
    .option("--kind <类型>", "补发 | 补扣")
    .option("--amount <金额>", "金额，大于 0，最多两位小数，如 300.00")
    .option("--reason <原因>", "调整原因")
    .option("--non-taxable", "不计入个税（默认计税）")
    .option(...DB)
    .option(...COMPANY)
    .action(async (o: Opts) =>
      (await actions()).runAdjust(
        {
          ...ws(o),
          employee: need(o, "employee", "--employee"),
          for: need(o, "for", "--for"),
          kind: need(o, "kind", "--kind"),
          amount: need(o, "amount", "--amount"),
          reason: need(o, "reason", "--reason"),
          nonTaxable: Boolean(o.nonTaxable),
          ...defined({ pay: text(o, "pay") }),
        },
        io.out,
      ),
    );
  adjust
    .command("list")
    .description("列出补发/补扣（--period 为发放期间）")
    .option("--period <YYYY-MM>", "发放期间")
    .option("--json", "以 JSON 输出")
    .action(async (o: Opts, cmd: Command) => {
      const all = cmd.optsWithGlobals() as Opts;
      await (await actions()).runAdjustList(
        {
          ...ws(all),
          ...defined({ period: text(o, "period"), for: text(all, "for"), employee: text(all, "employee") }),
          json: Boolean(o.json),
        },
        io.out,
      );
    });
  adjust
    .command("cancel <id>")
    .description("撤销一笔尚未发放（发放期间未审批）的调整")
    .action(async (id: string, _o: Opts, cmd: Command) =>
      (await actions()).runAdjustCancel(id, ws(cmd.optsWithGlobals() as Opts), io.out),
    );

  program
    .command("audit")
    .description("查看审计日志（只增不改）：谁在何时做了什么，最新在前")
    .option("--entity <对象>", "run | claim | adjustment | dataset | employee | policy …")
    .option("--entity-id <编号>", "对象编号")
    .option("--actor <操作人>", "操作人，如 cli:li")
    .option("--since <时间>", "起始日期或时间（含），如 2026-10-01")
    .option("--until <时间>", "截止日期（含当天）或时间（不含）")
    .option("--limit <条数>", "最多显示条数", "50")
    .option("--json", "以 JSON 输出（含修改前后的完整内容）")
    .option(...DB)
    .option(...COMPANY)
    .action(async (o: Opts) =>
      (await actions()).runAudit(
        {
          ...ws(o),
          ...defined({
            entity: text(o, "entity"),
            entityId: text(o, "entityId"),
            actor: text(o, "actor"),
            since: text(o, "since"),
            until: text(o, "until"),
            limit: text(o, "limit"),
          }),
          json: Boolean(o.json),
        },
        io.out,
      ),
    );
}
