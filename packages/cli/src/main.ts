/**
 * The `xinsuan` command. Every failure ends with a clear message (file, row, column, what is wrong) and a
 * non-zero exit code from the AppError table; never a stack trace for a user error.
 * @example await runCli(["calc", "--policy", "grade-tier-structure", "--inputs", "in.csv", "--period", "2026-10"])
 */
import { Command, CommanderError } from "commander";
import { AppError, EXIT_CODES } from "./app-error.js";
import { cliLang, setCliLang } from "./cli-lang.js";
import { runCalc } from "./commands/calc.js";
import { runCheck } from "./commands/check.js";
import { registerClaimCommands } from "./commands/claims-register.js";
import { runDemo } from "./commands/demo.js";
import { runFunctions } from "./commands/functions-cmd.js";
import { runSi } from "./commands/si-cmd.js";
import { runTaxBonus, runTaxLabor, runTaxWages } from "./commands/tax-cmd.js";
import { runTemplateExport, runTemplateInputs, runTemplates } from "./commands/templates-cmd.js";
import { needOption } from "./need-option.js";

/** The workspace commands load the database drivers, so they are imported only when used. */
const workspace = () => import("./commands/workspace.js");
const importCmd = () => import("./commands/import-cmd.js");

type Io = { out: (s: string) => void; err: (s: string) => void };

const defaultIo: Io = {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
};

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) {
    throw new AppError(
      "USAGE",
      "请从标准输入提供 JSON，例如：xinsuan tax wages --json < months.json",
      "provide JSON on standard input, e.g. xinsuan tax wages --json < months.json",
    );
  }
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Runs the CLI with arguments; resolves to the exit code. */
export async function runCli(argv: string[], io: Io = defaultIo): Promise<number> {
  const langAt = argv.indexOf("--lang");
  const lang = langAt >= 0 ? argv[langAt + 1] : process.env.XINSUAN_LANG;
  setCliLang(lang === "en" || lang?.startsWith("en-") ? "en" : "zh");
  const args = langAt >= 0 ? [...argv.slice(0, langAt), ...argv.slice(langAt + 2)] : argv;
  const program = new Command();
  program
    .name("xinsuan")
    .description(
      "薪算 xinsuan：客服薪酬计算（方案即数据，每一元都有解释）；--lang en 或 XINSUAN_LANG=en 输出英文",
    )
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  program
    .command("calc")
    .description("按方案和输入表计算一个期间的工资")
    .option("--policy <file|template>", "方案 YAML 文件或模板 id")
    .option("--inputs <file>", "输入表：.csv / .xlsx / .json，每行一名员工")
    .option("--period <YYYY-MM>", "薪资期间，如 2026-10")
    .option("--out <file>", "写出工资表：.csv / .xlsx / .json")
    .option("--explain <工号>", "打印该员工的工资条及每一项的解释")
    .option("--state <file>", "上期结转状态（JSON），如上月订单门槛")
    .option("--state-out <file>", "写出本期结转到下期的状态（JSON）")
    .action(async (o: Record<string, string | undefined>) => {
      await runCalc(
        {
          policy: needOption(o.policy, "--policy"),
          inputs: needOption(o.inputs, "--inputs"),
          period: needOption(o.period, "--period"),
          ...(o.out ? { out: o.out } : {}),
          ...(o.explain ? { explain: o.explain } : {}),
          ...(o.state ? { state: o.state } : {}),
          ...(o.stateOut ? { stateOut: o.stateOut } : {}),
        },
        io.out,
      );
    });
  program
    .command("check <policy>")
    .description("检查方案：未知名称、类型错误、循环引用、未用到的输入、劳动法风险，一次列出全部问题")
    .action((policy: string) => runCheck(policy, io.out));
  program
    .command("templates")
    .description("列出内置模板")
    .option("--json", "以 JSON 输出")
    .action((o: { json?: boolean }) => runTemplates(Boolean(o.json), io.out));
  program
    .command("functions")
    .description("列出公式可用的函数")
    .option("--json", "以 JSON 输出")
    .action((o: { json?: boolean }) => runFunctions(Boolean(o.json), io.out));
  const template = program.command("template").description("模板操作");
  template
    .command("export <id> <dir>")
    .description("把模板的 policy.yaml 和示例输入写到目录")
    .action((id: string, dir: string) => runTemplateExport(id, dir, io.out));
  template
    .command("inputs <policy>")
    .description("按方案生成 xlsx 导入模板：表头、批注（说明/单位/范围/默认值）、下拉框、数字格式")
    .option("--out <file>", "写出的 .xlsx 文件", "inputs.xlsx")
    .action((policy: string, o: { out: string }) => runTemplateInputs(policy, o.out, io.out));
  const tax = program
    .command("tax")
    .description("个人所得税计算器：工资薪金（累计预扣法）、全年一次性奖金、劳务报酬");
  tax
    .command("wages")
    .description("累计预扣法：从标准输入读取 JSON（各月收入、专项扣除、专项附加扣除…），逐月给出预扣税额")
    .option("--json", "以 JSON 输出（默认输出表格）")
    .action(async (o: { json?: boolean }) => runTaxWages(await readStdin(), io.out, Boolean(o.json)));
  tax
    .command("bonus <amount>")
    .description("全年一次性奖金单独计税，并提示“临界点”陷阱区间")
    .option("--json", "以 JSON 输出")
    .option("--paid-on <YYYY-MM-DD>", "发放日期（单独计税政策执行至 2027-12-31）")
    .action((amount: string, o: { json?: boolean; paidOn?: string }) =>
      runTaxBonus(amount, Boolean(o.json), io.out, o.paidOn ? { paidOn: o.paidOn } : {}),
    );
  tax
    .command("labor <amount>")
    .description("劳务报酬（独立提供服务者）每次预扣税额")
    .option("--json", "以 JSON 输出")
    .action((amount: string, o: { json?: boolean }) => runTaxLabor(amount, Boolean(o.json), io.out));
  program
    .command("si")
    .description("社保和公积金计算器：按城市和期间查基数上下限与比例，计算个人和单位缴费")
    .option("--city <城市>", "参保城市：北京、上海、深圳、广州、杭州（或拼音）")
    .option("--period <YYYY-MM>", "期间，如 2026-10")
    .option("--base <金额>", "缴费基数（上年月平均工资）")
    .option("--hf-rate <比例>", "公积金比例，如 7%；不填按该城市最低比例")
    .option("--json", "以 JSON 输出")
    .action((o: Record<string, string | boolean | undefined>) =>
      runSi(
        {
          city: needOption(o.city as string | undefined, "--city"),
          period: needOption(o.period as string | undefined, "--period"),
          base: needOption(o.base as string | undefined, "--base"),
          ...(o.hfRate ? { hfRate: String(o.hfRate) } : {}),
          json: Boolean(o.json),
        },
        io.out,
      ),
    );
  program
    .command("demo")
    .description("演示：生成一个示例公司并算一个月的工资，打印工资表汇总和一张带解释的工资条")
    .action(() => runDemo(io.out));
  program
    .command("serve")
    .description(
      "启动网页版和接口（http://localhost:3000；数据在 XINSUAN_DATA_DIR，默认 ./data；首次启动创建演示公司和演示账号）",
    )
    .option("--port <端口>", "端口，默认 PORT 或 3000")
    .action(async (o: { port?: string }) => {
      const { startServer } = await import("@xinsuan/server");
      await startServer({ print: io.out, ...(o.port ? { port: Number(o.port) } : {}) });
      await new Promise(() => {});
    });
  program
    .command("init")
    .description("创建（或升级）工作区数据库；--demo 载入演示公司（60 名客服、3 个月的考勤和绩效数据）")
    .option("--demo", "载入演示公司")
    .option("--db <url>", "数据库：sqlite:<文件>、postgres://…；默认 DATABASE_URL 或 ./data/xinsuan.db")
    .option("--company <名称>", "公司名称（不载入演示时默认“我的公司”）")
    .action(async (o: { demo?: boolean; db?: string; company?: string }) =>
      (await workspace()).runInit(o, io.out),
    );
  program
    .command("run")
    .description("计算一个期间的工资并保存（月份须按顺序计算：个税累计和结转状态逐月传递）")
    .option("--period <YYYY-MM>", "薪资期间，如 2026-08")
    .option("--db <url>", "数据库地址，同 init")
    .option("--company <名称>", "数据库中有多家公司时指定")
    .action(async (o: { period?: string; db?: string; company?: string }) =>
      (await workspace()).runRun({ ...o, period: needOption(o.period, "--period") }, io.out),
    );
  program
    .command("approve")
    .description("审批一个期间最近一次的算薪（有员工出错时不能审批；审批后不可修改）")
    .option("--period <YYYY-MM>", "薪资期间，如 2026-08")
    .option("--db <url>", "数据库地址，同 init")
    .option("--company <名称>", "数据库中有多家公司时指定")
    .action(async (o: { period?: string; db?: string; company?: string }) =>
      (await workspace()).runApprove({ ...o, period: needOption(o.period, "--period") }, io.out),
    );
  program
    .command("verify")
    .description("按保存的输入重算已审批的算薪，逐张工资条到分核对")
    .option("--period <YYYY-MM>", "薪资期间，如 2026-08")
    .option("--db <url>", "数据库地址，同 init")
    .option("--company <名称>", "数据库中有多家公司时指定")
    .action(async (o: { period?: string; db?: string; company?: string }) =>
      (await workspace()).runVerify({ ...o, period: needOption(o.period, "--period") }, io.out),
    );
  (await import("./commands/review-cmd.js")).registerReview(program, io);
  (await import("./commands/policy-cmd.js")).registerPolicy(program, io);
  (await import("./commands/deduction-cmd.js")).registerDeduction(program, io);
  (await import("./commands/export-cmd.js")).registerExport(program, io);
  (await import("./commands/send-cmd.js")).registerSend(program, io);
  const imp = program
    .command("import")
    .description("导入员工表或一个期间的数据（全部通过校验才写入，否则不写入任何数据）");
  imp
    .command("employees <file>")
    .description("导入员工花名册（.csv / .xlsx / .json）：新增或更新员工和团队")
    .option("--db <url>", "数据库地址，同 init")
    .option("--company <名称>", "数据库中有多家公司时指定")
    .action(async (file: string, o: { db?: string; company?: string }) =>
      (await importCmd()).runImportEmployees(file, o, io.out),
    );
  imp
    .command("dataset <file>")
    .description("导入一个期间的数据（考勤、绩效、订单…），逐行按方案的输入校验")
    .option("--period <YYYY-MM>", "薪资期间，如 2026-08")
    .option("--kind <类型>", "attendance | kpi | orders | scores | claims | other")
    .option("--replace", "该期间已有同类数据时整体替换，并列出改动")
    .option("--db <url>", "数据库地址，同 init")
    .option("--company <名称>", "数据库中有多家公司时指定")
    .action(
      async (
        file: string,
        o: { period?: string; kind?: string; replace?: boolean; db?: string; company?: string },
      ) =>
        (await importCmd()).runImportDataset(
          file,
          { ...o, period: needOption(o.period, "--period"), kind: needOption(o.kind, "--kind") },
          io.out,
        ),
    );
  imp
    .command("ledger <file>")
    .description(
      "导入截至某月的本年个税累计台账（年中开始使用或年中入职员工此前的收入）：工号、个税累计收入 …",
    )
    .option("--period <YYYY-MM>", "台账截至的月份，如 2026-07（下个月的算薪接着累计）")
    .option("--db <url>", "数据库地址，同 init")
    .option("--company <名称>", "数据库中有多家公司时指定")
    .action(async (file: string, o: { period?: string; db?: string; company?: string }) =>
      (await importCmd()).runImportLedger(file, { ...o, period: needOption(o.period, "--period") }, io.out),
    );
  registerClaimCommands(program, io);
  try {
    await program.parseAsync(args, { from: "user" });
    return 0;
  } catch (e) {
    if (e instanceof AppError) {
      const lang = cliLang();
      io.err(lang === "zh" ? `错误：${e.zh}` : `error: ${e.en}`);
      for (const d of e.details) io.err(`  ${d[lang]}`);
      return EXIT_CODES[e.code];
    }
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : EXIT_CODES.USAGE;
    io.err(`内部错误（请把这段信息发给开发者）：${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return 70;
  }
}
