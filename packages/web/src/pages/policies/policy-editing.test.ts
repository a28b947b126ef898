/**
 * Tests of the policy editor's pure parts: YAML edits in place, the line diff, the named change summary and the
 * names offered for formula completion.
 * @example npx vitest run packages/web/src/pages/policies
 */
import { checkPolicyText } from "@xinsuan/core";
import { describe, expect, it } from "vitest";
import TEMPLATE from "../../../../../templates/welfare-6tier/policy.yaml?raw";
import { focusOf } from "./editor-page";
import { countChanges, diffLines, toHunks } from "./line-diff";
import { namesOfPolicy } from "./policy-names";
import { summarizePolicyChanges } from "./structured-diff";
import { addEntry, appendItem, parsePolicyDoc, removeAt, renameKey, setScalar, textAt } from "./yaml-edit";

function changedLines(a: string, b: string): number {
  return countChanges(diffLines(a, b)).added;
}

describe("yaml edits", () => {
  it("replaces a value inside a flow map without touching other lines", () => {
    const next = setScalar(TEMPLATE, ["params", "培训日薪", "value"], "12.50", "scalar");
    expect(changedLines(TEMPLATE, next)).toBe(1);
    expect(next).toContain("培训日薪: { value: 12.50, type: money");
    expect(parsePolicyDoc(next)?.getIn(["params", "培训日薪", "value"])).toBe(12.5);
  });

  it("keeps a percent as text and quotes text that YAML would misread", () => {
    const pct = setScalar(TEMPLATE, ["params", "出勤比例上限", "value"], "90%", "scalar");
    expect(parsePolicyDoc(pct)?.getIn(["params", "出勤比例上限", "value"])).toBe("90%");
    const txt = setScalar(TEMPLATE, ["params", "培训日薪", "description"], "true", "string");
    expect(parsePolicyDoc(txt)?.getIn(["params", "培训日薪", "description"])).toBe("true");
    const colon = setScalar(TEMPLATE, ["items", 1, "formula"], "a: b", "string");
    expect(parsePolicyDoc(colon)?.getIn(["items", 1, "formula"])).toBe("a: b");
  });

  it("writes a formula with brackets as typed in block style", () => {
    const next = setScalar(TEMPLATE, ["items", 1, "formula"], "绩效标准[职级] * 2", "string");
    expect(next).toContain("    formula: 绩效标准[职级] * 2\n");
    expect(changedLines(TEMPLATE, next)).toBe(1);
  });

  it("renames, adds and removes entries and keeps flow sequences as written", () => {
    const renamed = renameKey(TEMPLATE, ["params"], "培训日薪", "培训日工资");
    const doc = parsePolicyDoc(renamed);
    expect(doc && textAt(doc, ["params", "培训日工资", "value"])).toBe("10");
    expect(renamed).toContain("keys: [{ name: 职级, type: text }]");
    const added = addEntry(TEMPLATE, ["params"], "新参数", { value: 1 });
    expect(parsePolicyDoc(added)?.getIn(["params", "新参数", "value"])).toBe(1);
    const removed = removeAt(TEMPLATE, ["params", "培训日薪"]);
    expect(parsePolicyDoc(removed)?.hasIn(["params", "培训日薪"])).toBe(false);
    const appended = appendItem(TEMPLATE, ["items"], { name: "补贴", kind: "earning", formula: "0" });
    expect(parsePolicyDoc(appended)?.getIn(["items", 10, "name"])).toBe("补贴");
  });

  it("leaves broken YAML alone", () => {
    expect(setScalar("a: [", ["a"], "1", "scalar")).toBe("a: [");
  });
});

describe("line diff", () => {
  it("finds the changed lines and groups them into hunks", () => {
    const a = ["x", "a", "b", "c", "d", "e", "f", "g", "h", "y"].join("\n");
    const b = ["x", "a", "B", "c", "d", "e", "f", "g", "h", "y", "z"].join("\n");
    const d = diffLines(a, b);
    expect(countChanges(d)).toEqual({ added: 2, removed: 1 });
    expect(d.filter((l) => l.op !== "same").map((l) => `${l.op}:${l.text}`)).toEqual([
      "del:b",
      "add:B",
      "add:z",
    ]);
    const hunks = toHunks(d, 1);
    expect(hunks).toHaveLength(2);
    expect(hunks[0]?.aStart).toBe(2);
  });

  it("reports no hunk for equal texts", () => {
    expect(toHunks(diffLines(TEMPLATE, TEMPLATE))).toEqual([]);
  });
});

describe("named change summary", () => {
  it("lists params and items added, removed and changed", () => {
    let next = setScalar(TEMPLATE, ["params", "培训日薪", "value"], "12", "scalar");
    next = setScalar(next, ["items", 1, "formula"], "0", "string");
    next = removeAt(next, ["params", "见习期月数"]);
    next = addEntry(next, ["inputs"], "餐补天数", { type: "number" });
    const c = summarizePolicyChanges(TEMPLATE, next);
    expect(c?.map((x) => `${x.section}:${x.name}:${x.change}`)).toEqual([
      "params:培训日薪:changed",
      "params:见习期月数:removed",
      "inputs:餐补天数:added",
      "items:绩效工资:changed",
    ]);
    expect(summarizePolicyChanges("a: [", TEMPLATE)).toBeNull();
  });
});

describe("completion names and problem focus", () => {
  it("offers the policy's own names, the employee fields, period values and functions", () => {
    const names = namesOfPolicy(parsePolicyDoc(TEMPLATE)).map((n) => n.name);
    for (const n of [
      "培训日薪",
      "底薪标准",
      "出勤天数",
      "出勤比例",
      "考核得分",
      "接听率得分",
      "订单门槛",
      "底薪",
      "职级",
      "本月工作日",
      "实发工资",
      "IF",
    ])
      expect(names).toContain(n);
  });

  it("points a formula problem at its row in the items tab", () => {
    const broken = setScalar(TEMPLATE, ["items", 1, "formula"], "绩效标准[职级] * 不存在的名字", "string");
    const problem = checkPolicyText(broken, "policy.yaml").problems.find((p) => p.severity === "error");
    expect(problem?.code).toBe("UNKNOWN_NAME");
    expect(focusOf(problem?.at?.path)).toEqual({ section: "items", key: "1" });
    expect(focusOf("statutory.city")).toBeNull();
  });
});
