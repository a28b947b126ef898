import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { runCliCaptured } from "./run-cli-captured.js";
import { listTemplates } from "./templates.js";

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "xinsuan-cli-"));
});

const cli = runCliCaptured;

// Hired this month (the explicit 阶 and 工龄 still apply), so no year-to-date tax ledger is needed.
const HEADER = "工号,姓名,岗位级别,阶,工龄,绩效比例,目标任务,话费补助,全勤奖,其他扣款,入职日期";
/** The seed's six worked examples (公司员工薪资结构) and their 应发工资. */
const SEED_ROWS = [
  ["出纳", "E", "3", "0", "100%", "0", "0", "2030.00"],
  ["库管", "E", "2", "1", "100%", "100", "50", "2280.00"],
  ["商务", "E", "1", "2", "100%", "100", "0", "2370.00"],
  ["会计", "D", "4", "1", "100%", "0", "0", "1645.00"],
  ["人事", "D", "3", "0", "100%", "0", "0", "2105.00"],
  ["财务主管", "C", "2", "1", "100%", "0", "0", "2385.00"],
];

function seedCsv(): string {
  const lines = SEED_ROWS.map(
    (r, i) => `S${i + 1},${r[0]},${r[1]},${r[2]},${r[3]},${r[4]},${r[5]},${r[6]},0,0,2026-10-01`,
  );
  return `${HEADER}\n${lines.join("\n")}\n`;
}

/** Runs `calc` on the grade-tier-structure template for 2026-10, writing `out`. */
function calcGrade(input: string, out: string) {
  return cli(
    "calc",
    "--policy",
    "grade-tier-structure",
    "--inputs",
    input,
    "--period",
    "2026-10",
    "--out",
    out,
  );
}

function write(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe("xinsuan calc", () => {
  it("reproduces the seed's six examples from a CSV file, as JSON output", async () => {
    const input = write("seed.csv", seedCsv());
    const out = join(dir, "seed-out.json");
    const r = await calcGrade(input, out);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const rows = JSON.parse(readFileSync(out, "utf8")) as Record<string, string>[];
    expect(rows.map((x) => x.应发工资)).toEqual(SEED_ROWS.map((s) => s[7]));
    expect(rows[0]).toMatchObject({
      工号: "S1",
      姓名: "出纳",
      岗位工资: "600.00",
      工龄工资: "30.00",
      // Shanghai 2026-07 floors (示例 city): 社保 7546 → 603.68 + 150.92 + 37.73; 公积金 2740 × 7% = 191.80 → 192;
      // 个税 0; 2030 − 984.33 = 1045.67
      个人养老保险: "603.68",
      实发工资: "1045.67",
    });
  });

  it("reads an XLSX input (numbers, percentages, text) and writes an XLSX register", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("输入");
    ws.addRow(HEADER.split(","));
    SEED_ROWS.forEach((r, i) => {
      ws.addRow([
        `S${i + 1}`,
        r[0],
        r[1],
        Number(r[2]),
        Number(r[3]),
        1,
        Number(r[5]),
        Number(r[6]),
        0,
        0,
        "2026-10-01",
      ]);
    });
    const input = join(dir, "seed.xlsx");
    await wb.xlsx.writeFile(input);
    const out = join(dir, "register.xlsx");
    const r = await calcGrade(input, out);
    expect(r.err).toBe("");
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    const sheet = back.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = header.indexOf("应发工资") + 1;
    const gross = SEED_ROWS.map((_, i) => sheet.getRow(i + 2).getCell(col).value);
    expect(gross).toEqual([2030, 2280, 2370, 1645, 2105, 2385]);
  });

  it("runs every template's sample input and carries state to the next month", async () => {
    for (const id of listTemplates().map((t) => t.id)) {
      const target = join(dir, `sample-${id}`);
      expect((await cli("template", "export", id, target)).code).toBe(0);
      const out = join(target, "register.csv");
      const state = join(target, "next.json");
      // A template whose sample month needs the year-to-date tax ledger ships it as state-2026-09.json.
      const ledger = join(target, "state-2026-09.json");
      const prior = existsSync(ledger) ? ["--state", ledger] : [];
      const r = await cli(
        "calc",
        "--policy",
        id,
        "--inputs",
        join(target, "sample.csv"),
        "--period",
        "2026-10",
        ...prior,
        "--out",
        out,
        "--state-out",
        state,
      );
      expect(r.err).toBe("");
      expect(readFileSync(out, "utf8").split("\r\n")[0]).toContain("实发工资");
      const again = await cli(
        "calc",
        "--policy",
        id,
        "--inputs",
        join(target, "sample.csv"),
        "--period",
        "2026-11",
        "--state",
        state,
      );
      expect(again.code).toBe(0);
    }
    const next = JSON.parse(readFileSync(join(dir, "sample-welfare-6tier", "next.json"), "utf8")) as {
      groups: Record<string, Record<string, Record<string, string>>>;
    };
    // 一组 beat the 100-order threshold in the sample month, so next month it is 105
    expect(next.groups.团队?.一组?.订单门槛).toBe("105");
  });

  it("prints the register and an explained payslip without --out", async () => {
    const input = write("seed2.csv", seedCsv());
    const r = await cli(
      "calc",
      "--policy",
      "grade-tier-structure",
      "--inputs",
      input,
      "--period",
      "2026-10",
      "--explain",
      "S4",
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain("合计");
    expect(r.out).toContain("工资条 · 会计（S4）");
    expect(r.out).toContain(
      // The branch not taken (定额岗位工资) shows as "…".
      '岗位工资 = IF(OR(岗位级别 D = "A", 岗位级别 D = "B"), …, 级别工资[D] 900.00 × 阶系数[4] 55%) = 495.00',
    );
    expect(r.out).toContain("绩效工资 = IF(阶 4 = 4, 0, …) = 0.00");
  });

  it("derives 阶 and 工龄 from 入职日期 when the columns are left out", async () => {
    const input = write(
      "hire.csv",
      "工号,姓名,岗位级别,入职日期\nH1,新人,E,2026-09-01\nH2,老人,E,2024-01-15\n",
    );
    const out = join(dir, "hire.json");
    // Both were employed before October, so the tax ledger up to September comes from the prior state.
    const ledger = write(
      "hire-state.json",
      JSON.stringify({ employees: { H1: { 个税年度: "2026" }, H2: { 个税年度: "2026" } } }),
    );
    const r = await cli(
      "calc",
      "--policy",
      "grade-tier-structure",
      "--inputs",
      input,
      "--period",
      "2026-10",
      "--state",
      ledger,
      "--out",
      out,
    );
    expect(r.err).toBe("");
    const rows = JSON.parse(readFileSync(out, "utf8")) as Record<string, string>[];
    // H1: 1 month → 4阶 (55%), m = 0 → 800+300+440+0+30
    expect(rows[0]).toMatchObject({
      岗位工资: "440.00",
      绩效工资: "0.00",
      工龄工资: "30.00",
      应发工资: "1570.00",
    });
    // H2: 33 months → 1阶 (100%), m = 2 → 800+300+800+300+70
    expect(rows[1]).toMatchObject({ 岗位工资: "800.00", 工龄工资: "70.00", 应发工资: "2270.00" });
  });

  it.each([
    [
      "unknown 岗位级别",
      `${HEADER}\nS1,甲,Z,3,0,100%,0,0,0,0\n`,
      5,
      "bad.csv 第2行 甲（S1）计算“岗位级别”时：“岗位级别”列：未知的值“Z”，可选：A、B、C、D、E、F、G、H、I",
    ],
    [
      "text in a number column",
      `${HEADER}\nS1,甲,E,三,0,100%,0,0,0,0\n`,
      5,
      "bad.csv 第2行 甲（S1）计算“阶”时：“阶”列：“三”不是整数",
    ],
    ["missing required column", "工号,姓名\nS1,甲\n", 4, "bad.csv：缺少必需的列“岗位级别”"],
    [
      "duplicate 工号",
      `${HEADER}\nS1,甲,E,3,0,100%,0,0,0,0\nS1,乙,E,3,0,100%,0,0,0,0\n`,
      4,
      "bad.csv 第3行 “工号”列：工号“S1”与第2行重复",
    ],
    ["empty file", "", 4, "bad.csv"],
  ])("refuses %s with a clear message and writes nothing", async (_name, text, code, message) => {
    const input = write("bad.csv", text);
    const out = join(dir, `never-${code}-${_name.length}.csv`);
    const r = await calcGrade(input, out);
    expect(r.code).toBe(code);
    expect(r.err.replaceAll(dir + "/", "")).toContain(message);
    expect(r.err).not.toMatch(/at .*\.ts:\d+/);
    expect(existsSync(out)).toBe(false);
  });

  it("refuses a wrong period format and an unknown policy", async () => {
    const input = write("ok.csv", seedCsv());
    const r = await cli("calc", "--policy", "grade-tier-structure", "--inputs", input, "--period", "2026/10");
    expect(r.code).toBe(2);
    expect(r.err).toContain("--period “2026/10”格式不对，应为 YYYY-MM");
    const r2 = await cli("calc", "--policy", "no-such", "--inputs", input, "--period", "2026-10");
    expect(r2.code).toBe(3);
    expect(r2.err).toContain("找不到方案文件或模板“no-such”");
  });
});

describe("xinsuan tax", () => {
  it("is wired: bonus and labour remuneration", async () => {
    // 36001 ÷ 12 = 3000.08 → 10 %, quick deduction 210: 3600.10 − 210 = 3390.10
    const b = await cli("tax", "bonus", "36001", "--json");
    expect(b.code).toBe(0);
    expect(JSON.parse(b.out)).toMatchObject({ tax: "3390.10", rate: "10%", quickDeduction: "210.00" });
    // 3000 − 800 = 2200 × 20 % = 440
    const l = await cli("tax", "labor", "3000", "--json");
    expect(JSON.parse(l.out)).toMatchObject({ tax: "440.00", taxable: "2200.00", rate: "20%" });
    const bad = await cli("tax", "labor", "-5");
    expect(bad.code).toBe(4);
  });
});

describe("xinsuan si", () => {
  it("is wired: Shanghai at the floor, with sources", async () => {
    // base 5000 below the 2026-07 floor 7546: pension 7546 × 8 % = 603.68; HF 7546 × 5 % = 377.30 → 377
    const r = await cli(
      "si",
      "--city",
      "上海",
      "--period",
      "2026-10",
      "--base",
      "5000",
      "--hf-base",
      "7546",
      "--json",
    );
    expect(r.code).toBe(2);
    const ok = await cli("si", "--city", "shanghai", "--period", "2026-10", "--base", "5000", "--json");
    expect(ok.code).toBe(0);
    const j = JSON.parse(ok.out) as { employee: Record<string, string>; bases: Record<string, string> };
    expect(j.bases.socialInsurance).toBe("7546.00");
    expect(j.employee.pension).toBe("603.68");
    const missing = await cli("si", "--city", "上海", "--period", "2026-10");
    expect(missing.err).toContain("缺少参数 --base");
  });
});

describe("English messages with --lang en", () => {
  it("reports bad input and bad policies in English", async () => {
    const input = write("bad-en.csv", `${HEADER}\nS1,甲,E,三,0,100%,0,0,0,0\n`);
    const r = await cli(
      "--lang",
      "en",
      "calc",
      "--policy",
      "grade-tier-structure",
      "--inputs",
      input,
      "--period",
      "2026-10",
    );
    expect(r.code).toBe(5);
    expect(r.err).toContain("error: 1 employee(s) have bad data; no register was written");
    expect(r.err).toContain(`${input} row 2 S1: 阶: column "阶": "三" is not a valid integer`);
    const p = write(
      "bad-en.yaml",
      "id: x\nname: x\nversion: 1\neffectiveFrom: 2026-01-01\ndescription: x\nitems:\n  - { name: a, kind: earning, formula: b + 1 }\n",
    );
    const c = await cli("check", p, "--lang", "en");
    expect(c.out).toContain(`error ${p}:7:40: unknown name "b"`);
  });
});

describe("xinsuan check / templates", () => {
  it("lists every problem of a bad policy with file:line:col", async () => {
    const p = write(
      "bad.yaml",
      `id: bad\nname: 坏方案\nversion: 1\neffectiveFrom: 2026-01-01\ndescription: x\ninputs:\n  销售额: { type: money }\nitems:\n  - { name: 提成, kind: earning, formula: 销售额x * 1% }\n  - { name: 奖金, kind: earning, formula: "IF(销售额, 1, 0)" }\n`,
    );
    const r = await cli("check", p);
    expect(r.code).toBe(3);
    expect(r.out).toContain(`${p}:9:41 第9行第41列：未知名称“销售额x”，是否想写“销售额”？`);
    expect(r.out).toContain(`${p}:10:45 第10行第45列：IF 的第1个参数需要是/否，这里是数值`);
    expect(r.err).toContain("共 2 处错误");
  });

  it("passes the built-in templates and lists them", async () => {
    const r = await cli("check", "grade-tier-structure");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/通过：公司员工薪资结构/);
    const t = await cli("templates", "--json");
    const list = JSON.parse(t.out) as { id: string; name: string; description: string }[];
    expect(list.map((x) => x.id)).toContain("grade-tier-structure");
    expect(list.every((x) => x.description.length > 20)).toBe(true);
  });

  it("prints the labour-law warnings of the 淘宝员工规章制度 policy with their legal references", async () => {
    const r = await cli("check", "taobao-rules");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/通过：淘宝员工规章制度.*9 处提醒/);
    const lines = r.out.split("\n").filter((l) => l.startsWith("提醒 "));
    expect(lines).toHaveLength(9);
    for (const l of lines)
      expect(l).toMatch(/^提醒 templates\/taobao-rules\/policy\.yaml:\d+:\d+ .*（依据：.+）$/);
    expect(r.out).toMatch(/迟到早退罚款.*属于罚款性质.*依据：.*国务院令第516号/);
    expect(r.out).toMatch(/加班小时.*依据：《劳动法》第四十四条/);
    expect(r.out).toMatch(/月折算天数（30）.*依据：人社部发〔2025〕2号/);
    const en = await cli("check", "taobao-rules", "--lang", "en");
    expect(en.out).toMatch(/\(see Labour Law art\. 44\)/);
  });

  it("exports a template with its sample input and ledger", async () => {
    const target = join(dir, "exported");
    const r = await cli("template", "export", "grade-tier-structure", target);
    expect(r.code).toBe(0);
    for (const f of ["policy.yaml", "sample.csv", "state-2026-09.json"])
      expect(existsSync(join(target, f)), f).toBe(true);
    const calc = (...extra: string[]) =>
      cli(
        "calc",
        "--policy",
        join(target, "policy.yaml"),
        "--inputs",
        join(target, "sample.csv"),
        "--period",
        "2026-10",
        ...extra,
      );
    expect((await calc("--state", join(target, "state-2026-09.json"))).code).toBe(0);
    // Without the ledger every employee who was paid earlier this year is refused, with the reason.
    const missing = await calc();
    expect(missing.code).toBe(5);
    expect(missing.err).toContain("缺少本年个税累计台账");
  });
});

describe("xinsuan functions", () => {
  it("lists every formula function with its description, as a table or JSON", async () => {
    const r = await cli("functions", "--json");
    expect(r.code).toBe(0);
    const list = JSON.parse(r.out) as { name: string; zh: string }[];
    for (const name of ["IF", "SHARE", "OVERTIME", "SOCIALINSURANCE", "TAXBONUS", "MINWAGE", "ERROR"])
      expect(list.find((f) => f.name === name)?.zh, name).toMatch(/\S{6,}/);
    const t = await cli("functions");
    expect(t.out).toMatch(/^函数\s+说明/);
    expect(t.out).toContain("PRORATE(");
  });
});
