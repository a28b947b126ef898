import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "../app-error.js";
import { BANK_TEMPLATES_DIR, loadBankTemplate, parseBankTemplate } from "./bank-template.js";
import { bankAmount } from "./write-bank-file.js";

describe("bank templates", () => {
  it("every built-in template is valid and has an account and an amount column", async () => {
    const files = readdirSync(BANK_TEMPLATES_DIR).filter((f) => f.endsWith(".yaml"));
    expect(files.sort()).toEqual(["generic.yaml", "header-summary.yaml", "serial-remark.yaml"]);
    for (const f of files) {
      const t = parseBankTemplate(readFileSync(join(BANK_TEMPLATES_DIR, f), "utf8"), f);
      expect(t.columns.map((c) => c.source)).toContain("账号");
      expect(t.columns.map((c) => c.source)).toContain("金额");
    }
    const generic = await loadBankTemplate();
    expect(generic.columns.map((c) => c.header)).toEqual(["账号", "户名", "金额", "开户行", "用途"]);
    expect([generic.amount, generic.total, generic.encoding]).toEqual(["yuan", "bottom", "utf-8-bom"]);
  });

  it("lists every problem of a bad template with its path", () => {
    const text = [
      "name: 坏模板",
      "amount: cents",
      "columns:",
      "  - { header: 身份证, source: 身份证号 }",
      "  - { header: 币种 }",
    ].join("\n");
    const e = (() => {
      try {
        parseBankTemplate(text, "bad.yaml");
      } catch (x) {
        return x as AppError;
      }
      throw new Error("not refused");
    })();
    expect(e).toBeInstanceOf(AppError);
    expect(e.code).toBe("INPUT_INVALID");
    const where = e.details.map((d) => d.zh.split("：")[0]);
    expect(where).toContain("bad.yaml amount");
    expect(where).toContain("bad.yaml columns.0.source"); // 身份证号 is not a bank-file field
    expect(where).toContain("bad.yaml columns.1"); // neither source nor value
    expect(() => parseBankTemplate("name: [", "x.yaml")).toThrow(AppError);
  });

  it("converts amounts to 分 exactly", () => {
    expect(bankAmount("0.07", "fen")).toBe("7");
    expect(bankAmount("12345678901234.56", "fen")).toBe("1234567890123456");
    expect(bankAmount("1.5", "yuan")).toBe("1.50");
  });
});
