import { Dec } from "@xinsuan/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportPayslips } from "./export-payslips.js";
import { exportRegister } from "./export-register.js";
import {
  EVIL_NAME,
  type ExportWorkspace,
  openExportWorkspace,
  parseCsv,
  readWorkbook,
  sheetRows,
} from "./export-test-setup.js";

let w: ExportWorkspace;
beforeAll(async () => {
  w = await openExportWorkspace();
}, 60_000);
afterAll(() => w.store.close());

describe("exportPayslips", () => {
  it("lays out strips: title, blank, then header / employee / blank for everyone, by 工号", async () => {
    const r = await exportPayslips(w.ctx, { period: "2026-08" });
    const ws = (await readWorkbook(r.bytes)).getWorksheet("工资条")!;
    const rows = sheetRows(ws);
    // boxed cells show where to cut
    expect(ws.getCell("B4").border).toMatchObject({ left: { style: "thin" }, bottom: { style: "thin" } });
    expect(String(rows[0]![0])).toMatch(/2026-08 工资条.*已审批/);
    expect(rows[1]).toEqual([]);
    const register = sheetRows(
      (await readWorkbook((await exportRegister(w.ctx, { period: "2026-08" })).bytes)).worksheets[0]!,
    );
    const header = register[1]!;
    const runs = await w.store.runs.listRuns(w.ctx.tenantId, "2026-08");
    const slips = await w.store.runs.listPayslips(w.ctx.tenantId, runs.at(-1)!.id);
    expect(r.strips).toBe(slips.length);
    const strips = rows.slice(2);
    // exceljs counts rows up to the last row with a value: the final blank row is not there
    expect(strips.length).toBe(slips.length * 3 - 1);
    const net = header.indexOf("实发工资");
    const seen: string[] = [];
    for (let i = 0; i < slips.length; i++) {
      expect(strips[i * 3]).toEqual(header);
      const row = strips[i * 3 + 1]!;
      const slip = slips.find((s) => s.employeeNo === row[0])!;
      expect((row[net] as number).toFixed(2)).toBe(Dec.parse(slip.net).toFixed(2));
      seen.push(String(row[0]));
      if (i * 3 + 2 < strips.length) expect(strips[i * 3 + 2]).toEqual([]);
    }
    expect(seen).toEqual(slips.map((s) => s.employeeNo).sort());
    const evil = strips.find((row) => row[0] === w.evilNo)!;
    expect(evil[1]).toBe(`'${EVIL_NAME}`);
  });

  it("writes the same strips as CSV, blank rows kept", async () => {
    const r = await exportPayslips(w.ctx, { period: "2026-08", format: "csv" });
    expect(r.fileName).toBe("工资条-2026-08.csv");
    const rows = parseCsv(new TextDecoder().decode(r.bytes).replace(/^\uFEFF/, ""));
    expect(rows.length).toBe(2 + r.strips * 3);
    const header = rows[2]!;
    for (let i = 0; i < r.strips; i++) {
      expect(rows[2 + i * 3]).toEqual(header);
      expect(rows[2 + i * 3 + 2]).toEqual([""]);
    }
    expect(rows.find((row) => row[0] === w.evilNo)![1]).toBe(`'${EVIL_NAME}`);
  });

  it("refuses strips of an unapproved run, and records an export in the audit log", async () => {
    await expect(exportPayslips(w.ctx, { period: "2026-09" })).rejects.toMatchObject({
      code: "RUN_NOT_READY",
    });
    const r = await exportPayslips(w.ctx, { period: "2026-08" });
    const audit = await w.store.audit.list(w.ctx.tenantId, { entity: "run" });
    const mine = audit.filter((a) => a.action === "export.payslips");
    expect(mine.length).toBe(3);
    expect(mine.at(-1)!.after).toMatchObject({ period: "2026-08", format: "xlsx", strips: r.strips });
  });
});
