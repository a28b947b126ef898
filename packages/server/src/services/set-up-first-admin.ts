/**
 * First-run setup: while no account exists anywhere, creates the company (or uses the one named) and its
 * 管理员 account, then signs in. Afterwards it is refused (STATE_CONFLICT), so nobody can take over a workspace.
 * @example const s = await setUpFirstAdmin(store, { company: "示例公司", login: "admin", name: "王管理", password: "…" })
 */

import { AppError } from "../app-error.js";
import { checkPasswordRule, hashPassword } from "../auth/password.js";
import type { ServerStore } from "../context.js";
import { storeCall } from "../store-errors.js";
import { ensureTenant } from "./init-workspace.js";
import { type SignedIn, signIn } from "./sign-in.js";

/** Whether setup is still open (no account at all). @example await isSetupNeeded(store) */
export async function isSetupNeeded(store: ServerStore): Promise<boolean> {
  return (await storeCall(() => store.users.countAll())) === 0;
}

/**
 * Creates the company's first administrator and signs them in.
 * @example await setUpFirstAdmin(store, { company: "甲公司", login: "admin", name: "王", password: "s3cret-pass" })
 */
export async function setUpFirstAdmin(
  store: ServerStore,
  o: { company: string; login: string; name: string; password: string },
): Promise<SignedIn> {
  if (!(await isSetupNeeded(store)))
    throw new AppError("STATE_CONFLICT", "系统已初始化，请直接登录", "already set up: sign in instead");
  const company = o.company.trim();
  const login = o.login.trim();
  if (!company || !login || !o.name.trim())
    throw new AppError(
      "INPUT_INVALID",
      "企业名称、账号和姓名都必须填写",
      "company, login and name are required",
    );
  checkPasswordRule(o.password);
  const { tenant } = await ensureTenant(store, company);
  const user = await storeCall(async () =>
    store.users.create(tenant.id, {
      login,
      name: o.name.trim(),
      role: "admin",
      passwordHash: await hashPassword(o.password),
    }),
  );
  await storeCall(() =>
    store.audit.append(tenant.id, { actor: login, action: "auth.setup", entity: "user", entityId: user.id }),
  );
  return signIn(store, { login, password: o.password, company });
}
