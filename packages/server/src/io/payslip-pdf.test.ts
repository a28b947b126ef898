import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { clipText, groupDigits, type PayslipPdf, renderPayslipPdf } from "./payslip-pdf.js";
import { displayWidth } from "./text-width.js";

const dir = mkdtempSync(join(tmpdir(), "payslip-pdf-io-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** pdftotext of the bytes; fails with a clear message when poppler-utils is not installed. */
function pdfText(bytes: Uint8Array, password?: string): { status: number; text: string } {
  const file = join(dir, `p-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  const r = spawnSync("pdftotext", [...(password ? ["-upw", password] : []), "-layout", file, "-"], {
    encoding: "utf8",
  });
  if (r.error && (r.error as NodeJS.ErrnoException).code === "ENOENT")
    throw new Error(
      "pdftotext is missing: install Debian's poppler-utils (apt-get install -y poppler-utils)",
    );
  return { status: r.status ?? -1, text: r.stdout };
}

const base: PayslipPdf = {
  company: "测试科技有限公司",
  period: "2026-08",
  employeeNo: "E007",
  name: "欧阳娜娜",
  team: "华东一组",
  lines: [
    { name: "底薪", kind: "earning", amount: "12345.60", explanation: "底薪标准[专员] 12345.60" },
    { name: "迟到扣款", kind: "deduction", amount: "50.00", explanation: "迟到次数 2 × 25.00" },
    { name: "个人所得税", kind: "withholding", amount: "120.37", explanation: "累计应纳税额 − 已预扣" },
  ],
  gross: "12345.60",
  deductions: "170.37",
  net: "12175.23",
  runId: "run-0001",
};

describe("groupDigits / clipText", () => {
  it("groups thousands as the register's #,##0.00 shows them", () => {
    expect(groupDigits("0.00")).toBe("0.00");
    expect(groupDigits("999.99")).toBe("999.99");
    expect(groupDigits("1000")).toBe("1,000");
    expect(groupDigits("-1234567.8912")).toBe("-1,234,567.8912");
    expect(groupDigits("abc")).toBe("abc");
  });

  it("cuts text to a display width (CJK counts 2) with an ellipsis", () => {
    expect(clipText("底薪  标准\n100", 40)).toBe("底薪 标准 100");
    const cut = clipText("岗位工资 = 级别工资[E] 800.00 × 阶系数[3] 75%", 12);
    expect(cut).toBe("岗位工资 =…");
    expect(displayWidth(cut)).toBeLessThanOrEqual(12);
  });
});

describe("renderPayslipPdf", () => {
  it("sets the title, the employee, every line by section and the totals in text a reader extracts", async () => {
    const { status, text } = pdfText(await renderPayslipPdf(base));
    expect(status).toBe(0);
    expect(text).toContain("测试科技有限公司");
    expect(text).toContain("2026-08 工资条");
    expect(text).toMatch(/工号：E007\s+姓名：欧阳娜娜\s+团队：华东一组/);
    expect(text).toMatch(/应发项目[\s\S]*底薪\s+12,345\.60\s+底薪标准\[专员\] 12345\.60/);
    expect(text).toMatch(/扣款项目[\s\S]*迟到扣款\s+50\.00/);
    expect(text).toMatch(/代扣代缴[\s\S]*个人所得税\s+120\.37/);
    expect(text).not.toContain("其他信息");
    expect(text).toMatch(/应发工资\s+12,345\.60/);
    expect(text).toMatch(/扣款合计\s+170\.37/);
    expect(text).toMatch(/实发工资\s+12,175\.23/);
    expect(text).toContain("算薪批次 run-0001 · 第 1/1 页 · 如有疑问请联系人事");
  });

  it("lays out a 2-character name and a team-less employee", async () => {
    const { text } = pdfText(await renderPayslipPdf({ ...base, name: "王五", team: "" }));
    expect(text).toMatch(/姓名：王五\s+团队：—/);
  });

  it("continues a long payslip on a second page, footer on each", async () => {
    const lines = Array.from({ length: 45 }, (_, i) => ({
      name: `补贴${i + 1}`,
      kind: "earning" as const,
      amount: "10.00",
      explanation: "很长的说明".repeat(20),
    }));
    const { text } = pdfText(await renderPayslipPdf({ ...base, lines }));
    for (const l of lines) expect(text).toMatch(new RegExp(`${l.name}\\s+10\\.00`));
    const pages = text.split("\f").filter((p) => p.trim() !== "");
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const [i, p] of pages.entries()) expect(p).toContain(`第 ${i + 1}/${pages.length} 页`);
    expect(pages.at(-1)).toMatch(/实发工资\s+12,175\.23/);
    // explanations are cut, not run over the page
    expect(text).toContain("…");
  });

  it("encrypts with AES-256: no text without the password, all of it with", async () => {
    const bytes = await renderPayslipPdf(base, { password: "12345X" });
    const raw = Buffer.from(bytes).toString("latin1");
    expect(raw.startsWith("%PDF-1.7")).toBe(true);
    expect(raw).toMatch(/\/CFM \/AESV3/);
    expect(pdfText(bytes).status).not.toBe(0);
    expect(pdfText(bytes, "12345x").status).not.toBe(0);
    const opened = pdfText(bytes, "12345X");
    expect(opened.status).toBe(0);
    expect(opened.text).toMatch(/实发工资\s+12,175\.23/);
  });
});
