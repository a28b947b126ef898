/**
 * `npm start` / `xinsuan demo`: computes a month for a generated demo company and prints the register summary
 * and one explained payslip.
 * @example xinsuan demo
 */
import { join, relative } from "node:path";
import { findTemplate } from "../templates.js";
import { runCalc } from "./calc.js";

/** Runs the demo payroll in the terminal. */
export async function runDemo(print: (s: string) => void): Promise<void> {
  const t = findTemplate("grade-tier-structure")!;
  print("薪算 xinsuan 演示：模板 grade-tier-structure（种子“公司员工薪资结构”的六个例子）");
  await runCalc(
    {
      policy: t.id,
      inputs: relative(process.cwd(), join(t.dir, "sample.csv")) || "sample.csv",
      period: "2026-10",
      explain: "G001",
    },
    print,
  );
}
