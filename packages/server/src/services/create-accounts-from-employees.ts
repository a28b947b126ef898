/**
 * Gives employees a sign-in account: login = 工号, role 员工 (主管 when the employee leads a team), a random
 * initial password shown ONCE in the result and to be changed at first sign-in. Employees who already have an
 * account (or whose 工号 is already a login) and those who have left are skipped. Audit-logged as `account.create`.
 * @example const { created } = await createAccountsFromEmployees(ctx, { employeeNos: ["A0000061"] })
 */

import { randomInt } from "node:crypto";
import type { NewUser, UserRole } from "@xinsuan/store";
import { AppError } from "../app-error.js";
import { authorize } from "../auth/authorize.js";
import { hashPassword } from "../auth/password.js";
import { inTransaction, type ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";
import { hasLeft, todayInChina } from "./list-employees.js";

/** A created account with its one-time password. @example const a: CreatedAccount = { login: "A0000061", name: "张三", role: "agent", initialPassword: "k7Qm-xR4p-2wHs" } */
export type CreatedAccount = { login: string; name: string; role: UserRole; initialPassword: string };

const ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/**
 * A random initial password: 12 letters and digits without look-alikes, in groups of four.
 * @example /^[a-zA-Z2-9]{4}-[a-zA-Z2-9]{4}-[a-zA-Z2-9]{4}$/.test(randomInitialPassword())
 */
export function randomInitialPassword(): string {
  const group = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return `${group()}-${group()}-${group()}`;
}

/**
 * Creates the missing accounts of the given 工号 (default: every employee still employed).
 * @example const r = await createAccountsFromEmployees(ctx, {}); r.created.length
 */
export async function createAccountsFromEmployees(
  ctx: ServiceContext,
  o: { employeeNos?: string[] } = {},
): Promise<{ created: CreatedAccount[] }> {
  authorize(ctx, "accounts.create");
  const { store, tenantId, actor } = ctx;
  const [people, users, teams] = await Promise.all([
    storeCall(() => store.employees.list(tenantId, { limit: 1_000_000 })),
    storeCall(() => store.users.list(tenantId)),
    storeCall(() => store.teams.list(tenantId)),
  ]);
  const byNo = new Map(people.map((e) => [e.employeeNo, e]));
  if (o.employeeNos) {
    const unknown = o.employeeNos.filter((no) => !byNo.has(no.trim()));
    if (unknown.length > 0)
      throw new AppError(
        "INPUT_INVALID",
        `有 ${unknown.length} 个工号找不到员工，未创建任何账号`,
        `${unknown.length} employee number(s) not found; no account was created`,
        unknown.map((no) => ({ zh: `工号“${no}”：没有这个员工`, en: `"${no}": no such employee` })),
      );
  }
  const today = todayInChina();
  const chosen = o.employeeNos
    ? [...new Set(o.employeeNos.map((n) => n.trim()))].map((no) => byNo.get(no)!)
    : people.filter((e) => !hasLeft(e, today));
  const hasAccount = new Set(users.map((u) => u.employeeId).filter((x) => x !== null));
  const logins = new Set(users.map((u) => u.login));
  const leads = new Set(teams.map((t) => t.leadEmployeeId).filter((x) => x !== null));
  const fresh = chosen.filter(
    (e) => !hasAccount.has(e.id) && !logins.has(e.employeeNo) && !hasLeft(e, today),
  );
  const created: CreatedAccount[] = [];
  const rows: NewUser[] = [];
  for (const e of fresh) {
    const initialPassword = randomInitialPassword();
    const role: UserRole = leads.has(e.id) ? "lead" : "agent";
    rows.push({
      login: e.employeeNo,
      name: e.name,
      role,
      employeeId: e.id,
      passwordHash: await hashPassword(initialPassword),
      mustChangePassword: true,
    });
    created.push({ login: e.employeeNo, name: e.name, role, initialPassword });
  }
  if (rows.length > 0)
    await storeCall(() =>
      inTransaction(store, async (tx) => {
        await tx.users.createMany(tenantId, rows);
        await tx.audit.append(tenantId, {
          actor,
          action: "account.create",
          entity: "user",
          entityId: "from-employees",
          after: { logins: created.map((c) => ({ login: c.login, role: c.role })) },
        });
      }),
    );
  return { created };
}
