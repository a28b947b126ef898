/**
 * Adjustments to an approved period (补发 / 补扣): recorded with a reason against `forPeriod` and paid as their own
 * line in the later `payPeriod`'s run. Cancelling keeps the row (who and when), and `listToPay` skips it.
 * @example await adjustments.add(t, { employeeId, forPeriod: "2026-08", payPeriod: "2026-10", kind: "补发", amount: "300.00", taxable: true, reason: "8月加班费漏算", createdBy: "hr:li" })
 */

import type { Kysely } from "kysely";
import { guard, StoreError } from "../errors.js";
import { exactAmount } from "../money.js";
import type { Database } from "../schema.js";
import { newId, nowIso } from "../util.js";

/** An adjustment with its employee's 工号 and name. @example const a: Adjustment = await adjustments.cancel(t, id, "hr:li") */
export type Adjustment = {
  id: string;
  employeeId: string;
  employeeNo: string;
  employeeName: string;
  forPeriod: string;
  payPeriod: string;
  kind: "补发" | "补扣";
  amount: string;
  taxable: boolean;
  reason: string;
  createdBy: string;
  createdAt: string;
  cancelledBy: string | null;
  cancelledAt: string | null;
};

/** What recording an adjustment needs (amount: decimal text exact to the 分). @example const n: NewAdjustment = { employeeId, forPeriod: "2026-08", payPeriod: "2026-10", kind: "补扣", amount: "50", taxable: true, reason: "多发餐补", createdBy: "hr:li" } */
export type NewAdjustment = {
  employeeId: string;
  forPeriod: string;
  payPeriod: string;
  kind: "补发" | "补扣";
  amount: string;
  taxable: boolean;
  reason: string;
  createdBy: string;
};

/** Adjustment storage. @example const adjustments: AdjustmentRepository = createAdjustmentRepository(db) */
export interface AdjustmentRepository {
  add(tenantId: string, a: NewAdjustment): Promise<Adjustment>;
  get(tenantId: string, id: string): Promise<Adjustment | undefined>;
  /** Marks the adjustment cancelled; cancelling twice is refused (INVALID). */
  cancel(tenantId: string, id: string, by: string): Promise<Adjustment>;
  list(
    tenantId: string,
    f: { payPeriod?: string; forPeriod?: string; employeeId?: string },
  ): Promise<Adjustment[]>;
  /** The pay period's adjustments not cancelled, ordered by 工号, creation time and id. */
  listToPay(tenantId: string, payPeriod: string): Promise<Adjustment[]>;
}

/**
 * Adjustments over Kysely.
 * @example const due = await createAdjustmentRepository(db).listToPay(tenantId, "2026-10")
 */
export function createAdjustmentRepository(db: Kysely<Database>): AdjustmentRepository {
  const base = (tenantId: string) =>
    db
      .selectFrom("adjustments as a")
      .innerJoin("employees as e", (j) =>
        j.onRef("e.id", "=", "a.employee_id").onRef("e.tenant_id", "=", "a.tenant_id"),
      )
      .select([
        "a.id as id",
        "a.employee_id as employeeId",
        "e.employee_no as employeeNo",
        "e.name as employeeName",
        "a.for_period as forPeriod",
        "a.pay_period as payPeriod",
        "a.kind as kind",
        "a.amount as amount",
        "a.taxable as taxable",
        "a.reason as reason",
        "a.created_by as createdBy",
        "a.created_at as createdAt",
        "a.cancelled_by as cancelledBy",
        "a.cancelled_at as cancelledAt",
      ])
      .where("a.tenant_id", "=", tenantId);
  const read = async (q: ReturnType<typeof base>): Promise<Adjustment[]> => {
    const rows = await q.orderBy("e.employee_no").orderBy("a.created_at").orderBy("a.id").execute();
    return rows.map((r) => ({ ...r, taxable: Number(r.taxable) === 1 }));
  };

  const repo: AdjustmentRepository = {
    async add(tenantId, a) {
      const amount = exactAmount(a.amount);
      const id = newId();
      await guard(`记录${a.kind}`, `recording the ${a.kind === "补发" ? "back pay" : "deduction"}`, () =>
        db
          .insertInto("adjustments")
          .values({
            id,
            tenant_id: tenantId,
            employee_id: a.employeeId,
            for_period: a.forPeriod,
            pay_period: a.payPeriod,
            kind: a.kind,
            amount,
            taxable: a.taxable ? 1 : 0,
            reason: a.reason,
            created_by: a.createdBy,
            created_at: nowIso(),
          })
          .execute(),
      );
      const saved = await repo.get(tenantId, id);
      if (!saved) throw new StoreError("NOT_FOUND", "找不到该员工", "employee not found");
      return saved;
    },
    async get(tenantId, id) {
      const [row] = await read(base(tenantId).where("a.id", "=", id));
      return row;
    },
    async cancel(tenantId, id, by) {
      const res = await guard("撤销调整", "cancelling the adjustment", () =>
        db
          .updateTable("adjustments")
          .set({ cancelled_by: by, cancelled_at: nowIso() })
          .where("tenant_id", "=", tenantId)
          .where("id", "=", id)
          .where("cancelled_at", "is", null)
          .executeTakeFirst(),
      );
      const adj = await repo.get(tenantId, id);
      if (!adj) throw new StoreError("NOT_FOUND", `找不到调整 ${id}`, `adjustment ${id} not found`);
      if (Number(res.numUpdatedRows) !== 1) {
        throw new StoreError(
          "INVALID",
          `调整 ${id} 已于 ${adj.cancelledAt} 由 ${adj.cancelledBy} 撤销`,
          `adjustment ${id} was already cancelled by ${adj.cancelledBy}`,
        );
      }
      return adj;
    },
    list(tenantId, f) {
      let q = base(tenantId);
      if (f.payPeriod !== undefined) q = q.where("a.pay_period", "=", f.payPeriod);
      if (f.forPeriod !== undefined) q = q.where("a.for_period", "=", f.forPeriod);
      if (f.employeeId !== undefined) q = q.where("a.employee_id", "=", f.employeeId);
      return read(q);
    },
    listToPay: (tenantId, payPeriod) =>
      read(base(tenantId).where("a.pay_period", "=", payPeriod).where("a.cancelled_at", "is", null)),
  };
  return repo;
}
