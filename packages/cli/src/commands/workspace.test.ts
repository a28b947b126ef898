import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCliCaptured } from "../run-cli-captured.js";

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "xinsuan-ws-"));
});

const cli = runCliCaptured;

describe("xinsuan init / run / approve on a SQLite file", () => {
  it("init --demo (08 and 09 approved as history), then runs and approves 10", async () => {
    const db = `sqlite:${join(dir, "ws.db")}`;
    const init = await cli("init", "--demo", "--db", db);
    expect(init.err).toBe("");
    expect(init.code).toBe(0);
    expect(init.out).toContain("已载入演示公司");
    expect(init.out).toContain("2026-08、2026-09 已计算并审批");
    expect((await cli("init", "--demo", "--db", db)).out).toContain("演示公司已存在");

    const approved = await cli("run", "--period", "2026-09", "--db", db);
    expect(approved.code).toBe(7);
    expect(approved.err).toContain("已审批");

    for (const period of ["2026-10"]) {
      const r = await cli("run", "--period", period, "--db", db);
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
      expect(r.out).toMatch(new RegExp(`^${period} 算薪完成（方案第 1 版）：\\d+ 人，应发合计 [\\d.]+`));
    }
    const ok = await cli("approve", "--period", "2026-10", "--db", db);
    expect([ok.code, ok.err]).toEqual([0, ""]);
    expect(ok.out).toContain("已审批 2026-10");
    const again = await cli("run", "--period", "2026-10", "--db", db);
    expect(again.code).toBe(7);
    expect(again.err).toContain("已审批");
    const verified = await cli("verify", "--period", "2026-10", "--db", db);
    expect([verified.code, verified.err]).toEqual([0, ""]);
    expect(verified.out).toMatch(
      /^核对一致：2026-10 的算薪（[0-9a-f-]+）按保存的输入重算，每张工资条到分都相同$/,
    );
    const history = await cli("verify", "--period", "2026-09", "--db", db);
    expect([history.code, history.err]).toEqual([0, ""]);
    const none = await cli("verify", "--period", "2026-11", "--db", db);
    expect(none.code).toBe(3);
    expect(none.err).toContain("2026-11 没有已审批的算薪可供核对");
  });

  it("refuses a bad period and an empty database with the exit-code table", async () => {
    expect((await cli("run", "--period", "2026-13", "--db", `sqlite:${join(dir, "x.db")}`)).code).toBe(2);
    const none = await cli("approve", "--period", "2026-08", "--db", `sqlite:${join(dir, "empty.db")}`);
    expect([none.code, none.err]).toEqual([3, "错误：数据库中还没有公司：请先运行 xinsuan init"]);
  });
});
