/**
 * Grade review repository cases, registered once per database (SQLite, PGlite).
 * @example registerGradeReviewSuite("SQLite", () => testStore("sqlite::memory:"))
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "./index.js";
import { rejectsWith } from "./suite-kit.js";

/**
 * Registers the grade review cases under `label`; `factory` opens a migrated store.
 * @example registerGradeReviewSuite("PGlite", () => testStore("pglite://memory"))
 */
export function registerGradeReviewSuite(label: string, factory: () => Promise<Store>): void {
  describe(label, () => {
    let s: Store;
    beforeAll(async () => {
      s = await factory();
    });
    afterAll(async () => {
      await s?.close();
    });
    const setup = async () => {
      const t = (await s.tenants.create("测试公司")).id;
      const a = await s.employees.create(t, { employeeNo: "E001", name: "张三", employmentType: "全职" });
      const b = await s.employees.create(t, { employeeNo: "E002", name: "李四", employmentType: "全职" });
      return { t, a: a.id, b: b.id };
    };
    const cand = (employeeId: string, rule: string, toGrade: string, reason = "月均 85 分") => ({
      employeeId,
      rule,
      fromGrade: "初级",
      toGrade,
      reason,
    });

    it("inserts candidates, updates pending ones, removes those no longer found and keeps decided ones", async () => {
      const { t, a, b } = await setup();
      const first = await s.gradeReviews.upsertCandidates(t, "2026-09", [
        cand(b, "晋升候选", "中级"),
        cand(a, "晋升候选", "中级"),
        cand(a, "降级候选", "试用"),
      ]);
      expect(first).toEqual({ added: 3, updated: 0, removed: 0, kept: 0 });
      const listed = await s.gradeReviews.list(t, { period: "2026-09" });
      expect(listed.map((r) => [r.employeeNo, r.employeeName, r.rule, r.status])).toEqual([
        ["E001", "张三", "晋升候选", "pending"],
        ["E001", "张三", "降级候选", "pending"],
        ["E002", "李四", "晋升候选", "pending"],
      ]);
      const promoted = listed[0]!;
      await s.gradeReviews.decide(t, promoted.id, { status: "confirmed", by: "hr:li" });

      // Recomputed: A's promotion again (decided: kept), A's demotion gone (removed), B's reason changed.
      const again = await s.gradeReviews.upsertCandidates(t, "2026-09", [
        cand(a, "晋升候选", "高级", "别的理由"),
        cand(b, "晋升候选", "中级", "月均 90 分"),
      ]);
      expect(again).toEqual({ added: 0, updated: 1, removed: 1, kept: 1 });
      const after = await s.gradeReviews.list(t, { period: "2026-09" });
      expect(after.map((r) => [r.employeeNo, r.rule, r.toGrade, r.reason, r.status])).toEqual([
        ["E001", "晋升候选", "中级", "月均 85 分", "confirmed"],
        ["E002", "晋升候选", "中级", "月均 90 分", "pending"],
      ]);
      expect((await s.gradeReviews.list(t, { status: "pending" })).map((r) => r.employeeNo)).toEqual([
        "E002",
      ]);
      expect(await s.gradeReviews.list(t, { period: "2026-10" })).toEqual([]);
    });

    it("decides once: records who, when and the comment; a second decision or unknown id is refused", async () => {
      const { t, a } = await setup();
      await s.gradeReviews.upsertCandidates(t, "2026-09", [cand(a, "晋升候选", "中级")]);
      const [r] = await s.gradeReviews.list(t, {});
      const rejected = await s.gradeReviews.decide(t, r!.id, {
        status: "rejected",
        by: "hr:wang",
        comment: "考核期未满",
      });
      expect([rejected.status, rejected.decidedBy, rejected.comment]).toEqual([
        "rejected",
        "hr:wang",
        "考核期未满",
      ]);
      expect(rejected.decidedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      const err = await rejectsWith(
        s.gradeReviews.decide(t, r!.id, { status: "confirmed", by: "hr:li" }),
        "INVALID",
      );
      expect(err.zh).toMatch(/已于 .* 由 hr:wang 驳回，不能再次审批/);
      expect((await s.gradeReviews.get(t, r!.id))!.status).toBe("rejected");
      await rejectsWith(
        s.gradeReviews.decide(t, "no-such-id", { status: "confirmed", by: "hr" }),
        "NOT_FOUND",
      );
    });

    it("keeps tenants apart", async () => {
      const x = await setup();
      const y = await setup();
      await s.gradeReviews.upsertCandidates(x.t, "2026-09", [cand(x.a, "晋升候选", "中级")]);
      expect(await s.gradeReviews.list(y.t, {})).toEqual([]);
      const [r] = await s.gradeReviews.list(x.t, {});
      await rejectsWith(s.gradeReviews.decide(y.t, r!.id, { status: "confirmed", by: "hr" }), "NOT_FOUND");
    });
  });
}
