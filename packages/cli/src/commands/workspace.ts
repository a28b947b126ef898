/**
 * The workspace commands, thin over the server's services: `xinsuan init [--demo]`, `xinsuan run --period`,
 * `xinsuan approve --period`. The database is `--db`, else DATABASE_URL, else the SQLite file ./data/xinsuan.db.
 * @example xinsuan init --demo && xinsuan run --period 2026-08
 */

import {
  AppError,
  approveRun,
  initWorkspace,
  loadDemoCompany,
  openServerStore,
  runPayrollService,
  type ServerStore,
  type ServiceContext,
  storeCall,
  verifyRun,
} from "@xinsuan/server";

/** Options shared by the workspace commands. @example const o: WorkspaceOptions = { db: "sqlite:./data/x.db" } */
export type WorkspaceOptions = { db?: string; company?: string };

type Print = (s: string) => void;

const PERIOD_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
const actor = () => `cli:${process.env.USER ?? process.env.USERNAME ?? "user"}`;
const dbUrl = (o: WorkspaceOptions) => o.db ?? process.env.DATABASE_URL ?? "";
const shown = (url: string) =>
  url === "" ? "sqlite:./data/xinsuan.db" : url.replace(/\/\/[^@/]*@/, "//***@");

/** Refuses a period that is not YYYY-MM (USAGE). @example checkPeriod("2026-08") */
export function checkPeriod(period: string): void {
  if (!PERIOD_RE.test(period))
    throw new AppError(
      "USAGE",
      `--period “${period}”格式不对，应为 YYYY-MM，如 2026-10`,
      "--period must be YYYY-MM",
    );
}

/** Opens the store, runs `fn` and always closes it. @example await withStore({}, (store) => …) */
export async function withStore<T>(o: WorkspaceOptions, fn: (store: ServerStore) => Promise<T>): Promise<T> {
  const store = await openServerStore(dbUrl(o));
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** The company the command acts for: `--company`, else the only one in the database. @example const ctx = await contextFor(store, o) */
export async function contextFor(store: ServerStore, o: WorkspaceOptions): Promise<ServiceContext> {
  const tenants = await storeCall(() =>
    store.db.selectFrom("tenants").select(["id", "name"]).orderBy("created_at").execute(),
  );
  const chosen = o.company ? tenants.filter((t) => t.name === o.company) : tenants;
  if (chosen.length === 1) return { store, tenantId: chosen[0]!.id, actor: actor() };
  if (chosen.length === 0)
    throw new AppError(
      "NOT_FOUND",
      o.company ? `数据库中没有公司“${o.company}”` : "数据库中还没有公司：请先运行 xinsuan init",
      o.company ? `no company "${o.company}"` : "no company yet: run xinsuan init first",
    );
  throw new AppError(
    "USAGE",
    `数据库中有多家公司，请用 --company 指定：${tenants.map((t) => t.name).join("、")}`,
    "several companies: choose one with --company",
  );
}

/** `xinsuan init [--demo]`. */
export async function runInit(o: WorkspaceOptions & { demo?: boolean }, print: Print): Promise<void> {
  await withStore(o, async (store) => {
    print(`数据库：${shown(dbUrl(o))}（已建表并升级到最新结构）`);
    if (!o.demo || o.company) {
      const { tenant, created } = await initWorkspace({ store, companyName: o.company ?? "我的公司" });
      print(`公司「${tenant.name}」${created ? "已创建" : "已存在，未改动"}`);
    }
    if (o.demo) {
      const d = await loadDemoCompany(store, actor(), { history: true, personal: true });
      print(
        d.loaded
          ? `已载入演示公司（虚构数据）：${d.employees} 名客服、3 个团队，方案 welfare-6tier（底薪调到 2026 年水平），${d.periods.join("、")} 的考勤和绩效数据，以及 1–7 月的个税累计；${d.approved.join("、")} 已计算并审批`
          : "演示公司已存在，未改动",
      );
      const latest = d.periods.at(-1)!;
      print(
        `接下来：xinsuan run --period ${latest} → xinsuan approve --period ${latest} → xinsuan export register --period ${latest} --out 工资表.xlsx`,
      );
    }
  });
}

/** `xinsuan run --period YYYY-MM`. */
export async function runRun(o: WorkspaceOptions & { period: string }, print: Print): Promise<void> {
  checkPeriod(o.period);
  await withStore(o, async (store) => {
    const ctx = await contextFor(store, o);
    // Progress only on a terminal: a pipe or a test gets the result lines alone.
    const tty = process.stderr.isTTY === true;
    const r = await runPayrollService(ctx, {
      period: o.period,
      ...(tty
        ? {
            onProgress: (done: number, total: number) =>
              process.stderr.write(`\r保存工资条 ${done}/${total}${done === total ? "\n" : ""}`),
          }
        : {}),
    });
    print(
      `${r.period} 算薪完成（方案第 ${r.policyVersion} 版）：${r.employeeCount} 人，应发合计 ${r.totals.gross}，扣款合计 ${r.totals.deductions}，实发合计 ${r.totals.net}`,
    );
    if (r.groups.length > 1)
      print(`按方案：${r.groups.map((g) => `「${g.policy}」${g.employees} 人`).join("，")}`);
    for (const g of r.groups.filter((x) => x.segments.length > 1))
      print(
        `「${g.policy}」本月有变更，分段计算：${g.segments.map((sg) => `第 ${sg.version} 版 ${sg.from.slice(5)}–${sg.to.slice(5)}`).join("，")}（变化的项目按在职日历天数折算，工资条说明列出各段）`,
      );
    if (r.claimCount > 0 || r.adjustmentCount > 0)
      print(`计入已批准的申报 ${r.claimCount} 条、补发/补扣调整 ${r.adjustmentCount} 笔`);
    print(`算薪编号 ${r.runId}；状态：已计算，待审批（xinsuan approve --period ${r.period}）`);
    if (r.errorCount > 0) {
      throw new AppError(
        "CALC_FAILED",
        `${r.errorCount} 名员工算薪出错，改正数据后重新运行；出错时不能审批`,
        `${r.errorCount} employee(s) are in error; fix the data and run again`,
        r.errors,
      );
    }
  });
}

/** `xinsuan approve --period YYYY-MM`. */
export async function runApprove(o: WorkspaceOptions & { period: string }, print: Print): Promise<void> {
  checkPeriod(o.period);
  await withStore(o, async (store) => {
    const ctx = await contextFor(store, o);
    const run = await approveRun(ctx, { period: o.period });
    print(`已审批 ${o.period} 的算薪（${run.employeeCount} 人，审批人 ${run.approvedBy}）；审批后不可再修改`);
  });
}

/** Recomputes the period's approved run from its stored inputs and compares every payslip to the 分. */
export async function runVerify(o: WorkspaceOptions & { period: string }, print: Print): Promise<void> {
  checkPeriod(o.period);
  await withStore(o, async (store) => {
    const ctx = await contextFor(store, o);
    const r = await verifyRun(ctx, { period: o.period });
    if (r.same) {
      print(`核对一致：${o.period} 的算薪（${r.runId}）按保存的输入重算，每张工资条到分都相同`);
      return;
    }
    const lines = r.differences.slice(0, 50).map((d) => ({
      zh: `${d.employeeNo}“${d.column}”：保存 ${d.stored}，重算 ${d.recomputed}`,
      en: `${d.employeeNo} ${d.column}: stored ${d.stored}, recomputed ${d.recomputed}`,
    }));
    throw new AppError(
      "VERIFY_FAILED",
      `核对不一致：${o.period} 的算薪有 ${r.differences.length} 处不同${r.inputsChanged ? "（输入数据在审批后被修改过）" : ""}`,
      `verification failed: ${r.differences.length} difference(s)${r.inputsChanged ? " (inputs changed after approval)" : ""}`,
      lines,
    );
  });
}
