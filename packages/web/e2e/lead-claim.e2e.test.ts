import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiOf, runPeriod } from "./e2e-api.js";
import { type E2e, startE2e } from "./e2e-kit.js";

let e: E2e;
beforeAll(async () => {
  e = await startE2e();
}, 180_000);
afterAll(async () => e?.close());

const EVIDENCE = "录音编号 REC-20261015-0042";

/** Opens an antd Select by its test id and picks the first visible option matching `text`. */
async function pick(page: Page, testId: string, text: RegExp | string): Promise<string> {
  await page.getByTestId(testId).click();
  const option = page
    .locator(".ant-select-dropdown:visible .ant-select-item-option")
    .filter({ hasText: text })
    .first();
  const label = (await option.textContent()) ?? "";
  await option.click();
  return label;
}

describe("a team lead's claim counts in the October run", () => {
  it("creates and approves a claim in 申报审批; HR's run explains it with the evidence", async () => {
    const lead = await e.signIn(e.logins.lead);
    const leadApi = await apiOf(lead);
    const teams = await leadApi.get<{ items: { id: string; name: string }[] }>("/api/v1/teams");
    expect(teams.items.map((t) => t.name)).toEqual(["客服1组"]);

    await lead.goto(`${e.url}/claims`);
    await lead.getByRole("heading", { name: "申报审批" }).waitFor();
    await lead.getByTestId("claim-new").click();
    await lead.getByTestId("claim-employee").click();
    const member = lead
      .locator(".ant-select-dropdown:visible .ant-select-item-option")
      .filter({ hasText: "客服1组" })
      .filter({ hasNotText: `（${e.logins.lead}）` })
      .first();
    await member.waitFor();
    const label = (await member.textContent()) ?? "";
    await member.click();
    const no = /（([^）]+)）/.exec(label)?.[1] ?? "";
    expect(no).not.toBe("");
    await pick(lead, "claim-period", "2026年10月");
    await lead.getByTestId("claim-quantity").fill("2");
    await lead.getByTestId("claim-evidence").fill(EVIDENCE);
    await e.shot(lead, "lead-claim-new");
    await lead.getByTestId("claim-new-ok").click();

    const row = lead.getByTestId("claims-table").locator("tbody tr").filter({ hasText: EVIDENCE });
    await row.getByText("待审批").waitFor();
    await row.locator('[data-testid^="claim-approve-"]').click();
    await lead.getByTestId("claim-comment").fill("录音已核实，同意");
    await lead.getByTestId("claim-decide-ok").click();
    await row.getByText("已通过").waitFor();
    await row.getByText("录音已核实，同意").waitFor();
    await e.shot(lead, "lead-claim-approved");

    const hr = await e.signIn(e.logins.hr);
    const hrApi = await apiOf(hr);
    const job = await runPeriod(hrApi, "2026-10");
    expect(job.state).toBe("done");
    const slip = await hrApi.get<{ lines: { name: string; notes: string[] }[] }>(
      `/api/v1/payslips/2026-10/${no}`,
    );
    const noted = JSON.stringify(slip);
    expect(noted).toContain(EVIDENCE);
    expect(noted).toContain("录音已核实，同意");

    const line = slip.lines.find((l) => JSON.stringify(l).includes(EVIDENCE));
    expect(line).toBeDefined();
    await hr.goto(`${e.url}/payslips/2026-10/${no}`);
    await hr.getByTestId("payslip-net").waitFor();
    await hr.getByTestId(`payslip-line-${line?.name}`).click();
    await hr.getByTestId("payslip-view").getByText(EVIDENCE).first().waitFor();
    await e.shot(hr, "hr-payslip-with-claim");
  }, 240_000);

  it("refuses the lead another team's payslip", async () => {
    const hr = await e.signIn(e.logins.hr);
    const all = await (await apiOf(hr)).get<{ items: { no: string; team: string | null }[] }>(
      "/api/v1/employees?limit=500",
    );
    const other = all.items.find((x) => x.team && x.team !== "客服1组");
    expect(other).toBeDefined();
    const lead = await e.signIn(e.logins.lead);
    await lead.goto(`${e.url}/payslips/2026-09/${other?.no}`);
    await lead.getByText("无权查看", { exact: true }).waitFor();
    expect(await lead.getByTestId("payslip-net").count()).toBe(0);
    expect(await (await apiOf(lead)).status(`/api/v1/payslips/2026-09/${other?.no}`)).toBe(403);
    await e.shot(lead, "lead-refused-other-team");
  });
});
