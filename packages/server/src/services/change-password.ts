/**
 * Changes the signed-in user's password: the current one must match, the new one follow the rule; every other
 * session of the user ends (the current one stays). Audit-logged.
 * @example await changePassword(ctx, { current: "old-pass-1", next: "new-pass-2", keepSessionId })
 */

import { AppError } from "../app-error.js";
import { checkPasswordRule, hashPassword, verifyPassword } from "../auth/password.js";
import type { ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";

/**
 * Sets a new password after checking the current one.
 * @example await changePassword(ctx, { current, next, keepSessionId: session.id })
 */
export async function changePassword(
  ctx: ServiceContext,
  o: { current: string; next: string; keepSessionId?: string },
): Promise<void> {
  const p = ctx.principal;
  if (!p) throw new AppError("UNAUTHENTICATED", "请先登录", "sign in first");
  const user = await storeCall(() => ctx.store.users.findById(ctx.tenantId, p.userId));
  if (!user || !(await verifyPassword(user.passwordHash, o.current)))
    throw new AppError("INPUT_INVALID", "当前密码不正确", "the current password is wrong", [
      { zh: "current: 当前密码不正确", en: "current: wrong password" },
    ]);
  if (o.current === o.next)
    throw new AppError("INPUT_INVALID", "新密码不能与当前密码相同", "the new password must differ");
  checkPasswordRule(o.next);
  const passwordHash = await hashPassword(o.next);
  await storeCall(async () => {
    await ctx.store.users.update(ctx.tenantId, user.id, { passwordHash, mustChangePassword: false });
    await ctx.store.sessions.deleteForUser(ctx.tenantId, user.id, o.keepSessionId);
    await ctx.store.audit.append(ctx.tenantId, {
      actor: ctx.actor,
      action: "auth.password",
      entity: "user",
      entityId: user.id,
    });
  });
}
