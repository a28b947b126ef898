import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openServerStore } from "@xinsuan/server";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { runCliCaptured } from "../run-cli-captured.js";

let dir = "";
let db = "";

const cli = runCliCaptured;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "xinsuan-bank-cli-"));
  db = `sqlite:${join(dir, "ws.db")}`;
  const init = await cli("init", "--demo", "--db", db);
  expect([init.code, init.err]).toEqual([0, ""]);
}, 120_000);

describe("xinsuan export bank", () => {
  it("refuses while employees lack bank accounts, lists them, then exports once they are imported", async () => {
    const out = join(dir, "代发-2026-08.xlsx");
    // init --demo gives everyone a fake account: take two away, as a roster without them would leave it.
    const store = await openServerStore(db);
    try {
      const tenant = await store.db.selectFrom("tenants").select("id").executeTakeFirstOrThrow();
      for (const no of ["A0000001", "A0000002"])
        await store.db
          .updateTable("employees")
          .set({ bank_account_enc: null })
          .where("tenant_id", "=", tenant.id)
          .where("employee_no", "=", no)
          .execute();
    } finally {
      await store.close();
    }
    const refused = await cli("export", "bank", "--period", "2026-08", "--out", out, "--db", db);
    expect(refused.code).toBe(4);
    expect(existsSync(out)).toBe(false);
    const missing = [...refused.err.matchAll(/^ {2}(\S+) (\S+)：没有银行卡号/gm)].map((m) => [m[1]!, m[2]!]);
    expect(missing.map((m) => m[0])).toEqual(["A0000001", "A0000002"]);
    expect(refused.err).toContain(`${missing.length} 人缺银行卡号`);

    // the roster import is how HR fills the accounts in
    const roster = join(dir, "accounts.csv");
    const lines = missing.map(
      ([no, name], i) => `${no},${name},6222020200${String(i).padStart(9, "0")},中国银行北京分行`,
    );
    writeFileSync(roster, `工号,姓名,银行卡号,开户行\n${lines.join("\n")}\n`);
    const imported = await cli("import", "employees", roster, "--db", db);
    expect([imported.code, imported.err]).toEqual([0, ""]);

    const ok = await cli("export", "bank", "--period", "2026-08", "--out", out, "--db", db);
    expect([ok.code, ok.err]).toEqual([0, ""]);
    const [, count, total] = /：(\d+) 笔，合计 ([\d.]+)/.exec(ok.out)!;
    const register = join(dir, "工资表.csv");
    expect((await cli("export", "register", "--period", "2026-08", "--out", register, "--db", db)).code).toBe(
      0,
    );
    expect(readFileSync(register, "utf8")).toContain(`,${total}\r\n`); // the register's 实发 合计, last column

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, "账号", "户名", "金额", "开户行", "用途"]);
    expect(sheet.rowCount).toBe(Number(count) + 2);
    expect(sheet.getRow(2).getCell(1).value).toMatch(/^6222020200\d{9}$/); // A0000001's account from the import
    expect(sheet.getRow(4).getCell(1).value).toMatch(/^6200000000000\d{6}$/); // the demo's fake one
    expect((sheet.getRow(sheet.rowCount).getCell(3).value as number).toFixed(2)).toBe(total);
  });

  it("takes a built-in template by name and a purpose; refuses an unknown template (exit 3)", async () => {
    const out = join(dir, "代发.csv");
    const r = await cli(
      "export",
      "bank",
      "--period",
      "2026-08",
      "--out",
      out,
      "--template",
      "serial-remark",
      "--purpose",
      "八月工资",
      "--db",
      db,
    );
    expect([r.code, r.err]).toEqual([0, ""]);
    const text = readFileSync(out, "utf8");
    expect(text.startsWith("\uFEFF序号,收款账号,收款户名,金额,币种,备注\r\n1,")).toBe(true);
    expect(text).toContain(",人民币,八月工资\r\n");
    const bad = await cli(
      "export",
      "bank",
      "--period",
      "2026-08",
      "--out",
      out,
      "--template",
      "nope",
      "--db",
      db,
    );
    expect(bad.code).toBe(3);
    const draft = await cli("export", "bank", "--period", "2026-10", "--out", join(dir, "x.csv"), "--db", db);
    expect(draft.code).not.toBe(0);
  });
});
