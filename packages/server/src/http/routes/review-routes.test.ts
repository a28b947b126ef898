import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPayrollService } from "../../services/run-payroll.js";
import { createHttpKit, type HttpKit } from "../http-test-kit.js";

let k: HttpKit;
const CHECK = `
checks:
  - name: 晋升候选：高级客服专员
    when: 职级 = "客服专员"
    message: 客服专员本月实发 {实发工资}
    grade: 高级客服专员
`;

beforeAll(async () => {
  k = await createHttpKit();
  const hr = await k.as("hr");
  const name = (await hr.get("/api/v1/policies")).json().items[0].name as string;
  const yaml = (await hr.get(`/api/v1/policies/${encodeURIComponent(name)}/versions/1`)).json()
    .yaml as string;
  const saved = await hr.post("/api/v1/policies", {
    yaml: `${yaml.trimEnd()}\n${CHECK}`,
    from: "2026-10-01",
  });
  if (saved.statusCode !== 200) throw new Error(saved.body);
  await runPayrollService({ store: k.store, tenantId: k.demoTenantId, actor: "test" }, { period: "2026-10" });
}, 90_000);
afterAll(async () => {
  await k?.close();
});

type Review = { id: string; employeeNo: string; fromGrade: string; toGrade: string; status: string };

describe("grade reviews", () => {
  it("lists the period's candidates to HR and admin; refuses finance, leads and agents", async () => {
    const r = await (await k.as("hr")).get("/api/v1/reviews?period=2026-10");
    expect(r.statusCode).toBe(200);
    const items = r.json().items as Review[];
    expect(items.length).toBeGreaterThan(0);
    expect(items[0]).toMatchObject({ fromGrade: "客服专员", toGrade: "高级客服专员", status: "pending" });
    expect((await (await k.as("admin")).get("/api/v1/reviews?period=2026-10")).statusCode).toBe(200);
    for (const who of ["finance", k.logins.lead, k.logins.agent])
      expect((await (await k.as(who)).get("/api/v1/reviews?period=2026-10")).statusCode).toBe(403);
  });

  it("confirms a candidate once (effective next month) and rejects another", async () => {
    const hr = await k.as("hr");
    const items = (await hr.get("/api/v1/reviews?period=2026-10")).json().items as Review[];
    const ok = await hr.post(`/api/v1/reviews/${items[0]!.id}/decide`, { decision: "confirm" });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: "confirmed", effectiveFrom: "2026-11-01" });
    expect((await hr.post(`/api/v1/reviews/${items[0]!.id}/decide`, { decision: "reject" })).statusCode).toBe(
      422,
    );
    expect(
      (await (await k.as("finance")).post(`/api/v1/reviews/${items[1]!.id}/decide`, { decision: "confirm" }))
        .statusCode,
    ).toBe(403);
    const detail = (await hr.get(`/api/v1/employees/${items[0]!.employeeNo}`)).json();
    expect(detail.grades.at(-1)).toMatchObject({ grade: "高级客服专员", from: "2026-11-01" });
    if (items[1]) {
      const no = await hr.post(`/api/v1/reviews/${items[1].id}/decide`, {
        decision: "reject",
        comment: "考核期未满",
      });
      expect(no.json()).toMatchObject({ status: "rejected", comment: "考核期未满" });
    }
  });

  it("keeps companies apart", async () => {
    const other = await k.as(k.other.admin);
    expect((await other.get("/api/v1/reviews?period=2026-10")).statusCode).toBe(409);
  });
});
