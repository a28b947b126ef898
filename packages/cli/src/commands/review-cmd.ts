/**
 * `xinsuan review`: the 晋升/降级 review. `review --period YYYY-MM` lists the period's candidates (found by the
 * policy's grade review checks in the period's calculated run) with their review ids; `review confirm <id>` puts the
 * new 职级 into effect on the first day of the next period; `review reject <id> --comment …` records the refusal.
 * @example xinsuan review --period 2026-09 && xinsuan review confirm 5b0c… --comment 主管推荐
 */

import type { GradeReview } from "@xinsuan/server";
import type { Command } from "commander";
import { AppError } from "../app-error.js";

type Io = { out: (s: string) => void; err: (s: string) => void };
type Opts = { db?: string; company?: string; period?: string; comment?: string };

const STATUS_ZH: Record<GradeReview["status"], string> = {
  pending: "待审批",
  confirmed: "已确认",
  rejected: "已驳回",
};

/** One line of the candidate list. @example reviewLine(r) // "5b0c…  E001 张三  晋升候选：中级  初级 → 中级  待审批  理由：…" */
export function reviewLine(r: GradeReview): string {
  const decided = r.decidedBy ? `（${r.decidedBy}${r.comment ? `：${r.comment}` : ""}）` : "";
  return `${r.id}  ${r.employeeNo} ${r.employeeName}  ${r.rule}  ${r.fromGrade} → ${r.toGrade}  ${STATUS_ZH[r.status]}${decided}  理由：${r.reason}`;
}

/** `xinsuan review --period`: finds, stores and prints the period's candidates. */
export async function runReviewList(o: Opts & { period: string }, print: (s: string) => void): Promise<void> {
  const { checkPeriod, contextFor, withStore } = await import("./workspace.js");
  const { listGradeCandidates } = await import("@xinsuan/server");
  checkPeriod(o.period);
  await withStore(o, async (store) => {
    const r = await listGradeCandidates(await contextFor(store, o), { period: o.period });
    if (r.candidates.length === 0) {
      print(`${o.period} 没有晋升/降级候选（方案中写了 grade 的检查都没有员工符合）`);
      return;
    }
    const pending = r.candidates.filter((c) => c.status === "pending").length;
    print(`${o.period} 晋升/降级候选 ${r.candidates.length} 条，待审批 ${pending} 条：`);
    for (const c of r.candidates) print(reviewLine(c));
    if (pending > 0)
      print(
        "用 xinsuan review confirm <编号> 确认（下个期间生效），或 review reject <编号> --comment 原因 驳回",
      );
  });
}

/** `xinsuan review confirm|reject <id>`. */
export async function runReviewDecide(
  decision: "confirmed" | "rejected",
  id: string,
  o: Opts,
  print: (s: string) => void,
): Promise<void> {
  const { contextFor, withStore } = await import("./workspace.js");
  const { decideGradeReview } = await import("@xinsuan/server");
  await withStore(o, async (store) => {
    const ctx = await contextFor(store, o);
    const r = await decideGradeReview(ctx, { id, decision, ...(o.comment ? { comment: o.comment } : {}) });
    print(
      r.effectiveFrom
        ? `已确认：${r.employeeNo} ${r.employeeName} ${r.fromGrade} → ${r.toGrade}，自 ${r.effectiveFrom} 起生效（下个期间的算薪使用新职级）`
        : `已驳回：${r.employeeNo} ${r.employeeName} 的“${r.rule}”（${r.period}）${r.comment ? `，原因：${r.comment}` : ""}`,
    );
  });
}

/**
 * Adds `review`, `review confirm <id>` and `review reject <id>` to the program.
 * @example registerReview(program, { out: console.log, err: console.error })
 */
export function registerReview(program: Command, io: Io): void {
  const db = ["--db <url>", "数据库地址，同 init"] as const;
  const company = ["--company <名称>", "数据库中有多家公司时指定"] as const;
  const review = program
    .command("review")
    .description("晋升/降级审批：列出一个期间的候选（方案中写了 grade 的检查），确认后新职级下个期间生效")
    .option("--period <YYYY-MM>", "薪资期间（须已算薪），如 2026-09")
    .option(...db)
    .option(...company)
    .action(async (o: Opts) => {
      if (!o.period)
        throw new AppError(
          "USAGE",
          "缺少参数 --period（或用 review confirm|reject <编号>）",
          "missing --period (or use review confirm|reject <id>)",
        );
      await runReviewList({ ...o, period: o.period }, io.out);
    });
  for (const [name, decision, what] of [
    ["confirm", "confirmed", "确认候选：新职级自下个期间第一天起生效"],
    ["reject", "rejected", "驳回候选（职级不变）"],
  ] as const) {
    review
      .command(`${name} <id>`)
      .description(what)
      .option("--comment <说明>", "审批意见")
      .option(...db)
      .option(...company)
      .action(async (id: string, o: Opts, cmd: Command) =>
        runReviewDecide(decision, id, { ...cmd.optsWithGlobals(), ...o }, io.out),
      );
  }
}
