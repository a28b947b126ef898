import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Dec } from "../money/decimal.js";
import { checkPolicyText } from "../policy/check.js";
import { explainPayslip } from "./explain.js";
import { type EmployeeInput, formatEmployeeError, getPayslip, type PriorState, runPayroll } from "./run.js";
import { compileMini } from "./test-policy.js";

function readCsv(path: URL): EmployeeInput[] {
  const [head, ...lines] = readFileSync(path, "utf8").trim().split(/\r?\n/);
  const headers = head!.split(",");
  return lines.map((l, i) => ({
    values: Object.fromEntries(l.split(",").map((v, j) => [headers[j]!, v])),
    source: { file: "sample.csv", row: i + 2 },
  }));
}

/** Every payslip value, error and next state of a run, as text, for comparing the two evaluators. */
function fingerprint(r: ReturnType<typeof runPayroll>): unknown {
  if (!r.ok) return r.problem;
  const run = r.run;
  return {
    slips: run.employees.map((_, i) => {
      const p = getPayslip(run, i);
      return [
        p.lines.map((l) => `${l.name}=${l.value.toString()}`),
        p.net.toString(),
        run.errors[i] ? formatEmployeeError(run, i) : "",
      ];
    }),
    next: run.nextState,
  };
}

describe("batch and row-by-row evaluators agree", () => {
  it.each(["grade-tier-structure", "taobao-rules", "welfare-6tier"])(
    "template %s on its sample (with its ledger), warnings and explanations match values",
    (id) => {
      const base = new URL(`../../../../templates/${id}/`, import.meta.url);
      const compiled = checkPolicyText(readFileSync(new URL("policy.yaml", base), "utf8"), "policy.yaml")
        .compiled!;
      expect(compiled.batch).not.toBeNull();
      const employees = readCsv(new URL("sample.csv", base));
      const ledger = new URL("state-2026-09.json", base);
      const prior = existsSync(ledger) ? (JSON.parse(readFileSync(ledger, "utf8")) as PriorState) : {};
      const batch = runPayroll(compiled, { period: "2026-10", employees, prior });
      const scalar = runPayroll(compiled, { period: "2026-10", employees, prior, mode: "scalar" });
      if (batch.ok) expect(batch.run.errorCount, id).toBe(0);
      if (batch.ok && scalar.ok) expect(batch.run.checkFlags).toEqual(scalar.run.checkFlags);
      expect(fingerprint(batch)).toEqual(fingerprint(scalar));
      if (!batch.ok) return;
      employees.forEach((_, i) => {
        if (batch.run.errors[i]) return;
        const ex = explainPayslip(batch.run, i);
        const slip = getPayslip(batch.run, i);
        for (const l of slip.lines) {
          const shown = ex.lines.find((x) => x.name === l.name)!.value;
          const parsed = Dec.parse(shown.replace("%", ""));
          const value = shown.endsWith("%") ? parsed.div(Dec.HUNDRED) : parsed;
          expect(`${l.name}=${value.toString()}`).toBe(`${l.name}=${l.value.toString()}`);
        }
      });
    },
  );

  it("on errors in inputs, lookups, divisions, IFS, group members and lazy branches", () => {
    const c = compileMini({
      tables: { 表: { keys: [{ type: "text" }], value: "number", rows: { a: 1, b: 2 } } },
      inputs: {
        键: { type: "text" },
        数: { type: "number" },
        除数: { type: "number", default: 1 },
        日期: { type: "date", default: "2026-01-01" },
      },
      calcs: {
        只在分支里: "1 / (数 - 数)",
        月数: { formula: "MONTHS(入职日期, 期间结束)", display: "integer" },
      },
      items: {
        查表: "表[键]",
        除法: "数 / 除数",
        分支: "IF(数 > 100, 只在分支里, 数)",
        条件: "IFS(数 > 5, 1, 数 > 0, 2)",
        团队合计: "GROUPSUM(数)",
        名次: { kind: "info", formula: "RANK(数)", decimals: 0 },
        司龄: { kind: "info", formula: "IF(ISBLANK(入职日期), 0, 月数)", decimals: 0 },
        与或: { kind: "info", formula: 'IF(AND(数 > 0, OR(键 = "a", 1 / 0 > 1)), 1, 0)', decimals: 0 },
      },
    });
    const rows: Record<string, string>[] = [
      { 工号: "1", 姓名: "甲", 团队: "x", 键: "a", 数: "3" },
      { 工号: "2", 姓名: "乙", 团队: "x", 键: "z", 数: "3" },
      { 工号: "3", 姓名: "丙", 团队: "y", 键: "b", 数: "abc" },
      { 工号: "4", 姓名: "丁", 团队: "y", 键: "a", 数: "7", 除数: "0" },
      { 工号: "5", 姓名: "戊", 团队: "z", 键: "b", 数: "-1" },
      { 工号: "6", 姓名: "己", 团队: "z", 键: "a", 数: "9", 入职日期: "2025-03-15" },
      { 工号: "7", 姓名: "庚", 团队: "w", 键: "b", 数: "0.5" },
    ];
    const employees = rows.map((values, i) => ({ values, source: { file: "in.csv", row: i + 2 } }));
    const batch = runPayroll(c, { period: "2026-10", employees });
    const scalar = runPayroll(c, { period: "2026-10", employees, mode: "scalar" });
    expect(fingerprint(batch)).toEqual(fingerprint(scalar));
    const errs = batch.ok ? batch.run.errors.map((e, i) => (e ? formatEmployeeError(batch.run, i) : "")) : [];
    // 甲 and 己 compute: their teammates fail only in the last pass, after the team totals were complete.
    expect(errs).toEqual([
      "",
      "in.csv 第3行 乙（2）计算“查表”时：表“表”中没有“z”（可选：a、b）（方案 t.yaml:33:14）",
      "in.csv 第4行 丙（3）计算“数”时：“数”列：“abc”不是数字",
      "in.csv 第5行 丁（4）计算“除法”时：除数为0（方案 t.yaml:36:18）",
      "in.csv 第6行 戊（5）计算“条件”时：IFS 中没有成立的条件（方案 t.yaml:42:14）",
      "",
      "in.csv 第8行 庚（7）计算“与或”时：除数为0（方案 t.yaml:56:44）",
    ]);
  });
});
