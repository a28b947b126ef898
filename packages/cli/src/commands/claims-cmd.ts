/**
 * Claims, adjustments and the audit log on the command line, thin over the server's services:
 * `xinsuan claim submit|list|approve|reject`, `xinsuan adjust [list|cancel]`, `xinsuan audit`.
 * @example xinsuan claim submit --period 2026-10 --employee E001 --input 电话成交单数_已审批 --evidence REC-20261012-0042
 */

import {
  AppError,
  addAdjustment,
  cancelAdjustment,
  decideClaim,
  formatTerminalTable,
  listAdjustments,
  listAudit,
  listClaims,
  submitClaim,
} from "@xinsuan/server";
import { checkPeriod, contextFor, type WorkspaceOptions, withStore } from "./workspace.js";

type Print = (s: string) => void;
type Claim = Awaited<ReturnType<typeof listClaims>>[number];
type Adjustment = Awaited<ReturnType<typeof listAdjustments>>[number];

const STATUS_ZH: Record<Claim["status"], string> = {
  pending: "待审批",
  approved: "已批准",
  rejected: "已驳回",
};

/** Options of `xinsuan claim submit`. @example const o: ClaimSubmitOptions = { period: "2026-10", employee: "E001", input: "加分项数", evidence: "表扬信" } */
export type ClaimSubmitOptions = WorkspaceOptions & {
  period: string;
  employee: string;
  input: string;
  quantity?: string;
  evidence: string;
  note?: string;
};

/** `xinsuan claim submit`. @example await runClaimSubmit({ period: "2026-10", employee: "E001", input: "加分项数", evidence: "表扬信" }, console.log) */
export async function runClaimSubmit(o: ClaimSubmitOptions, print: Print): Promise<void> {
  checkPeriod(o.period);
  await withStore(o, async (store) => {
    const c = await submitClaim(await contextFor(store, o), {
      period: o.period,
      employeeNo: o.employee,
      inputName: o.input,
      evidence: o.evidence,
      ...(o.quantity !== undefined ? { quantity: o.quantity } : {}),
      ...(o.note !== undefined ? { note: o.note } : {}),
    });
    print(
      `已提交申报 ${c.id}：${c.employeeNo} ${c.employeeName}，${c.period}“${c.inputName}” ${c.quantity}，证据 ${c.evidence}`,
    );
    print(`待主管审批：xinsuan claim approve ${c.id}（或 reject ${c.id} --comment 原因）`);
  });
}

/** `xinsuan claim list --period P [--status pending] [--team 一组]`. @example await runClaimList({ period: "2026-10" }, console.log) */
export async function runClaimList(
  o: WorkspaceOptions & { period?: string; status?: string; team?: string; json?: boolean },
  print: Print,
): Promise<void> {
  if (o.period !== undefined) checkPeriod(o.period);
  await withStore(o, async (store) => {
    const claims = await listClaims(await contextFor(store, o), {
      ...(o.period !== undefined ? { period: o.period } : {}),
      ...(o.status !== undefined ? { status: o.status } : {}),
      ...(o.team !== undefined ? { team: o.team } : {}),
    });
    if (o.json) return print(JSON.stringify(claims, null, 2));
    if (claims.length === 0) return print("没有符合条件的申报");
    const rows = claims.map((c) => [
      c.id,
      c.period,
      c.employeeNo,
      c.employeeName,
      c.inputName,
      c.quantity,
      c.evidence,
      STATUS_ZH[c.status],
      c.decidedBy ?? "",
      c.comment ?? "",
    ]);
    print(
      formatTerminalTable(
        ["编号", "期间", "工号", "姓名", "项目", "数量", "证据", "状态", "审批人", "意见"],
        rows,
      ),
    );
    print(`共 ${claims.length} 条`);
  });
}

/** `xinsuan claim approve|reject <id> [--comment …]`. @example await runClaimDecide("approved", id, { comment: "录音已核" }, console.log) */
export async function runClaimDecide(
  decision: "approved" | "rejected",
  id: string,
  o: WorkspaceOptions & { comment?: string },
  print: Print,
): Promise<void> {
  await withStore(o, async (store) => {
    const c = await decideClaim(await contextFor(store, o), {
      id,
      decision,
      ...(o.comment !== undefined ? { comment: o.comment } : {}),
    });
    print(
      `申报 ${c.id}（${c.employeeNo} ${c.employeeName}，${c.period}“${c.inputName}” ${c.quantity}）${STATUS_ZH[c.status]}，审批人 ${c.decidedBy}${c.comment ? `，意见：${c.comment}` : ""}`,
    );
  });
}

/** Options of `xinsuan adjust`. @example const o: AdjustOptions = { employee: "E001", for: "2026-08", kind: "补发", amount: "300.00", reason: "漏算加班" } */
export type AdjustOptions = WorkspaceOptions & {
  employee: string;
  for: string;
  pay?: string;
  kind: string;
  amount: string;
  reason: string;
  nonTaxable?: boolean;
};

const describeAdjustment = (a: Adjustment) =>
  `${a.employeeNo} ${a.employeeName} ${a.kind} ${a.amount}（更正 ${a.forPeriod}，在 ${a.payPeriod} 发放，${a.taxable ? "计税" : "不计税"}）`;

/** `xinsuan adjust --employee 工号 --for P [--pay P] --kind 补发|补扣 --amount 300.00 --reason …`. @example await runAdjust(o, console.log) */
export async function runAdjust(o: AdjustOptions, print: Print): Promise<void> {
  checkPeriod(o.for);
  if (o.pay !== undefined) checkPeriod(o.pay);
  await withStore(o, async (store) => {
    const a = await addAdjustment(await contextFor(store, o), {
      employeeNo: o.employee,
      forPeriod: o.for,
      kind: o.kind,
      amount: o.amount,
      reason: o.reason,
      taxable: !o.nonTaxable,
      ...(o.pay !== undefined ? { payPeriod: o.pay } : {}),
    });
    print(`已记录调整 ${a.id}：${describeAdjustment(a)}，原因：${a.reason}`);
  });
}

/** `xinsuan adjust list [--period P]` (P is the pay period). @example await runAdjustList({ period: "2026-10" }, console.log) */
export async function runAdjustList(
  o: WorkspaceOptions & { period?: string; for?: string; employee?: string; json?: boolean },
  print: Print,
): Promise<void> {
  if (o.period !== undefined) checkPeriod(o.period);
  await withStore(o, async (store) => {
    const list = await listAdjustments(await contextFor(store, o), {
      ...(o.period !== undefined ? { payPeriod: o.period } : {}),
      ...(o.for !== undefined ? { forPeriod: o.for } : {}),
      ...(o.employee !== undefined ? { employeeNo: o.employee } : {}),
    });
    if (o.json) return print(JSON.stringify(list, null, 2));
    if (list.length === 0) return print("没有符合条件的调整");
    const rows = list.map((a) => [
      a.id,
      a.employeeNo,
      a.employeeName,
      a.kind,
      a.amount,
      a.forPeriod,
      a.payPeriod,
      a.taxable ? "是" : "否",
      a.reason,
      a.cancelledAt ? `已撤销（${a.cancelledBy}）` : "有效",
    ]);
    print(
      formatTerminalTable(
        ["编号", "工号", "姓名", "类型", "金额", "更正期间", "发放期间", "计税", "原因", "状态"],
        rows,
      ),
    );
    print(`共 ${list.length} 条`);
  });
}

/** `xinsuan adjust cancel <id>`. @example await runAdjustCancel(id, {}, console.log) */
export async function runAdjustCancel(id: string, o: WorkspaceOptions, print: Print): Promise<void> {
  await withStore(o, async (store) => {
    const a = await cancelAdjustment(await contextFor(store, o), { id });
    print(`已撤销调整 ${a.id}：${describeAdjustment(a)}；${a.payPeriod} 的算薪将不再发放这一笔`);
  });
}

/** `xinsuan audit [--entity run] [--entity-id …] [--actor …] [--since …] [--until …] [--limit 50] [--json]`. @example await runAudit({ entity: "claim", limit: "20" }, console.log) */
export async function runAudit(
  o: WorkspaceOptions & {
    entity?: string;
    entityId?: string;
    actor?: string;
    since?: string;
    until?: string;
    limit?: string;
    json?: boolean;
  },
  print: Print,
): Promise<void> {
  const limitText = o.limit ?? "50";
  if (!/^\d+$/.test(limitText))
    throw new AppError(
      "USAGE",
      `--limit “${limitText}”须为正整数`,
      "--limit must be a positive whole number",
    );
  await withStore(o, async (store) => {
    const entries = await listAudit(await contextFor(store, o), {
      limit: Number(limitText),
      ...(o.entity ? { entity: o.entity } : {}),
      ...(o.entityId ? { entityId: o.entityId } : {}),
      ...(o.actor ? { actor: o.actor } : {}),
      ...(o.since ? { since: o.since } : {}),
      ...(o.until ? { until: o.until } : {}),
    });
    if (o.json) return print(JSON.stringify(entries, null, 2));
    if (entries.length === 0) return print("审计日志中没有符合条件的记录");
    const rows = entries.map((e) => [
      e.at,
      e.actor,
      e.action,
      e.entity,
      e.entityId,
      e.after === undefined ? "" : JSON.stringify(e.after).slice(0, 80),
    ]);
    print(formatTerminalTable(["时间", "操作人", "操作", "对象", "对象编号", "内容"], rows));
    print(`共 ${entries.length} 条（最新在前；--limit 调整条数，--json 输出修改前后的完整内容）`);
  });
}
