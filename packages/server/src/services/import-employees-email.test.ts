/**
 * The roster's 邮箱 column (for the PDF 工资条 e-mail): imported, kept when a later roster leaves it blank,
 * replaced when given, and a malformed address refused with its row and column, nothing written.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openServerStore, type ServerStore, type ServiceContext } from "../context.js";
import { DEMO_POLICY_FILE, demoPolicyText } from "../demo/demo-policy.js";
import { addPolicyVersion } from "./add-policy-version.js";
import { importEmployees, type RosterRow } from "./import-employees.js";
import { ensureTenant } from "./init-workspace.js";

const roster = (cells: Record<string, string>[]): RosterRow[] =>
  cells.map((c, i) => ({ rowNumber: i + 2, cells: c }));

let store: ServerStore;
let ctx: ServiceContext;
beforeAll(async () => {
  store = await openServerStore("sqlite::memory:", { ephemeralKey: true });
  const { tenant } = await ensureTenant(store, "邮箱公司");
  ctx = { store, tenantId: tenant.id, actor: "hr:test" };
  await addPolicyVersion(ctx, {
    yaml: demoPolicyText(),
    file: DEMO_POLICY_FILE,
    effectiveFrom: "2026-01-01",
  });
});
afterAll(() => store.close());

describe("importEmployees: 邮箱", () => {
  it("imports addresses, keeps them when blank and replaces them when given", async () => {
    await importEmployees(ctx, {
      file: "员工.csv",
      rows: roster([
        { 工号: "E1", 姓名: "张三", 邮箱: "zhang.san@example.cn" },
        { 工号: "E2", 姓名: "李四", 邮箱: "" },
      ]),
    });
    expect((await store.employees.getByNo(ctx.tenantId, "E1")).email).toBe("zhang.san@example.cn");
    expect((await store.employees.getByNo(ctx.tenantId, "E2")).email).toBeNull();
    await importEmployees(ctx, {
      file: "员工.csv",
      rows: roster([
        { 工号: "E1", 姓名: "张三" },
        { 工号: "E2", 姓名: "李四", 邮箱: "li4@example.cn" },
      ]),
    });
    expect((await store.employees.getByNo(ctx.tenantId, "E1")).email).toBe("zhang.san@example.cn");
    expect((await store.employees.getByNo(ctx.tenantId, "E2")).email).toBe("li4@example.cn");
  });

  it("refuses a malformed address naming the row and column, and writes nothing", async () => {
    const bad = importEmployees(ctx, {
      file: "员工.csv",
      rows: roster([
        { 工号: "E1", 姓名: "张三", 邮箱: "new@example.cn" },
        { 工号: "E3", 姓名: "王五", 邮箱: "wang5@example" },
        { 工号: "E4", 姓名: "赵六", 邮箱: "a@b.cn, c@d.cn" },
      ]),
    });
    await expect(bad).rejects.toMatchObject({ code: "INPUT_INVALID" });
    const err = await bad.catch((e: { details?: unknown; zh?: string }) => e);
    const text = JSON.stringify(err);
    expect(text).toContain("第3行 “邮箱”列");
    expect(text).toContain("第4行 “邮箱”列");
    expect((await store.employees.getByNo(ctx.tenantId, "E1")).email).toBe("zhang.san@example.cn");
    expect(await store.employees.findByNo(ctx.tenantId, "E3")).toBeUndefined();
  });
});
