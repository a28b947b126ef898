/**
 * Ends the current session, or every session of the user ("sign out everywhere").
 * @example await signOut(ctx, { sessionId, everywhere: true })
 */

import type { ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";

/**
 * Deletes the session(s).
 * @example await signOut(ctx, { sessionId: s.id })
 */
export async function signOut(
  ctx: ServiceContext,
  o: { sessionId: string; everywhere?: boolean },
): Promise<void> {
  const p = ctx.principal;
  await storeCall(async () => {
    if (o.everywhere && p) await ctx.store.sessions.deleteForUser(ctx.tenantId, p.userId);
    else await ctx.store.sessions.delete(o.sessionId);
    if (p)
      await ctx.store.audit.append(ctx.tenantId, {
        actor: ctx.actor,
        action: o.everywhere ? "auth.sign-out-everywhere" : "auth.sign-out",
        entity: "user",
        entityId: p.userId,
      });
  });
}
