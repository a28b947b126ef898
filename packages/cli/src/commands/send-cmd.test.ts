import { mkdtempSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openServerStore } from "@xinsuan/server";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCliCaptured } from "../run-cli-captured.js";

let dir = "";
let db = "";
let server: SMTPServer;
const rcpt: string[] = [];
const mailed: string[] = [];

const cli = runCliCaptured;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "xinsuan-send-cli-"));
  db = `sqlite:${join(dir, "ws.db")}`;
  expect((await cli("init", "--demo", "--db", db)).code).toBe(0);
  const store = await openServerStore(db);
  const [tenant] = await store.db.selectFrom("tenants").select("id").execute();
  for (const e of (await store.employees.list(tenant!.id)).slice(0, 2)) {
    mailed.push(e.employeeNo);
    await store.employees.update(tenant!.id, e.employeeNo, { email: `${e.employeeNo}@demo.example` });
  }
  // init --demo gives everyone an example.com address: keep only the two above, so the rest are "没有邮箱".
  await store.db
    .updateTable("employees")
    .set({ email: null })
    .where("tenant_id", "=", tenant!.id)
    .where("employee_no", "not in", mailed)
    .execute();
  await store.close();
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _s, cb) {
      rcpt.push(address.address);
      cb();
    },
    onData(stream, _s, cb) {
      stream.resume();
      stream.on("end", () => cb());
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
}, 120_000);
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("xinsuan send", () => {
  it("needs XINSUAN_SMTP_URL", async () => {
    delete process.env.XINSUAN_SMTP_URL;
    const r = await cli("send", "payslips", "--period", "2026-08", "--db", db);
    expect(r.code).toBe(2);
    expect(r.err).toContain("XINSUAN_SMTP_URL");
  });

  it("queues and sends the approved period's PDF payslips, then shows the log; a second run sends nothing", async () => {
    const port = (server.server.address() as AddressInfo).port;
    process.env.XINSUAN_SMTP_URL = `smtp://127.0.0.1:${port}`;
    process.env.XINSUAN_MAIL_FROM = "hr@demo.example";
    try {
      const r = await cli("send", "payslips", "--period", "2026-08", "--db", db);
      expect([r.code, r.err]).toEqual([0, ""]);
      expect(r.out).toMatch(/新排队 2 封/);
      expect(r.out).toMatch(/\d+ 人没有邮箱，未发送/);
      expect(r.out).toContain("本次发送：成功 2 封，稍后重试 0 封，失败 0 封");
      expect(rcpt.sort()).toEqual(mailed.map((no) => `${no}@demo.example`).sort());
      const again = await cli("send", "payslips", "--period", "2026-08", "--db", db);
      expect(again.out).toMatch(/新排队 0 封，重新排队 0 封，已在队列或已发送 2 封/);
      expect(rcpt).toHaveLength(2);
      const s = await cli("send", "status", "--period", "2026-08", "--db", db);
      expect(s.code).toBe(0);
      expect(s.out).toContain("共 2 封：已发送 2，待发送 0，发送失败 0");
      for (const no of mailed) expect(s.out).toContain(`${no}@demo.example`);
    } finally {
      delete process.env.XINSUAN_SMTP_URL;
      delete process.env.XINSUAN_MAIL_FROM;
    }
  }, 120_000);
});
