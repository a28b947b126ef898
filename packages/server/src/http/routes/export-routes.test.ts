import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, createHttpKit, type HttpKit } from "../http-test-kit.js";
import { contentDisposition } from "../send-file.js";

let k: HttpKit;
let hr: Caller;
let finance: Caller;
let lead: Caller;
let agent: Caller;
let otherAdmin: Caller;

beforeAll(async () => {
  k = await createHttpKit();
  hr = await k.as(k.logins.hr);
  finance = await k.as(k.logins.finance);
  lead = await k.as(k.logins.lead);
  agent = await k.as(k.logins.agent);
  otherAdmin = await k.as(k.other.admin, "另一家公司（测试）");
}, 60_000);
afterAll(async () => {
  await k.close();
});

const url = (kind: string, q = "") => `/api/v1/periods/2026-09/exports/${kind}${q}`;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

describe("export downloads", () => {
  it("gives finance the bank file as xlsx and csv, named in UTF-8, and refuses it to HR", async () => {
    const x = await finance.get(url("bank"));
    expect(x.statusCode).toBe(200);
    expect(x.headers["content-type"]).toBe(XLSX);
    expect(x.rawPayload.subarray(0, 2).toString()).toBe("PK");
    expect(x.headers["content-disposition"]).toBe(
      `attachment; filename="bank-2026-09.xlsx"; filename*=UTF-8''${encodeURIComponent("代发-2026-09.xlsx")}`,
    );
    const c = await finance.get(url("bank", "?format=csv"));
    expect(c.statusCode).toBe(200);
    expect(c.headers["content-type"]).toMatch(/^text\/csv/);
    expect(c.rawPayload.subarray(0, 2).toString()).not.toBe("PK");
    expect(c.body.split("\n").length).toBeGreaterThan(2);
    const refused = await hr.get(url("bank"));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe("FORBIDDEN");
    const audit = await k.store.db
      .selectFrom("audit_log")
      .select(["actor", "action"])
      .where("tenant_id", "=", k.demoTenantId)
      .where("action", "=", "export.bank")
      .execute();
    expect(audit.map((a) => a.actor)).toEqual([k.logins.finance, k.logins.finance]);
  });

  it("gives finance the IIT declaration and refuses it to HR", async () => {
    const x = await finance.get(url("iit"));
    expect(x.statusCode).toBe(200);
    expect(x.rawPayload.subarray(0, 2).toString()).toBe("PK");
    expect(x.headers["content-disposition"]).toContain(encodeURIComponent("个税扣缴申报-2026-09.xlsx"));
    const c = await finance.get(url("iit", "?format=csv"));
    expect(c.statusCode).toBe(200);
    expect(c.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(c.body).toContain("工号");
    expect((await hr.get(url("iit"))).statusCode).toBe(403);
  });

  it("gives HR and finance the register, strips, SI summary and the PDF zip", async () => {
    for (const who of [hr, finance]) {
      const reg = await who.get(url("register"));
      expect(reg.statusCode).toBe(200);
      expect(reg.rawPayload.subarray(0, 2).toString()).toBe("PK");
      expect(reg.headers["content-disposition"]).toContain(encodeURIComponent("工资表-2026-09.xlsx"));
    }
    const csv = await hr.get(url("register", "?format=csv"));
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain("合计");
    const strips = await hr.get(url("payslips", "?format=csv"));
    expect(strips.statusCode).toBe(200);
    expect(strips.body).toContain("实发工资");
    const si = await finance.get(url("si"));
    expect(si.statusCode).toBe(200);
    expect(si.rawPayload.subarray(0, 2).toString()).toBe("PK");
    const zip = await hr.get(url("payslips-pdf"));
    expect(zip.statusCode).toBe(200);
    expect(zip.headers["content-type"]).toBe("application/zip");
    expect(zip.rawPayload.subarray(0, 2).toString()).toBe("PK");
    expect(zip.headers["content-disposition"]).toContain(encodeURIComponent("工资条-2026-09.zip"));
  }, 60_000);

  it("refuses every export to a lead and an agent", async () => {
    for (const who of [lead, agent])
      for (const kind of ["register", "payslips", "payslips-pdf", "bank", "iit", "si"]) {
        const r = await who.get(url(kind));
        expect(r.statusCode, `${who.login} ${kind}`).toBe(403);
      }
  });

  it("answers a period without a run, an unknown kind and another company's period plainly", async () => {
    const none = await hr.get("/api/v1/periods/2026-10/exports/register");
    expect(none.statusCode).toBe(404);
    expect(none.json().code).toBe("NOT_FOUND");
    expect((await hr.get(url("salary"))).statusCode).toBe(422);
    expect((await hr.get(url("register", "?format=pdf"))).statusCode).toBe(422);
    const foreign = await otherAdmin.get(url("register"));
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().details).toEqual([]);
  });

  it("encodes a Chinese file name per RFC 5987 with an ASCII fallback", () => {
    expect(contentDisposition("工资表 (1).xlsx", "register.xlsx")).toBe(
      `attachment; filename="register.xlsx"; filename*=UTF-8''%E5%B7%A5%E8%B5%84%E8%A1%A8%20%281%29.xlsx`,
    );
  });
});
