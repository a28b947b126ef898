/**
 * The employee list of the web app: search by 工号, 姓名 or phone, filter by team and status (在职/离职), paged.
 * 身份证号 and 银行卡号 are masked (1101**********1234, 6222 **** **** 1234); a lead sees only the teams they lead
 * and never those numbers.
 * @example const { total, items } = await listEmployees(ctx, { q: "张", status: "active", limit: 50 })
 */

import type { Employee } from "@xinsuan/store";
import { AppError } from "../app-error.js";
import { authorize, maySee } from "../auth/authorize.js";
import type { ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";

/** One row of the list. @example const r: EmployeeRow = (await listEmployees(ctx, {})).items[0]! */
export type EmployeeRow = {
  no: string;
  name: string;
  team: string | null;
  grade: string | null;
  employmentType: string;
  hireDate: string | null;
  leaveDate: string | null;
  phone: string | null;
  idNumber: string | null;
  bankAccount: string | null;
  hasAccount: boolean;
};

/** The filters. @example const q: EmployeeQuery = { teamId, status: "left", offset: 0, limit: 20 } */
export type EmployeeQuery = {
  q?: string;
  teamId?: string;
  status?: "active" | "left" | "all";
  offset?: number;
  limit?: number;
};

/** Today as YYYY-MM-DD (UTC+8, the companies' time zone). @example todayInChina() // "2026-11-28" */
export function todayInChina(now = Date.now()): string {
  return new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * A bank card number, already masked by the store (6222***********0123), shown as 6222 **** **** 0123.
 * @example showBankMask("6222***********0123") === "6222 **** **** 0123"
 */
export function showBankMask(masked: string | null): string | null {
  if (masked === null) return null;
  const plain = masked.replace(/\s+/g, "");
  if (plain.length <= 8) return "*".repeat(plain.length);
  return `${plain.slice(0, 4)} **** **** ${plain.slice(-4)}`;
}

/**
 * A 身份证号 already masked by the store; anything short is starred out entirely.
 * @example showIdMask("1101**********1234") === "1101**********1234"
 */
export function showIdMask(masked: string | null): string | null {
  if (masked === null) return null;
  return masked.length <= 8
    ? "*".repeat(masked.length)
    : `${masked.slice(0, 4)}${"*".repeat(masked.length - 8)}${masked.slice(-4)}`;
}

/** Whether the employee has left on `today`. @example hasLeft({ leaveDate: "2026-01-31" }, "2026-02-01") === true */
export function hasLeft(e: Pick<Employee, "leaveDate">, today: string): boolean {
  return e.leaveDate !== null && e.leaveDate < today;
}

/**
 * Builds the rows the caller may see (masked; a lead gets no 身份证号/银行卡号), in 工号 order.
 * @example const rows = await employeeRows(ctx, employees)
 */
export async function employeeRows(ctx: ServiceContext, people: readonly Employee[]): Promise<EmployeeRow[]> {
  const { store, tenantId } = ctx;
  const [teams, grades, users] = await Promise.all([
    storeCall(() => store.teams.list(tenantId)),
    storeCall(() => store.history.gradesOn(tenantId, todayInChina())),
    storeCall(() => store.users.list(tenantId)),
  ]);
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const withAccount = new Set(users.map((u) => u.employeeId).filter((x) => x !== null));
  const secret = ctx.principal === undefined || ctx.principal.role !== "lead";
  return people.map((e) => ({
    no: e.employeeNo,
    name: e.name,
    team: e.teamId ? (teamName.get(e.teamId) ?? null) : null,
    grade: grades.get(e.id)?.grade ?? null,
    employmentType: e.employmentType,
    hireDate: e.hireDate,
    leaveDate: e.leaveDate,
    phone: e.phone,
    idNumber: secret ? showIdMask(e.idNumber) : null,
    bankAccount: secret ? showBankMask(e.bankAccount) : null,
    hasAccount: withAccount.has(e.id),
  }));
}

const MAX_LIMIT = 500;

/**
 * Lists the employees the caller may see.
 * @example const page = await listEmployees(ctx, { q: "A00", offset: 20, limit: 20 })
 */
export async function listEmployees(
  ctx: ServiceContext,
  f: EmployeeQuery = {},
): Promise<{ total: number; items: EmployeeRow[] }> {
  authorize(ctx, "employees.read");
  const offset = f.offset ?? 0;
  const limit = f.limit ?? 50;
  if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    throw new AppError(
      "INPUT_INVALID",
      `分页参数不对：offset 须为不小于 0 的整数，limit 须为 1 到 ${MAX_LIMIT} 的整数`,
      `paging: offset must be a whole number ≥ 0 and limit 1 to ${MAX_LIMIT}`,
    );
  const status = f.status ?? "active";
  const today = todayInChina();
  const q = (f.q ?? "").trim().toLowerCase();
  const all = await storeCall(() =>
    ctx.store.employees.list(ctx.tenantId, { limit: 1_000_000, ...(f.teamId ? { teamId: f.teamId } : {}) }),
  );
  const matching = all
    .filter((e) => maySee(ctx, e))
    .filter((e) => status === "all" || (status === "left") === hasLeft(e, today))
    .filter(
      (e) =>
        q === "" ||
        e.employeeNo.toLowerCase().includes(q) ||
        e.name.toLowerCase().includes(q) ||
        (e.phone ?? "").includes(q),
    )
    .sort((a, b) => a.employeeNo.localeCompare(b.employeeNo));
  const items = await employeeRows(ctx, matching.slice(offset, offset + limit));
  return { total: matching.length, items };
}
