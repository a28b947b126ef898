/**
 * The admin changes an account's role or disables / re-enables it. An admin cannot demote or disable their own
 * account; disabling ends every session of the account at once. Audit-logged as `user.update`.
 * @example await updateUser(ctx, { id, disabled: true })
 */

import type { UserRole } from "@xinsuan/store";
import { AppError } from "../app-error.js";
import { authorize } from "../auth/authorize.js";
import { inTransaction, type ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";
import { employeeNumbers, type UserView, userView } from "./list-users.js";

/** The change. @example const p: UserChange = { id, role: "finance" } */
export type UserChange = { id: string; role?: UserRole; disabled?: boolean };

/**
 * Applies the change; NOT_FOUND for an unknown id (also another company's), FORBIDDEN on the admin's own account.
 * @example const u = await updateUser(ctx, { id, role: "hr" })
 */
export async function updateUser(ctx: ServiceContext, c: UserChange): Promise<UserView> {
  authorize(ctx, "users.manage");
  const { store, tenantId, actor } = ctx;
  const before = await storeCall(() => store.users.findById(tenantId, c.id));
  if (!before) throw new AppError("NOT_FOUND", `找不到账号 ${c.id}`, `account ${c.id} not found`);
  const self = ctx.principal?.userId === before.id;
  if (self && ((c.role !== undefined && c.role !== before.role) || c.disabled === true))
    throw new AppError(
      "FORBIDDEN",
      "不能降低自己的角色或停用自己的账号（请另一位管理员操作）",
      "you cannot demote or disable your own account (ask another administrator)",
    );
  if ((c.role === "agent" || c.role === "lead") && before.employeeId === null)
    throw new AppError(
      "INPUT_INVALID",
      "该账号没有关联员工，不能设为员工或主管",
      "the account belongs to no employee; it cannot be an agent or lead",
    );
  const after = await storeCall(() =>
    inTransaction(store, async (tx) => {
      await tx.users.update(tenantId, before.id, {
        ...(c.role !== undefined ? { role: c.role } : {}),
        ...(c.disabled !== undefined ? { disabled: c.disabled } : {}),
      });
      if (c.disabled === true || (c.role !== undefined && c.role !== before.role))
        await tx.sessions.deleteForUser(tenantId, before.id);
      await tx.audit.append(tenantId, {
        actor,
        action: "user.update",
        entity: "user",
        entityId: before.id,
        before: { role: before.role, disabled: before.disabled },
        after: { role: c.role ?? before.role, disabled: c.disabled ?? before.disabled },
      });
      return (await tx.users.findById(tenantId, before.id))!;
    }),
  );
  return userView(after, await employeeNumbers(ctx));
}
