import { Dec } from "@xinsuan/core";
import type { PayslipRecord } from "@xinsuan/store";
import { beforeAll, describe, expect, it } from "vitest";
import { openServerStore, type ServerStore, type ServiceContext } from "../context.js";
import { exportSi, SI_SUMMARY_ITEMS } from "./export-si.js";
import { readWorkbook, sheetRows } from "./export-test-setup.js";
import { loadDemoCompany } from "./load-demo-company.js";
import { gatherRunInputs } from "./run-payroll.js";

let store: ServerStore;
let ctx: ServiceContext;
let slips: PayslipRecord[];

beforeAll(async () => {
  store = await openServerStore("sqlite::memory:", { ephemeralKey: true });
  const demo = await loadDemoCompany(store, "hr", { history: true });
  ctx = { store, tenantId: demo.tenantId, actor: "hr:test" };
  const run = (await store.runs.listRuns(ctx.tenantId, "2026-08")).at(-1)!;
  slips = await store.runs.listPayslips(ctx.tenantId, run.id);
}, 60_000);

const cents = (slip: PayslipRecord, name: string) => Dec.fromCoefficient(slip.lines[name] ?? 0, 2);
const total = (xs: Dec[]) => xs.reduce((s, x) => s.add(x), Dec.ZERO).toFixed(2);

describe("exportSi", () => {
  it("sums the employee side exactly to the payslips' SI and housing-fund lines", async () => {
    const r = await exportSi(ctx, { period: "2026-08" });
    const lines: (string | null)[] = ["个人养老保险", "个人医疗保险", "个人失业保险", null, "个人住房公积金"];
    SI_SUMMARY_ITEMS.forEach((item, k) => {
      const line = lines[k] ?? null;
      const want = line === null ? "0.00" : total(slips.map((s) => cents(s, line)));
      expect(r.totals[k]).toMatchObject({ item, employee: want });
    });
    expect(r.cities).toEqual(["上海"]);
  });

  it("lays out the summary by city and item with 小计 and 合计 rows matching the totals", async () => {
    const r = await exportSi(ctx, { period: "2026-08" });
    const wb = await readWorkbook(r.bytes);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["汇总", "明细"]);
    const rows = sheetRows(wb.getWorksheet("汇总")!);
    expect(rows[1]).toEqual(["参保城市", "项目", "人数", "缴费基数合计", "个人缴纳", "单位缴纳", "合计"]);
    expect(rows.slice(2, 7).map((x) => x[1])).toEqual([...SI_SUMMARY_ITEMS]);
    const pension = rows[2]!;
    expect(pension[2]).toBe(r.detail.filter((c) => c.si).length);
    expect(Dec.parse(String(pension[4])).toFixed(2)).toBe(r.totals[0]!.employee);
    expect(Dec.parse(String(pension[5])).toFixed(2)).toBe(r.totals[0]!.employer);
    const all = rows.at(-1)!;
    expect(all[0]).toBe("合计");
    const employee = total(r.totals.map((t) => Dec.parse(t.employee)));
    expect(Dec.parse(String(all[4])).toFixed(2)).toBe(employee);
    const detail = sheetRows(wb.getWorksheet("明细")!);
    expect(detail.length - 2).toBe(r.employees);
  });

  it("computes the employer side of one employee as by hand from Shanghai's 2026-07 figures", async () => {
    const r = await exportSi(ctx, { period: "2026-08" });
    const c = r.detail.find((x) => x.si && x.hf)!;
    const inputs = await gatherRunInputs(ctx, "2026-08");
    const raw = inputs.groups.flatMap((g) => g.employees).find((e) => String(e.values.工号) === c.employeeNo)!
      .values.缴费基数;
    // 上海 from 2026-07-01 (sh-si-2026, sh-hf-2026): SI base 7546–37731; HF base 2740–37731; employer rates
    // 养老 16%, 医疗 9%, 失业 0.5%, 工伤 0.2% (one-class benchmark); HF 7% (the policy) rounded to the 元.
    const clamp = (b: Dec, lo: string, hi: string) => b.max(Dec.parse(lo)).min(Dec.parse(hi));
    const base = Dec.parse(String(raw));
    const si = clamp(base, "7546", "37731");
    const hf = clamp(base, "2740", "37731");
    expect(c.siBase.toFixed(2)).toBe(si.toFixed(2));
    expect(c.hfBase.toFixed(2)).toBe(hf.toFixed(2));
    const want = ["0.16", "0.09", "0.005", "0.002"].map((rate) => si.mul(Dec.parse(rate)).toFixed(2));
    want.push(hf.mul(Dec.parse("0.07")).round(0).toFixed(2));
    expect(c.employer.map((d) => d?.toFixed(2))).toEqual(want);
    // and the employee side of the same person is their payslip's lines
    const slip = slips.find((s) => s.employeeNo === c.employeeNo)!;
    expect(c.employee[0]!.toFixed(2)).toBe(cents(slip, "个人养老保险").toFixed(2));
    expect(c.employee[4]!.toFixed(2)).toBe(cents(slip, "个人住房公积金").toFixed(2));
  });

  it("records export.si in the audit log", async () => {
    await exportSi(ctx, { period: "2026-09" });
    const entries = await store.audit.list(ctx.tenantId, { entity: "run" });
    expect(entries.some((e) => e.action === "export.si" && JSON.stringify(e).includes("2026-09"))).toBe(true);
  });
});
