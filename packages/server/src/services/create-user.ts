/**
 * The admin creates one account: login, name, role, initial password (the password rule applies; it must be
 * changed at first sign-in) and optionally the employee (工号) it belongs to. Audit-logged as `user.create`.
 * @example await createUser(ctx, { login: "hr2", name: "周薪酬", role: "hr", password: "start-1234" })
 */

import type { UserRole } from "@xinsuan/store";
import { AppError } from "../app-error.js";
import { authorize } from "../auth/authorize.js";
import { checkPasswordRule, hashPassword } from "../auth/password.js";
import { inTransaction, type ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";
import { employeeNumbers, type UserView, userView } from "./list-users.js";

/** A new account. @example const n: NewAccount = { login: "fin2", name: "钱财务", role: "finance", password: "start-1234" } */
export type NewAccount = {
  login: string;
  name: string;
  role: UserRole;
  password: string;
  employeeNo?: string;
};

/**
 * Creates the account; STATE_CONFLICT when the login is taken, INPUT_INVALID for a bad field.
 * @example const u = await createUser(ctx, { login: "A0000099", name: "新员工", role: "agent", password: "start-1234", employeeNo: "A0000099" })
 */
export async function createUser(ctx: ServiceContext, n: NewAccount): Promise<UserView> {
  authorize(ctx, "users.manage");
  const { store, tenantId, actor } = ctx;
  const login = n.login.trim();
  const name = n.name.trim();
  if (!login || !name || /\s/.test(login))
    throw new AppError(
      "INPUT_INVALID",
      "账号不能为空、不能含空格，姓名不能为空",
      "the login must be non-empty without spaces, and the name non-empty",
    );
  checkPasswordRule(n.password);
  if (await storeCall(() => store.users.findByLogin(tenantId, login)))
    throw new AppError("STATE_CONFLICT", `账号“${login}”已存在`, `login "${login}" is taken`);
  let employeeId: string | null = null;
  if (n.employeeNo?.trim()) {
    const e = await storeCall(() => store.employees.findByNo(tenantId, n.employeeNo!.trim()));
    if (!e)
      throw new AppError(
        "INPUT_INVALID",
        `没有工号为“${n.employeeNo}”的员工`,
        `no employee "${n.employeeNo}"`,
      );
    if (await storeCall(() => store.users.findByEmployee(tenantId, e.id)))
      throw new AppError(
        "STATE_CONFLICT",
        `员工 ${e.employeeNo} ${e.name} 已有账号`,
        `employee ${e.employeeNo} already has an account`,
      );
    employeeId = e.id;
  }
  if ((n.role === "agent" || n.role === "lead") && employeeId === null)
    throw new AppError(
      "INPUT_INVALID",
      "员工和主管账号须关联工号（employeeNo）",
      "an agent or lead account needs the employee number (employeeNo)",
    );
  const passwordHash = await hashPassword(n.password);
  const user = await storeCall(() =>
    inTransaction(store, async (tx) => {
      const u = await tx.users.create(tenantId, {
        login,
        name,
        role: n.role,
        passwordHash,
        employeeId,
        mustChangePassword: true,
      });
      await tx.audit.append(tenantId, {
        actor,
        action: "user.create",
        entity: "user",
        entityId: u.id,
        after: { login, name, role: n.role, employeeNo: n.employeeNo ?? null },
      });
      return u;
    }),
  );
  return userView(user, await employeeNumbers(ctx));
}
