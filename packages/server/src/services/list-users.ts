/**
 * The company's sign-in accounts for the admin's user page (no password hashes): role, the employee (工号) the
 * account belongs to, whether it is disabled or locked.
 * @example const { items } = await listUsers(ctx); items.find((u) => u.login === "hr")?.role
 */

import type { User } from "@xinsuan/store";
import { authorize } from "../auth/authorize.js";
import type { ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";

/** An account as shown. @example const u: UserView = { id, login: "hr", name: "李薪酬", role: "hr", employeeNo: null, disabled: false, lockedUntil: null } */
export type UserView = {
  id: string;
  login: string;
  name: string;
  role: User["role"];
  employeeNo: string | null;
  disabled: boolean;
  lockedUntil: string | null;
};

/**
 * An account without its secrets; `employeeNo` from the id → 工号 map.
 * @example userView(user, new Map([[user.employeeId!, "A0000002"]]))
 */
export function userView(u: User, noOf: ReadonlyMap<string, string>): UserView {
  return {
    id: u.id,
    login: u.login,
    name: u.name,
    role: u.role,
    employeeNo: u.employeeId ? (noOf.get(u.employeeId) ?? null) : null,
    disabled: u.disabled,
    lockedUntil: u.lockedUntil && u.lockedUntil > new Date().toISOString() ? u.lockedUntil : null,
  };
}

/**
 * The 工号 of every employee by id.
 * @example const noOf = await employeeNumbers(ctx)
 */
export async function employeeNumbers(ctx: ServiceContext): Promise<Map<string, string>> {
  const rows = await storeCall(() =>
    ctx.store.db
      .selectFrom("employees")
      .select(["id", "employee_no"])
      .where("tenant_id", "=", ctx.tenantId)
      .execute(),
  );
  return new Map(rows.map((r) => [r.id, r.employee_no]));
}

/**
 * Lists the accounts by login (admin only).
 * @example const users = (await listUsers(ctx)).items
 */
export async function listUsers(ctx: ServiceContext): Promise<{ items: UserView[] }> {
  authorize(ctx, "users.manage");
  const [users, noOf] = await Promise.all([
    storeCall(() => ctx.store.users.list(ctx.tenantId)),
    employeeNumbers(ctx),
  ]);
  return { items: users.map((u) => userView(u, noOf)) };
}
