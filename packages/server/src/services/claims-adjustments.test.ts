import type { AuditEntry } from "@xinsuan/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError, type AppErrorCode } from "../app-error.js";
import { openServerStore, type ServerStore, type ServiceContext } from "../context.js";
import { addAdjustment } from "./add-adjustment.js";
import { cancelAdjustment } from "./cancel-adjustment.js";
import { decideClaim } from "./decide-claim.js";
import { listAdjustments } from "./list-adjustments.js";
import { listAudit } from "./list-audit.js";
import { listClaims } from "./list-claims.js";
import { loadDemoCompany } from "./load-demo-company.js";
import { policiesForPeriod } from "./policy-for-period.js";
import { submitClaim } from "./submit-claim.js";

async function rejectsWith(p: Promise<unknown>, code: AppErrorCode): Promise<AppError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  return err as AppError;
}

let store: ServerStore;
let hr: ServiceContext;
let lead: ServiceContext;
const E1 = "A0000001";
const E2 = "A0000002";

beforeAll(async () => {
  store = await openServerStore("sqlite::memory:", { ephemeralKey: true });
  const { tenantId } = await loadDemoCompany(store, "hr:li");
  hr = { store, tenantId, actor: "hr:li" };
  lead = { store, tenantId, actor: "lead:wang" };
});
afterAll(() => store.close());

/** An approved run for the period straight through the store (the run's own figures do not matter here). */
async function approvePeriod(period: string): Promise<void> {
  const { version } = (await policiesForPeriod(hr, period)).all[0]!;
  await store.datasets.ensurePeriod(hr.tenantId, period);
  const run = await store.runs.startRun(hr.tenantId, {
    period,
    policyVersionId: version.id,
    inputsHash: "h",
  });
  await store.runs.finishRun(hr.tenantId, run.id, run.lockToken!, { employeeCount: 0, errorCount: 0 });
  await store.runs.approveRun(hr.tenantId, run.id, "hr:li");
}

const audit = (entity: string): Promise<AuditEntry[]> => store.audit.list(hr.tenantId, { entity });

const CLAIM = {
  period: "2026-10",
  employeeNo: E1,
  inputName: "电话成交单数_已审批",
  evidence: "REC-20261012-0042",
};

describe("claims", () => {
  it("refuses invalid claims with the field at fault and writes nothing", async () => {
    const cases: [Partial<typeof CLAIM> & { quantity?: string }, AppErrorCode, RegExp][] = [
      [{ period: "2026-13" }, "INPUT_INVALID", /申报期间“2026-13”格式不对/],
      [{ evidence: "  " }, "INPUT_INVALID", /证据（如录音编号）不能为空/],
      [{ quantity: "0" }, "INPUT_INVALID", /数量“0”须为大于 0 的数/],
      [{ quantity: "-1" }, "INPUT_INVALID", /大于 0/],
      [{ quantity: "abc" }, "INPUT_INVALID", /大于 0/],
      [{ quantity: "1.5" }, "INPUT_INVALID", /整数输入，数量“1.5”须为整数/],
      [{ inputName: "不存在的输入" }, "INPUT_INVALID", /没有输入“不存在的输入”；可申报的输入：.*加分项数/],
      [{ inputName: "职级" }, "INPUT_INVALID", /“职级”是text类型的输入/],
      [{ employeeNo: "X999" }, "NOT_FOUND", /找不到工号为“X999”的员工/],
      [{ period: "2025-06" }, "NOT_FOUND", /2025-06 没有生效的薪酬方案/],
    ];
    for (const [patch, code, message] of cases) {
      const err = await rejectsWith(submitClaim(lead, { ...CLAIM, ...patch }), code);
      expect(err.zh).toMatch(message);
    }
    expect(await listClaims(hr)).toEqual([]);
    expect(await audit("claim")).toEqual([]);
  });

  it("submits, approves once with the approver recorded, and audits each step", async () => {
    const c = await submitClaim(lead, { ...CLAIM, quantity: "2", note: "外拨成交" });
    expect(c).toMatchObject({ employeeNo: E1, quantity: "2", status: "pending", submittedBy: "lead:wang" });
    const ok = await decideClaim(lead, { id: c.id, decision: "approved", comment: "录音已核" });
    expect(ok).toMatchObject({ status: "approved", decidedBy: "lead:wang", comment: "录音已核" });
    const twice = await rejectsWith(
      decideClaim(hr, { id: c.id, decision: "rejected", comment: "x" }),
      "STATE_CONFLICT",
    );
    expect(twice.zh).toContain("已由 lead:wang");
    expect(twice.zh).toContain("已批准");
    await rejectsWith(decideClaim(lead, { id: "no-such-claim", decision: "approved" }), "NOT_FOUND");
    expect((await store.claims.listApproved(hr.tenantId, "2026-10")).map((x) => x.id)).toEqual([c.id]);
    const entries = await audit("claim");
    expect(entries.map((e) => [e.action, e.actor, e.entityId])).toEqual([
      ["claim.submit", "lead:wang", c.id],
      ["claim.approve", "lead:wang", c.id],
    ]);
    expect(entries[1]?.after).toEqual({ status: "approved", comment: "录音已核" });
  });

  it("a rejection needs a comment; rejected claims do not reach the run", async () => {
    const c = await submitClaim(lead, {
      ...CLAIM,
      employeeNo: E2,
      inputName: "加分项数",
      evidence: "客户表扬信",
    });
    const err = await rejectsWith(
      decideClaim(lead, { id: c.id, decision: "rejected", comment: " " }),
      "INPUT_INVALID",
    );
    expect(err.zh).toContain("驳回申报须填写意见");
    expect((await store.claims.get(hr.tenantId, c.id))?.status).toBe("pending");
    await decideClaim(lead, { id: c.id, decision: "rejected", comment: "表扬对象不是本人" });
    expect(
      (await listClaims(hr, { period: "2026-10", status: "rejected" })).map((x) => x.employeeNo),
    ).toEqual([E2]);
    expect((await store.claims.listApproved(hr.tenantId, "2026-10")).map((x) => x.employeeNo)).toEqual([E1]);
    await rejectsWith(listClaims(hr, { status: "done" }), "INPUT_INVALID");
    await rejectsWith(listClaims(hr, { team: "不存在的组" }), "NOT_FOUND");
  });
});

describe("adjustments", () => {
  const ADJ = { employeeNo: E1, forPeriod: "2026-08", kind: "补发", amount: "300", reason: "8月加班费漏算" };

  it("refuses an adjustment to a period that is not approved", async () => {
    const err = await rejectsWith(addAdjustment(hr, ADJ), "RUN_NOT_READY");
    expect(err.zh).toContain("2026-08 还没有已审批的算薪");
  });

  it("validates kind, amount, reason, employee and pay period, writing nothing", async () => {
    await approvePeriod("2026-08");
    await approvePeriod("2026-09");
    const cases: [Record<string, string>, AppErrorCode, RegExp][] = [
      [{ kind: "补贴" }, "INPUT_INVALID", /类型“补贴”无效/],
      [{ amount: "-300" }, "INPUT_INVALID", /金额“-300”须为大于 0 的数/],
      [{ amount: "0" }, "INPUT_INVALID", /大于 0/],
      [{ amount: "1.005" }, "INPUT_INVALID", /最多两位小数/],
      [{ amount: "1e3" }, "INPUT_INVALID", /最多两位小数/],
      [{ reason: "" }, "INPUT_INVALID", /调整原因不能为空/],
      [{ employeeNo: "X999" }, "NOT_FOUND", /X999/],
      [{ payPeriod: "2026-08" }, "INPUT_INVALID", /发放期间 2026-08 须晚于更正的期间 2026-08/],
      [{ payPeriod: "2026-09" }, "RUN_IMMUTABLE", /发放期间 2026-09 的算薪已审批/],
      [{ payPeriod: "2026/10" }, "INPUT_INVALID", /格式不对/],
    ];
    for (const [patch, code, message] of cases) {
      const err = await rejectsWith(addAdjustment(hr, { ...ADJ, ...patch }), code);
      expect(err.zh).toMatch(message);
    }
    expect(await listAdjustments(hr)).toEqual([]);
    expect(await audit("adjustment")).toEqual([]);
  });

  it("pays by default in the earliest later period without an approved run, and audits it", async () => {
    const adj = await addAdjustment(hr, ADJ);
    expect(adj).toMatchObject({
      forPeriod: "2026-08",
      payPeriod: "2026-10",
      amount: "300.00",
      taxable: true,
    });
    const deduction = await addAdjustment(hr, {
      ...ADJ,
      employeeNo: E2,
      kind: "补扣",
      amount: "50.5",
      taxable: false,
      payPeriod: "2026-11",
      reason: "多发餐补",
    });
    expect(deduction).toMatchObject({ payPeriod: "2026-11", amount: "50.50", taxable: false, kind: "补扣" });
    expect((await listAdjustments(hr, { payPeriod: "2026-10" })).map((a) => a.id)).toEqual([adj.id]);
    expect((await listAdjustments(hr, { employeeNo: E2 })).map((a) => a.id)).toEqual([deduction.id]);
    const [entry] = await audit("adjustment");
    expect(entry).toMatchObject({ action: "adjustment.add", actor: "hr:li", entityId: adj.id });
    expect(entry?.after).toMatchObject({ payPeriod: "2026-10", amount: "300.00", kind: "补发" });
  });

  it("cancels once while the pay period is open; not after its run is approved", async () => {
    const [adj] = await listAdjustments(hr, { payPeriod: "2026-10" });
    const cancelled = await cancelAdjustment(hr, { id: adj!.id });
    expect(cancelled.cancelledBy).toBe("hr:li");
    expect(await store.adjustments.listToPay(hr.tenantId, "2026-10")).toEqual([]);
    await rejectsWith(cancelAdjustment(hr, { id: adj!.id }), "STATE_CONFLICT");
    await rejectsWith(cancelAdjustment(hr, { id: "missing" }), "NOT_FOUND");
    const open = await addAdjustment(hr, ADJ);
    await approvePeriod("2026-10");
    const err = await rejectsWith(cancelAdjustment(hr, { id: open.id }), "RUN_IMMUTABLE");
    expect(err.zh).toContain("已在 2026-10 的算薪中发放");
    expect((await store.adjustments.get(hr.tenantId, open.id))?.cancelledAt).toBeNull();
    expect((await addAdjustment(hr, ADJ)).payPeriod).toBe("2026-11");
  });

  it("refuses claims for, and decisions on, a period whose run is approved", async () => {
    const err = await rejectsWith(submitClaim(lead, { ...CLAIM, period: "2026-08" }), "RUN_IMMUTABLE");
    expect(err.zh).toContain("2026-08 的算薪已审批");
    const pending = await submitClaim(lead, { ...CLAIM, period: "2026-11" });
    await approvePeriod("2026-11");
    await rejectsWith(decideClaim(lead, { id: pending.id, decision: "approved" }), "RUN_IMMUTABLE");
    expect((await store.claims.get(hr.tenantId, pending.id))?.status).toBe("pending");
  });
});

describe("audit log listing", () => {
  it("filters by entity, entity id, actor and time, newest first, with a limit", async () => {
    const all = await listAudit(hr, { limit: 10_000 });
    expect(all.length).toBeGreaterThan(5);
    for (let i = 1; i < all.length; i++) expect(all[i - 1]!.at >= all[i]!.at).toBe(true);
    const claims = await listAudit(hr, { entity: "claim" });
    expect(new Set(claims.map((e) => e.entity))).toEqual(new Set(["claim"]));
    expect(claims.at(-1)?.action).toBe("claim.submit");
    const byLead = await listAudit(hr, { actor: "lead:wang" });
    expect(byLead.length).toBe(claims.length);
    const one = claims.at(-1)!;
    expect((await listAudit(hr, { entityId: one.entityId })).map((e) => e.action)).toEqual([
      "claim.approve",
      "claim.submit",
    ]);
    expect(await listAudit(hr, { limit: 3 })).toEqual(all.slice(0, 3));
    const today = all[0]!.at.slice(0, 10);
    expect(await listAudit(hr, { since: today, until: today, limit: 10_000 })).toEqual(all);
    expect(await listAudit(hr, { since: "2099-01-01" })).toEqual([]);
    expect((await listAudit(hr, { since: one.at, entity: "claim" })).at(-1)?.id).toBe(one.id);
    await rejectsWith(listAudit(hr, { since: "yesterday" }), "INPUT_INVALID");
    await rejectsWith(listAudit(hr, { limit: 0 }), "INPUT_INVALID");
    await rejectsWith(listAudit(hr, { since: "2026-10-02", until: "2026-10-01" }), "INPUT_INVALID");
  });
});
