import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  addPolicyVersion,
  importDataset,
  importEmployees,
  openServerStore,
  type ServiceContext,
} from "@xinsuan/server";
import { describe, expect, it } from "vitest";
import { runCliCaptured } from "../run-cli-captured.js";

const POLICY = `
id: review-cli-test
name: 职级测试
version: 1
effectiveFrom: 2026-01-01
description: 按职级定基本工资；得分 80 以上的初级列为晋升中级的候选
inputs:
  得分: { type: number }
tables:
  底薪表: { keys: [{ name: 职级, type: text }], value: money, rows: { 初级: 4000, 中级: 5000 } }
state:
  上月得分: { initial: 0, next: 得分 }
items:
  - { name: 基本工资, kind: earning, formula: "底薪表[职级]" }
checks:
  - { name: 晋升候选, when: 'AND(职级 = "初级", 得分 >= 80)', message: "本月得分 {得分}", grade: 中级 }
`;

const cli = runCliCaptured;

const rows = (...cells: Record<string, string>[]) => cells.map((c, i) => ({ rowNumber: i + 2, cells: c }));

describe("xinsuan review", () => {
  it("lists a period's candidates, confirms one, rejects another and refuses a second decision", async () => {
    const db = `sqlite:${join(mkdtempSync(join(tmpdir(), "xinsuan-review-")), "ws.db")}`;
    expect((await cli("init", "--db", db, "--company", "测试公司")).code).toBe(0);
    const store = await openServerStore(db);
    try {
      const tenant = await store.db.selectFrom("tenants").select("id").executeTakeFirstOrThrow();
      const ctx: ServiceContext = { store, tenantId: tenant.id, actor: "hr:test" };
      await addPolicyVersion(ctx, { yaml: POLICY, file: "p.yaml", effectiveFrom: "2026-01-01" });
      const staff = (工号: string, 姓名: string) => ({
        工号,
        姓名,
        职级: "初级",
        用工类型: "全职",
        入职日期: "2026-01-05",
      });
      await importEmployees(ctx, {
        file: "员工.csv",
        rows: rows(staff("E1", "张三"), staff("E2", "李四"), staff("E3", "王五")),
      });
      await importDataset(ctx, {
        period: "2026-09",
        kind: "scores",
        file: "得分.csv",
        rows: rows({ 工号: "E1", 得分: "85" }, { 工号: "E2", 得分: "90" }, { 工号: "E3", 得分: "70" }),
      });
    } finally {
      await store.close();
    }

    expect((await cli("review", "--db", db)).code).toBe(2);
    const early = await cli("review", "--period", "2026-09", "--db", db);
    expect([early.code, early.err]).toEqual([
      7,
      "错误：2026-09 还没有算好的工资（需已计算或已审批），请先运行 xinsuan run --period 2026-09",
    ]);
    expect((await cli("run", "--period", "2026-09", "--db", db)).code).toBe(0);

    const list = await cli("review", "--period", "2026-09", "--db", db);
    expect([list.code, list.err]).toEqual([0, ""]);
    const lines = list.out.split("\n");
    expect(lines[0]).toBe("2026-09 晋升/降级候选 2 条，待审批 2 条：");
    expect(lines[1]).toMatch(
      /^[0-9a-f-]{36} {2}E1 张三 {2}晋升候选 {2}初级 → 中级 {2}待审批 {2}理由：本月得分 85$/,
    );
    expect(lines[2]).toMatch(
      /^[0-9a-f-]{36} {2}E2 李四 {2}晋升候选 {2}初级 → 中级 {2}待审批 {2}理由：本月得分 90$/,
    );
    const [id1, id2] = [lines[1]!.slice(0, 36), lines[2]!.slice(0, 36)];

    const ok = await cli("review", "confirm", id1, "--comment", "主管推荐", "--db", db);
    expect([ok.code, ok.err, ok.out]).toEqual([
      0,
      "",
      "已确认：E1 张三 初级 → 中级，自 2026-10-01 起生效（下个期间的算薪使用新职级）",
    ]);
    const no = await cli("review", "reject", id2, "--comment", "有投诉", "--db", db);
    expect(no.out).toBe("已驳回：E2 李四 的“晋升候选”（2026-09），原因：有投诉");
    const twice = await cli("review", "confirm", id2, "--db", db);
    expect(twice.code).toBe(4);
    expect(twice.err).toMatch(/^错误：E2 李四 的“晋升候选”（2026-09）已于 .* 驳回，不能再次审批$/);

    const after = await cli("review", "--period", "2026-09", "--db", db);
    expect(after.out.split("\n")[0]).toBe("2026-09 晋升/降级候选 2 条，待审批 0 条：");
    expect(after.out).toContain("已确认（cli:");
    expect(after.out).toMatch(/已驳回（cli:[^：]+：有投诉）/);
  });
});
