import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiOf } from "./e2e-api.js";
import { type E2e, PHONE, startE2e } from "./e2e-kit.js";

let e: E2e;
beforeAll(async () => {
  e = await startE2e();
}, 180_000);
afterAll(async () => e?.close());

/** The page's level-3/4 heading with this text. */
function heading(page: Page, name: string | RegExp) {
  return page.getByRole("heading", { name }).first();
}

/** Rows of an antd table (by test id) once it has data. */
async function rowsOf(page: Page, testId: string): Promise<number> {
  const rows = page.getByTestId(testId).locator("tbody tr.ant-table-row");
  await rows.first().waitFor();
  return rows.count();
}

/** Opens an antd Select by its test id and picks the first visible option containing `text`. */
async function pick(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page
    .locator(".ant-select-dropdown:visible .ant-select-item-option")
    .filter({ hasText: text })
    .first()
    .click();
}

describe("a tour of the main pages", () => {
  it("admin: dashboard, employees, an employee, users", async () => {
    const page = await e.signIn(e.logins.admin);
    await page.getByTestId("dashboard-kpi-headcount").waitFor();
    expect(Number(await page.getByTestId("dashboard-kpi-headcount").textContent())).toBeGreaterThan(50);
    await page.getByTestId("dashboard-chart-team").locator("canvas").first().waitFor();
    await page.getByTestId("dashboard-chart-trend").locator("canvas").first().waitFor();
    await e.shot(page, "tour-admin-dashboard");

    await page.goto(`${e.url}/employees`);
    await heading(page, "员工").waitFor();
    expect(await rowsOf(page, "employee-table")).toBeGreaterThan(5);
    await e.shot(page, "tour-admin-employees");

    await page.goto(`${e.url}/employees/${e.logins.agent}`);
    await page.getByTestId("employee-detail").waitFor();
    await page.getByTestId("employee-detail").getByText(e.logins.agent).first().waitFor();
    await page.getByTestId("grade-timeline").waitFor();
    await e.shot(page, "tour-admin-employee-detail");

    await page.goto(`${e.url}/users`);
    await heading(page, "用户").waitFor();
    expect(await rowsOf(page, "users-table")).toBeGreaterThanOrEqual(5);
    await e.shot(page, "tour-admin-users");
    expect(await page.getByTestId(`user-role-${e.logins.lead}`).textContent()).toContain("主管");
    expect(await page.locator('[data-testid^="user-role-"]').count()).toBeGreaterThanOrEqual(50);
  }, 120_000);

  it("hr: policies, the editor with a broken formula, preview, diff, payroll, reviews, questions", async () => {
    // An open question for the 员工提问 page, asked by the agent on their September payslip.
    const agent = await e.signIn(e.logins.agent, PHONE);
    const agentApi = await apiOf(agent);
    const slip = await agentApi.get<{ lines: { name: string }[] }>(
      `/api/v1/payslips/2026-09/${e.logins.agent}`,
    );
    await agentApi.post(`/api/v1/payslips/2026-09/${e.logins.agent}/questions`, {
      line: slip.lines[0]?.name,
      text: "九月的绩效奖金为什么比八月少？",
    });

    const page = await e.signIn(e.logins.hr);
    await page.goto(`${e.url}/policies`);
    await heading(page, "薪酬方案").waitFor();
    await page.getByTestId("policy-list").locator('[data-testid^="policy-open-"]').first().waitFor();
    await page.getByRole("tab", { name: "模板库" }).click();
    await page.getByTestId("template-welfare-6tier").waitFor();
    expect(
      await page.getByTestId("template-gallery").locator('[data-testid^="template-use-"]').count(),
    ).toBeGreaterThan(0);
    await e.shot(page, "tour-hr-policies-gallery");

    await page.getByTestId("template-use-welfare-6tier").click();
    await page.getByTestId("policy-editor").waitFor();
    await page.getByTestId("policy-ok").waitFor();

    await page.getByRole("tab", { name: "预览" }).click();
    await pick(page, "preview-employee", e.logins.agent);
    await pick(page, "preview-period", "2026年9月");
    await page.getByTestId("preview-run").click();
    const preview = page.getByTestId("policy-preview");
    await preview.locator('[data-testid^="payslip-line-"]').first().waitFor();
    await e.shot(page, "tour-hr-policy-preview");

    await page.getByRole("tab", { name: "源码" }).click();
    const source = page.getByTestId("policy-source");
    const text = await source.inputValue();
    expect(text).toContain("formula: GROUPSUM(来电量)");
    await source.fill(text.replace("formula: GROUPSUM(来电量)", "formula: GROUPSUM(来电量 +"));
    await page.getByTestId("policy-problem").first().waitFor();
    expect(await page.getByTestId("policy-ok").count()).toBe(0);
    await source.evaluate(
      (el, at) => {
        el.scrollTop = el.scrollHeight * at; // show the broken line, not the end of the text
      },
      (text.slice(0, text.indexOf("GROUPSUM(来电量)")).split("\n").length - 8) / text.split("\n").length,
    );
    await e.shot(page, "tour-hr-policy-broken-formula");

    await page.getByRole("tab", { name: "对比" }).click();
    await page.getByTestId("policy-diff").getByText("GROUPSUM(来电量 +").first().waitFor();
    await e.shot(page, "tour-hr-policy-diff");

    page.once("dialog", (d) => void d.accept()); // leaving the unsaved editor asks first
    await page.goto(`${e.url}/payroll`);
    await heading(page, "算薪").waitFor();
    expect(await rowsOf(page, "period-list")).toBeGreaterThanOrEqual(3);
    await page.getByTestId("period-list").getByText("2026年9月").waitFor();
    await e.shot(page, "tour-hr-payroll-periods");

    await page.goto(`${e.url}/reviews`);
    await heading(page, "晋升").waitFor();
    // The demo's September has no promotion candidates: the picked month and the table's empty state show.
    expect(await page.getByTestId("reviews-period").textContent()).toContain("2026年");
    const reviews = page.getByTestId("reviews-table");
    await reviews
      .locator("tr.ant-table-row")
      .or(reviews.getByText("本月没有晋升或降级候选人"))
      .first()
      .waitFor();
    await e.shot(page, "tour-hr-reviews");

    await page.goto(`${e.url}/questions`);
    await heading(page, "员工提问").waitFor();
    await page.getByText("九月的绩效奖金为什么比八月少？").waitFor();
    await e.shot(page, "tour-hr-questions");
  }, 180_000);

  it("finance: September with the export menu open, and the period list in English", async () => {
    const page = await e.signIn(e.logins.finance);
    await page.goto(`${e.url}/payroll/2026-09`);
    await page.getByTestId("run-status").getByText("已审批").waitFor();
    await page.getByTestId("register-table").waitFor();
    await page.getByTestId("export-menu").click();
    await page.locator('.ant-dropdown:visible [data-testid^="export-"]').first().waitFor();
    expect(
      await page.locator('.ant-dropdown:visible [data-testid^="export-"]').count(),
    ).toBeGreaterThanOrEqual(3);
    await e.shot(page, "tour-finance-period-export");

    await page.goto(`${e.url}/payroll`);
    await page.getByTestId("lang-switch").getByText("EN").click();
    await heading(page, "Payroll").waitFor();
    await page.getByTestId("period-list").getByText("September 2026").waitFor();
    await e.shot(page, "tour-finance-payroll-en");
  });

  it("lead: team scores and the pool", async () => {
    const page = await e.signIn(e.logins.lead);
    await page.goto(`${e.url}/team`);
    await heading(page, "我的团队").waitFor();
    await pick(page, "team-period", "2026年9月");
    await page.locator('[data-testid^="score-"]').first().waitFor();
    expect(await page.locator('[data-testid^="score-"]').count()).toBeGreaterThan(5);
    await page.getByTestId("pool-chart").locator("canvas").first().waitFor();
    await e.shot(page, "tour-lead-team");
  });

  it("agent on a phone: my payslips and the tax calculator", async () => {
    const page = await e.signIn(e.logins.agent, PHONE);
    await page.waitForURL(/\/my$/);
    await page.getByTestId("payslip-card-2026-09").waitFor();
    await page.getByTestId("payslip-card-2026-08").waitFor();
    await e.shot(page, "tour-agent-my-payslips");

    await page.goto(`${e.url}/tax`);
    await heading(page, "个税计算器").waitFor();
    expect(await rowsOf(page, "tax-wages-table")).toBeGreaterThanOrEqual(12);
    await page.getByTestId("tax-wages-total").waitFor();
    await e.shot(page, "tour-agent-tax");
  });

  it("the login page in English", async () => {
    const page = await e.newPage();
    await page.goto(`${e.url}/login`);
    await page.getByTestId("lang-switch").getByText("EN").click();
    await page.locator(".ant-card-head").getByText("Sign in to Xinsuan").waitFor();
    expect(await page.getByTestId("login-submit").textContent()).toContain("Sign in");
    await e.shot(page, "tour-login-en");
  });
});
