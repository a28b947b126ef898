import { closeSync, ftruncateSync, mkdtempSync, openSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openServerStore } from "@xinsuan/server";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { runCliCaptured } from "../run-cli-captured.js";

let dir = "";
let db = "";
const FORMULA = "=cmd|' /C calc'!A0";

const cli = runCliCaptured;

/** Writes a file in the test's folder and returns its path. */
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const csv = (header: string, lines: string[]) => `${header}\n${lines.join("\n")}\n`;
const nos = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `B${String(from + i).padStart(3, "0")}`);

/** Rows in the tables an import writes: datasets, dataset rows, employees and the audit log. */
async function counts(): Promise<Record<string, number>> {
  const store = await openServerStore(db);
  try {
    const out: Record<string, number> = {};
    for (const t of ["datasets", "dataset_rows", "employees", "audit_log"] as const) {
      const r = await store.db
        .selectFrom(t)
        .select((e) => e.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      out[t] = Number(r.n);
    }
    return out;
  } finally {
    await store.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "xinsuan-import-"));
  db = `sqlite:${join(dir, "ws.db")}`;
  const init = await cli("init", "--demo", "--db", db);
  expect([init.code, init.err]).toEqual([0, ""]);
  const roster = file(
    "员工.csv",
    csv(
      "工号,姓名,团队,职级,入职日期,备用列",
      nos(1, 70).map((no) => `${no},员工${no},新组,客服专员,2026-11-01,x`),
    ),
  );
  const r = await cli("import", "employees", roster, "--db", db);
  expect([r.code, r.err]).toEqual([0, ""]);
  expect(r.out).toContain("员工表 员工.csv 已导入：70 行，新增 70 人，更新 0 人，新建团队 1 个");
  expect(r.out).toContain("提醒：员工.csv：“备用列”列不是员工表的列，已忽略");
}, 30_000);

describe("xinsuan import dataset: re-import of a corrected file", () => {
  it("imports, refuses the same file, refuses a corrected file without --replace, replaces with a diff", async () => {
    const v1 = file(
      "考勤.csv",
      csv(
        "工号,姓名,出勤天数,备注",
        nos(1, 60).map((n) => `${n},x,20,`),
      ),
    );
    const first = await cli(
      "import",
      "dataset",
      v1,
      "--period",
      "2026-11",
      "--kind",
      "attendance",
      "--db",
      db,
    );
    expect([first.code, first.err]).toEqual([0, ""]);
    expect(first.out).toContain("2026-11 attendance 数据 考勤.csv 已导入：60 行");
    expect(first.out).toContain("提醒：考勤.csv：“备注”列不是方案的输入，已忽略");
    const before = await counts();

    const same = await cli(
      "import",
      "dataset",
      v1,
      "--period",
      "2026-11",
      "--kind",
      "attendance",
      "--db",
      db,
    );
    expect(same.code).toBe(4);
    expect(same.err).toContain("未重复导入");

    // B001 removed, B061 added, B002…B060 changed (59 cells).
    const v2 = file(
      "考勤-更正.csv",
      csv("工号,姓名,出勤天数", [...nos(2, 59).map((n) => `${n},x,21`), "B060,x,22", "B061,x,19"]),
    );
    const refused = await cli(
      "import",
      "dataset",
      v2,
      "--period",
      "2026-11",
      "--kind",
      "attendance",
      "--db",
      db,
    );
    expect(refused.code).toBe(4);
    expect(refused.err).toContain("2026-11 已有考勤数据（attendance）：“考勤.csv”（60 行");
    expect(refused.err).toContain("请加 --replace");
    expect(await counts()).toEqual(before);

    const replaced = await cli(
      "import",
      "dataset",
      v2,
      "--period",
      "2026-11",
      "--kind",
      "attendance",
      "--replace",
      "--db",
      db,
    );
    expect([replaced.code, replaced.err]).toEqual([0, ""]);
    expect(replaced.out).toContain("已替换导入：60 行");
    expect(replaced.out).toContain("已替换：考勤.csv");
    expect(replaced.out).toContain("改动：新增 1 行，删除 1 行，修改 59 个单元格");
    expect(replaced.out).toContain("  新增工号：B061");
    expect(replaced.out).toContain("  删除工号：B001");
    expect(replaced.out).toContain("修改的单元格（仅列出前 50 项，共 59 项）");
    expect(replaced.out).toContain("    B002 “出勤天数”：20 → 21");
    expect(replaced.out.split("\n").filter((l) => l.includes(" → "))).toHaveLength(50);
    const after = await counts();
    expect(after.datasets).toBe(before.datasets);
    expect(after.dataset_rows).toBe(before.dataset_rows);
    expect(after.audit_log).toBe((before.audit_log ?? 0) + 1);

    const store = await openServerStore(db);
    try {
      const t = await store.db.selectFrom("tenants").select("id").executeTakeFirstOrThrow();
      const sets = (await store.datasets.listDatasets(t.id, "2026-11")).filter(
        (d) => d.kind === "attendance",
      );
      expect(sets.map((d) => d.fileName)).toEqual(["考勤-更正.csv"]);
      const rows = await store.datasets.listRows(t.id, sets[0]!.id);
      expect(rows.find((r) => r.employeeNo === "B060")?.values).toEqual({ 出勤天数: "22" });
      expect(rows.find((r) => r.employeeNo === "B061")?.values).toEqual({ 出勤天数: "19" });
    } finally {
      await store.close();
    }
  });
});

describe("xinsuan import: a corpus of bad files writes nothing and names row and column", () => {
  const dataset = (path: string, ...more: string[]) =>
    cli("import", "dataset", path, "--period", "2026-12", "--kind", "kpi", "--db", db, ...more);

  const cases: [string, () => string, RegExp[]][] = [
    [
      "missing required column (and an unknown one)",
      () => file("缺列.csv", csv("员工编号,主管评分", ["B001,10"])),
      [/缺列\.csv 第1行（表头）缺少必需的“工号”列/, /“员工编号”列不是方案的输入/],
    ],
    [
      "text in a number column",
      () => file("文本.csv", csv("工号,主管评分", ["B001,10", "B002,十分"])),
      [/文本\.csv 第3行 “主管评分”列：/],
    ],
    [
      "out of range",
      () => file("超范围.csv", csv("工号,主管评分", ["B001,25"])),
      [/超范围\.csv 第2行 “主管评分”列：25 大于最大值 20/],
    ],
    [
      "duplicate 工号",
      () => file("重复.csv", csv("工号,主管评分", ["B001,10", "B001,12"])),
      [/重复\.csv 第3行 “工号”列：工号“B001”与第2行重复/],
    ],
    [
      "unknown 工号",
      () => file("未知.csv", csv("工号,主管评分", ["B001,10", "Z999,12"])),
      [/未知\.csv 第3行 “工号”列：没有工号为“Z999”的员工/],
    ],
    ["empty file", () => file("空.csv", ""), [/文件是空的：.*空\.csv/]],
    ["header only", () => file("仅表头.csv", "工号,主管评分\n"), [/仅表头\.csv 只有表头，没有数据行/]],
    [
      "a formula-looking cell in a text column with allowed values",
      () => file("公式.csv", csv("工号,职级", [`B001,"${FORMULA.replace(/"/g, '""')}"`])),
      [/公式\.csv 第2行 “职级”列：/],
    ],
    [
      "a file over 50 MB (sparse; refused from its size, never read)",
      () => {
        const path = join(dir, "大.csv");
        const fd = openSync(path, "w");
        ftruncateSync(fd, 51 * 1024 * 1024);
        closeSync(fd);
        return path;
      },
      [/文件太大：.*大\.csv 有 51\.0 MB，超过上限 50\.0 MB/],
    ],
  ];
  for (const [name, make, expected] of cases) {
    it(name, async () => {
      const path = make();
      const before = await counts();
      const r = await dataset(path);
      expect(r.code).toBe(4);
      for (const re of expected) expect(r.err).toMatch(re);
      expect(r.out).toBe("");
      expect(await counts()).toEqual(before);
    });
  }

  it("refuses a roster missing a required column, naming it; nothing is written", async () => {
    const before = await counts();
    const r = await cli(
      "import",
      "employees",
      file("无姓名.csv", csv("工号,团队", ["C001,一组"])),
      "--db",
      db,
    );
    expect(r.code).toBe(4);
    expect(r.err).toContain("无姓名.csv 第1行（表头）缺少必需的“姓名”列");
    expect(await counts()).toEqual(before);
  });

  it("stores a formula-looking 姓名 from an xlsx roster as text, never evaluated", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Sheet1");
    sheet.addRow(["工号", "姓名", "入职日期"]);
    sheet.addRow(["C002", FORMULA, "2026-11-01"]);
    const path = join(dir, "公式员工.xlsx");
    await workbook.xlsx.writeFile(path);
    const r = await cli("import", "employees", path, "--db", db);
    expect([r.code, r.err]).toEqual([0, ""]);
    const store = await openServerStore(db);
    try {
      const t = await store.db.selectFrom("tenants").select("id").executeTakeFirstOrThrow();
      expect((await store.employees.getByNo(t.id, "C002")).name).toBe(FORMULA);
    } finally {
      await store.close();
    }
  });

  it("refuses a bad --kind and --period with the usage exit code", async () => {
    const path = file("k.csv", csv("工号,主管评分", ["B001,10"]));
    expect(
      (await cli("import", "dataset", path, "--period", "2026-13", "--kind", "kpi", "--db", db)).code,
    ).toBe(2);
    expect(
      (await cli("import", "dataset", path, "--period", "2026-12", "--kind", "xyz", "--db", db)).code,
    ).toBe(2);
  });
});

describe("xinsuan template inputs", () => {
  it("writes the policy's xlsx import template with notes, drop-downs and formats", async () => {
    const out = join(dir, "inputs.xlsx");
    const r = await cli("template", "inputs", "welfare-6tier", "--out", out);
    expect([r.code, r.err]).toEqual([0, ""]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet("导入模板")!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    expect(headers.slice(0, 4)).toEqual(["工号", "姓名", "职级", "出勤天数"]);
    expect(headers).toContain("其他扣款");
    const note = (c: number) => {
      const n = sheet.getRow(1).getCell(c).note;
      return typeof n === "string" ? n : (n?.texts ?? []).map((t) => t.text).join("");
    };
    expect(note(4)).toContain("本月实际出勤的工作日数");
    expect(note(4)).toContain("单位：天");
    expect(note(4)).toContain("范围：0 – 31");
    expect(note(headers.indexOf("来电量") + 1)).toContain("默认：0");
    const validations = (
      sheet as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }
    ).dataValidations.model;
    const list = Object.entries(validations).find(([, v]) => v.type === "list");
    expect(list?.[0]).toMatch(/^C2/);
    expect(list?.[1].formulae[0]).toContain("选项");
    const options = workbook.getWorksheet("选项")!;
    expect(options.getCell("A2").value).toBe("培训生");
    expect(sheet.getColumn(headers.indexOf("成交金额") + 1).numFmt).toBe("#,##0.00");
  });
});

describe("a period with an approved run takes no import", () => {
  it("refuses with the RUN_IMMUTABLE exit code and writes nothing", async () => {
    // init --demo approved 2026-08 as the demo company's history.
    const before = await counts();
    const path = file("迟到.csv", csv("工号,主管评分", ["B001,10"]));
    const r = await cli("import", "dataset", path, "--period", "2026-08", "--kind", "scores", "--db", db);
    expect(r.code).toBe(7);
    expect(r.err).toContain("2026-08 的算薪已审批");
    expect(await counts()).toEqual(before);
  }, 30_000);
});

describe("xinsuan import ledger", () => {
  it("imports the year-to-date tax ledger all-or-nothing, then refuses once the month has a run", async () => {
    const bad = await cli(
      "import",
      "ledger",
      file(
        "台账-错.csv",
        csv("工号,个税累计收入,个税累计已预扣", ["A0000001,105000,4480", "Z9,1,0", `A0000002,${FORMULA},0`]),
      ),
      "--period",
      "2026-12",
      "--db",
      db,
    );
    expect(bad.code).toBe(4);
    expect(bad.err).toContain("台账-错.csv 第3行 “工号”列：没有工号为“Z9”的员工");
    expect(bad.err).toContain("台账-错.csv 第4行 “个税累计收入”列");
    const good = await cli(
      "import",
      "ledger",
      file("台账.csv", csv("工号,姓名,个税累计收入,个税累计已预扣", ["A0000001,某某,105000,4480"])),
      "--period",
      "2026-12",
      "--db",
      db,
    );
    expect([good.code, good.out]).toEqual([
      0,
      expect.stringContaining("已导入 2026-12 的个税累计台账：1 名员工"),
    ]);
    const late = await cli("import", "ledger", join(dir, "台账.csv"), "--period", "2026-07", "--db", db);
    expect(late.code).toBe(7);
    expect(late.err).toContain("已算薪");
  });
});
