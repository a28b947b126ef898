import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiOf } from "./e2e-api.js";
import { type E2e, startE2e } from "./e2e-kit.js";

let e: E2e;
let dir: string;
beforeAll(async () => {
  e = await startE2e();
  dir = mkdtempSync(join(tmpdir(), "xinsuan-e2e-files-"));
}, 180_000);
afterAll(async () => {
  await e?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

type Employee = { no: string; name: string; hireDate: string | null };

/** The demo's 2026-10 attendance as a CSV; `bad` puts a non-number into 出勤天数 of the second data row (row 3). */
function attendanceCsv(staff: Employee[], bad: boolean): string {
  const lines = staff.map((s, i) => {
    const days = bad && i === 1 ? "二十一" : String(20 + (i % 3));
    return [s.no, s.name, days, String(150 + (i % 20)), String(19 + (i % 3))].join(",");
  });
  return `${["工号,姓名,出勤天数,在线时长,日志提交天数", ...lines].join("\n")}\n`;
}

describe("HR runs October and finance approves it", () => {
  it("imports attendance (row error, then fixed), runs, explains a row; HR cannot approve, finance can", async () => {
    const hr = await e.signIn(e.logins.hr);
    const api = await apiOf(hr);
    const page = await api.get<{ items: Employee[] }>("/api/v1/employees?status=all&limit=500");
    const staff = page.items.filter((s) => (s.hireDate ?? "") <= "2026-10-31");
    expect(staff.length).toBeGreaterThan(50);
    const badFile = join(dir, "考勤-2026-10-有错.csv");
    const goodFile = join(dir, "考勤-2026-10.csv");
    writeFileSync(badFile, attendanceCsv(staff, true));
    writeFileSync(goodFile, attendanceCsv(staff, false));

    await hr.goto(`${e.url}/payroll/2026-10`);
    expect(await hr.getByTestId("run-status").textContent()).toBe("未算薪");
    const upload = hr.getByTestId("dataset-upload-attendance").locator('input[type="file"]');
    await upload.setInputFiles(badFile);
    const errors = hr.getByTestId("import-errors");
    await errors.waitFor();
    const errorRow = errors.locator("tbody tr").filter({ hasText: "出勤天数" });
    await expect.poll(() => errorRow.count()).toBe(1);
    expect(await errorRow.locator("td").first().textContent()).toBe("3");
    await e.shot(hr, "hr-import-error");

    await upload.setInputFiles(goodFile);
    await hr.getByTestId("dataset-list").getByText("考勤-2026-10.csv").waitFor();
    expect(await errors.count()).toBe(0);

    await hr.getByTestId("run-start").click();
    await hr
      .getByTestId("run-progress")
      .waitFor({ timeout: 5_000 })
      .catch(() => {}); // a fast run may skip it
    await hr.getByTestId("run-progress").waitFor({ state: "detached", timeout: 90_000 });
    await hr.getByTestId("register-table").waitFor();
    await expect.poll(() => hr.locator("[data-employee]").count()).toBeGreaterThan(5);
    expect(await hr.getByTestId("run-status").textContent()).toContain("已计算");
    await e.shot(hr, "hr-register");

    await hr.locator("[data-employee]").first().click();
    const drawer = hr.getByTestId("explain-drawer");
    await drawer.locator('[data-testid^="payslip-line-"]').first().waitFor();
    await drawer.locator('[data-testid^="payslip-line-"]').first().click();
    await drawer.getByTestId("payslip-line-sentence").first().waitFor();
    expect((await drawer.getByTestId("payslip-line-sentence").first().textContent())?.length).toBeGreaterThan(
      4,
    );
    await e.shot(hr, "hr-explain-drawer");
    await hr.keyboard.press("Escape");

    expect(await hr.getByTestId("run-approve").count()).toBe(0);
    await expect(api.post("/api/v1/periods/2026-10/approve")).rejects.toThrow(/→ 403/);

    const finance = await e.signIn(e.logins.finance);
    await finance.goto(`${e.url}/payroll/2026-10`);
    await finance.getByTestId("run-approve").click();
    await finance.locator(".ant-popconfirm .ant-btn-primary").click();
    await finance.getByTestId("run-status").getByText("已审批").waitFor();
    expect(await finance.getByTestId("run-approve").count()).toBe(0);
    await finance.evaluate("window.scrollTo(0, 0)"); // the popconfirm scrolled the page
    await e.shot(finance, "finance-approved");
  }, 240_000);
});
