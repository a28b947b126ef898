import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openServerStore, policiesForPeriod } from "@xinsuan/server";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../main.js";

let db = "";
beforeAll(async () => {
  db = `sqlite:${join(mkdtempSync(join(tmpdir(), "xinsuan-claims-")), "ws.db")}`;
  expect((await cli("init", "--demo")).code).toBe(0);
});

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...args, "--db", db], { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** Marks a period approved straight through the store (the run's figures do not matter to these commands). */
async function approvePeriod(period: string): Promise<void> {
  const store = await openServerStore(db);
  try {
    const [tenant] = await store.db.selectFrom("tenants").select("id").execute();
    const ctx = { store, tenantId: tenant!.id, actor: "test" };
    const { version } = (await policiesForPeriod(ctx, period)).all[0]!;
    const run = await store.runs.startRun(ctx.tenantId, {
      period,
      policyVersionId: version.id,
      inputsHash: "h",
    });
    await store.runs.finishRun(ctx.tenantId, run.id, run.lockToken!, { employeeCount: 0, errorCount: 0 });
    await store.runs.approveRun(ctx.tenantId, run.id, "test");
  } finally {
    await store.close();
  }
}

const idIn = (text: string): string => /([0-9a-f]{8}-[0-9a-f-]{27})/.exec(text)?.[1] ?? "";

describe("xinsuan claim / adjust / audit on a SQLite file", () => {
  it("submits, lists, approves and rejects claims; refuses a second decision", async () => {
    const base = ["--period", "2026-10", "--input", "电话成交单数_已审批", "--evidence", "REC-20261012-0042"];
    const a = await cli("claim", "submit", "--employee", "A0000001", ...base);
    expect([a.code, a.err]).toEqual([0, ""]);
    expect(a.out).toContain("A0000001");
    expect(a.out).toContain("“电话成交单数_已审批” 1，证据 REC-20261012-0042");
    const b = await cli("claim", "submit", "--employee", "A0000002", ...base, "--quantity", "2");
    const missing = await cli("claim", "submit", "--employee", "A0000001", "--period", "2026-10");
    expect([missing.code, missing.err]).toEqual([2, "错误：缺少参数 --input"]);
    const bad = await cli("claim", "submit", "--employee", "A0000001", ...base, "--quantity", "0");
    expect(bad.code).toBe(4);
    expect(bad.err).toContain("数量“0”须为大于 0 的数");

    const pending = await cli("claim", "list", "--period", "2026-10", "--status", "pending");
    expect(pending.code).toBe(0);
    expect(pending.out).toContain(idIn(a.out));
    expect(pending.out).toContain(idIn(b.out));
    expect(pending.out).toContain("共 2 条");

    const ok = await cli("claim", "approve", idIn(a.out), "--comment", "录音已核");
    expect([ok.code, ok.err]).toEqual([0, ""]);
    expect(ok.out).toMatch(/已批准，审批人 cli:\S+，意见：录音已核$/);
    const again = await cli("claim", "reject", idIn(a.out), "--comment", "x");
    expect(again.code).toBe(7);
    expect(again.err).toContain("不能再次审批");
    const noComment = await cli("claim", "reject", idIn(b.out));
    expect([noComment.code, noComment.err]).toEqual([
      4,
      "错误：驳回申报须填写意见（--comment），说明驳回原因",
    ]);
    const json = JSON.parse((await cli("claim", "list", "--period", "2026-10", "--json")).out) as {
      status: string;
      employeeNo: string;
    }[];
    expect(json.map((c) => [c.employeeNo, c.status])).toEqual([
      ["A0000001", "approved"],
      ["A0000002", "pending"],
    ]);
  });

  it("records, lists and cancels adjustments; refuses one for an unapproved period", async () => {
    const args = ["--employee", "A0000001", "--for", "2026-10", "--kind", "补发", "--amount", "300.00"];
    const early = await cli("adjust", ...args, "--reason", "10月加班费漏算");
    expect(early.code).toBe(7);
    expect(early.err).toContain("2026-10 还没有已审批的算薪");
    await approvePeriod("2026-10");
    const noReason = await cli("adjust", ...args);
    expect([noReason.code, noReason.err]).toEqual([2, "错误：缺少参数 --reason"]);
    const added = await cli("adjust", ...args, "--reason", "10月加班费漏算", "--non-taxable");
    expect([added.code, added.err]).toEqual([0, ""]);
    expect(added.out).toContain("补发 300.00（更正 2026-10，在 2026-11 发放，不计税），原因：10月加班费漏算");
    const listed = await cli("adjust", "list", "--period", "2026-11");
    expect(listed.out).toContain(idIn(added.out));
    expect(listed.out).toContain("共 1 条");
    expect((await cli("adjust", "list", "--period", "2026-12")).out).toBe("没有符合条件的调整");
    const cancelled = await cli("adjust", "cancel", idIn(added.out));
    expect([cancelled.code, cancelled.err]).toEqual([0, ""]);
    expect(cancelled.out).toContain("已撤销调整");
    expect((await cli("adjust", "cancel", idIn(added.out))).code).toBe(7);
  });

  it("shows the audit log newest first, filtered, as a table or JSON", async () => {
    const table = await cli("audit", "--entity", "adjustment");
    expect(table.code).toBe(0);
    const lines = table.out.split("\n");
    expect(lines[0]).toMatch(/^时间\s+操作人\s+操作\s+对象/);
    expect(lines[2]).toContain("adjustment.cancel");
    expect(lines[3]).toContain("adjustment.add");
    const json = JSON.parse((await cli("audit", "--entity", "claim", "--json", "--limit", "2")).out) as {
      action: string;
      after: { status?: string };
    }[];
    expect(json.map((e) => e.action)).toEqual(["claim.approve", "claim.submit"]);
    expect(json[0]?.after.status).toBe("approved");
    expect((await cli("audit", "--since", "2099-01-01")).out).toBe("审计日志中没有符合条件的记录");
    expect((await cli("audit", "--limit", "abc")).code).toBe(2);
    expect((await cli("audit", "--since", "昨天")).code).toBe(4);
  });
});
