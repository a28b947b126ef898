import { readFileSync } from "node:fs";
import { it } from "vitest";
import { checkPolicyText, runPayroll } from "../../packages/core/src/index.js";
it("scratch", () => {
  const c = checkPolicyText(readFileSync(new URL("./policy.yaml", import.meta.url), "utf8"), "policy.yaml").compiled!;
  const prior = { groups: { 团队: { 甲: { 订单门槛: "105" }, 乙: { 订单门槛: "111" } } } };
  const r = runPayroll(c, { period: "2026-10", prior, employees: [{ values: { 工号: "A", 姓名: "a", 团队: "甲", 职级: "客服专员", 出勤天数: "" } }] });
  if (!r.ok) throw new Error();
  console.log(r.run.errorCount, JSON.stringify(r.run.nextState));
});
