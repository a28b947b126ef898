/**
 * Signs in with 工号 or phone and password. Five wrong passwords in a row lock the account for 15 minutes
 * (ACCOUNT_LOCKED, with the time it opens again); a disabled account and an unknown login get the same answer as
 * a wrong password. When the login exists in several companies, `company` chooses (INPUT_INVALID asks for it).
 * Every result is audit-logged (never the password).
 * @example const s = await signIn(store, { login: "K001", password: "…" }); s.token
 */

import type { User } from "@xinsuan/store";
import { AppError } from "../app-error.js";
import { hashPassword, verifyPassword } from "../auth/password.js";
import type { Principal } from "../auth/principal.js";
import { openSession, principalOf } from "../auth/session-token.js";
import type { ServerStore } from "../context.js";
import { storeCall } from "../store-errors.js";

/** Failures before the lock. @example MAX_FAILED_SIGN_INS === 5 */
export const MAX_FAILED_SIGN_INS = 5;
/** How long the lock lasts. @example LOCK_MS === 900_000 */
export const LOCK_MS = 15 * 60_000;

/** A started session. @example const s: SignedIn = await signIn(store, { login, password }) */
export type SignedIn = {
  token: string;
  csrfToken: string;
  user: User;
  principal: Principal;
  company: string;
};

let decoyHash: Promise<string> | undefined;

async function findUser(store: ServerStore, login: string, company?: string): Promise<User | undefined> {
  let all = await storeCall(() => store.users.findAllByLogin(login));
  // Not an account name: a phone number of an employee with an account.
  if (all.length === 0 && /^\+?\d{6,20}$/.test(login))
    all = await storeCall(() => store.users.findAllByPhone(login));
  if (all.length <= 1 || company === undefined) {
    if (all.length > 1)
      throw new AppError(
        "INPUT_INVALID",
        "该账号在多家企业中存在，请填写企业名称",
        "this login exists in several companies: give the company name",
        [{ zh: "company: 必填", en: "company: required" }],
      );
    return all[0];
  }
  for (const u of all) {
    const t = await storeCall(() => store.tenants.get(u.tenantId));
    if (t.name === company.trim()) return u;
  }
  return undefined;
}

function wrong(): AppError {
  return new AppError("UNAUTHENTICATED", "账号或密码不正确", "wrong login or password");
}

/**
 * Checks the password and opens a session.
 * @example await signIn(store, { login: "hr", password: "demo-2026" })
 */
export async function signIn(
  store: ServerStore,
  o: { login: string; password: string; company?: string },
  now = Date.now(),
): Promise<SignedIn> {
  const user = await findUser(store, o.login.trim(), o.company);
  if (!user) {
    decoyHash ??= hashPassword("decoy-password-for-timing");
    await verifyPassword(await decoyHash, o.password);
    throw wrong();
  }
  if (user.lockedUntil && Date.parse(user.lockedUntil) > now) {
    const at = new Date(user.lockedUntil);
    const hhmm = at.toISOString().slice(11, 16);
    throw new AppError(
      "ACCOUNT_LOCKED",
      `密码错误次数过多，账号已锁定，请于 ${hhmm}（UTC）后再试或联系管理员`,
      `too many wrong passwords: the account is locked until ${hhmm} UTC`,
    );
  }
  const ok = await verifyPassword(user.passwordHash, o.password);
  const audit = (action: string) =>
    storeCall(() =>
      store.audit.append(user.tenantId, { actor: user.login, action, entity: "user", entityId: user.id }),
    );
  if (!ok || user.disabled) {
    const failed = user.failedAttempts + 1;
    const lockedUntil = failed >= MAX_FAILED_SIGN_INS ? new Date(now + LOCK_MS).toISOString() : null;
    await storeCall(() =>
      store.users.recordSignIn(user.tenantId, user.id, {
        failedAttempts: lockedUntil ? 0 : failed,
        lockedUntil,
      }),
    );
    await audit(lockedUntil ? "auth.locked" : "auth.failed");
    throw wrong();
  }
  await storeCall(() =>
    store.users.recordSignIn(user.tenantId, user.id, { failedAttempts: 0, lockedUntil: null }),
  );
  await audit("auth.sign-in");
  const { token, csrfToken } = await openSession(store, user, now);
  const tenant = await storeCall(() => store.tenants.get(user.tenantId));
  return { token, csrfToken, user, principal: await principalOf(store, user), company: tenant.name };
}
