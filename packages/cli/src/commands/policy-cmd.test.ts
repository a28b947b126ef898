import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCliCaptured } from "../run-cli-captured.js";

const cli = runCliCaptured;

describe("xinsuan policy", () => {
  it("adds versions from a template and a file, lists them, assigns one, and refuses bad input", async () => {
    const dir = mkdtempSync(join(tmpdir(), "xinsuan-policy-"));
    const db = `sqlite:${join(dir, "ws.db")}`;
    expect((await cli("init", "--db", db, "--company", "测试公司")).code).toBe(0);
    expect((await cli("policy", "list", "--db", db)).out).toContain("还没有薪酬方案");

    const added = await cli("policy", "add", "welfare-6tier", "--from", "2026-01-01", "--db", db);
    expect(added.code).toBe(0);
    expect(added.out).toContain("已保存方案第 1 版，自 2026-01-01 起生效");

    const midMonth = await cli("policy", "add", "welfare-6tier", "--from", "2026-11-16", "--db", db);
    expect(midMonth.out).toContain("2026-11 将分段计算");

    const broken = join(dir, "broken.yaml");
    writeFileSync(broken, "id: x\nname: 坏方案\n");
    const bad = await cli("policy", "add", broken, "--from", "2026-12-01", "--db", db);
    expect(bad.code).toBe(3);
    expect(bad.err).toContain("未保存");
    expect((await cli("policy", "add", "no-such-template", "--from", "2026-12-01", "--db", db)).code).toBe(3);
    expect((await cli("policy", "add", "welfare-6tier", "--db", db)).code).toBe(2);

    const partTime = await cli(
      "policy",
      "add",
      "part-time",
      "--from",
      "2026-01-01",
      "--name",
      "兼职方案",
      "--db",
      db,
    );
    expect(partTime.code).toBe(0);
    const unknown = await cli(
      "policy",
      "assign",
      "兼职方案",
      "--employee",
      "P001",
      "--from",
      "2026-11-01",
      "--db",
      db,
    );
    expect(unknown.code).toBe(3);
    expect(unknown.err).toContain("没有工号“P001”");

    const list = await cli("policy", "list", "--db", db);
    expect(list.out).toContain("（默认：未分配到其他方案的员工都按它计薪）");
    expect(list.out).toMatch(/第 1 版 {2}2026-01-01 至 2026-11-15/);
    expect(list.out).toMatch(/第 2 版 {2}2026-11-16 至 今后/);
    expect(list.out).toContain("「兼职方案」 模板 part-time");
  });
});

describe("xinsuan deduction", () => {
  it("records a declaration, lists it, and refuses an unknown kind or employee", async () => {
    const dir = mkdtempSync(join(tmpdir(), "xinsuan-deduction-"));
    const db = `sqlite:${join(dir, "ws.db")}`;
    expect((await cli("init", "--demo", "--db", db)).code).toBe(0);
    const add = [
      "deduction",
      "add",
      "--employee",
      "A0000001",
      "--amount",
      "2000",
      "--from",
      "2026-10",
      "--db",
      db,
    ];
    const ok = await cli(...add, "--kind", "子女教育");
    expect([ok.code, ok.err]).toEqual([0, ""]);
    expect(ok.out).toContain("子女教育 每月 2000，2026-10 起");
    expect((await cli(...add, "--kind", "买房")).code).toBe(4);
    const none = await cli(
      "deduction",
      "add",
      "--employee",
      "Z9",
      "--kind",
      "子女教育",
      "--amount",
      "1",
      "--from",
      "2026-10",
      "--db",
      db,
    );
    expect(none.code).toBe(3);
    const list = await cli("deduction", "list", "--db", db);
    expect(list.out).toMatch(/^A0000001 \S+ {2}子女教育 {2}每月 2000\.00 {2}2026-10 至 今后\n共 1 条$/);
    // The demo's KPI file also gives 专项附加扣除 (0): the run refuses rather than pick one silently.
    const run = await cli("run", "--period", "2026-10", "--db", db);
    expect(run.code).toBe(7);
    expect(run.err).toContain("A0000001");
    expect(run.err).toContain("申报合计 2000.00，导入的数据为 0");
  });
});
