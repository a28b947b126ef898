import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2e, PHONE, startE2e } from "./e2e-kit.js";

let e: E2e;
beforeAll(async () => {
  e = await startE2e();
}, 180_000);
afterAll(async () => e?.close());

describe("an agent on a phone", () => {
  it("sees only their own payslips, opens an explanation, confirms and asks a question", async () => {
    const page = await e.signIn(e.logins.agent, PHONE);
    await page.waitForURL(/\/my$/);
    await page.getByTestId("payslip-card-2026-09").waitFor();
    expect(await page.getByTestId("payslip-card-2026-10").count()).toBe(0);
    await e.shot(page, "agent-my-payslips");

    await page.getByTestId("payslip-card-2026-09").click();
    await page.waitForURL(/\/my\/2026-09$/);
    const net = await page.getByTestId("payslip-net").textContent();
    expect(net).toMatch(/\d/);
    const firstLine = page.locator('[data-testid^="payslip-line-"]').first();
    await firstLine.click();
    await page.getByTestId("payslip-line-sentence").first().waitFor();
    await e.shot(page, "agent-payslip-explained");

    await page.getByTestId("payslip-confirm").click();
    await page.getByTestId("payslip-confirmed").waitFor();

    await page.locator('[data-testid^="payslip-ask-"]').first().click();
    await page.getByTestId("question-text").fill("这一项是怎么算出来的？");
    await page.getByTestId("question-submit").click();
    await page.getByTestId("payslip-questions").getByText("这一项是怎么算出来的？").waitFor();
    await e.shot(page, "agent-payslip-question");
  });

  it("is refused another agent's payslip URL", async () => {
    const page = await e.signIn(e.logins.agent, PHONE);
    await page.goto(`${e.url}/payslips/2026-09/${e.logins.lead}`);
    await page.getByText("无权查看", { exact: true }).waitFor();
    expect(await page.getByTestId("payslip-net").count()).toBe(0);
    await e.shot(page, "agent-refused-other-payslip");
  });
});
