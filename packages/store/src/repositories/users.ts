/**
 * Accounts: one per person per company, found by 工号 or phone (`login`), with the argon2id hash (never the
 * password), the role, an optional employee link and the lockout counters.
 * @example const u = await users.create(t, { login: "K001", name: "张三", role: "agent", passwordHash, employeeId })
 */

import type { Kysely, Selectable } from "kysely";
import { guard } from "../errors.js";
import type { Database, UserRole, UsersTable } from "../schema.js";
import { chunks, newId, nowIso } from "../util.js";

/** An account as the services see it. @example const u: User = (await users.findById(t, id))! */
export type User = {
  id: string;
  tenantId: string;
  login: string;
  name: string;
  role: UserRole;
  employeeId: string | null;
  passwordHash: string;
  mustChangePassword: boolean;
  disabled: boolean;
  failedAttempts: number;
  lockedUntil: string | null;
  createdAt: string;
};

/** A new account. @example const n: NewUser = { login: "hr", name: "李四", role: "hr", passwordHash } */
export type NewUser = {
  login: string;
  name: string;
  role: UserRole;
  passwordHash: string;
  employeeId?: string | null;
  mustChangePassword?: boolean;
};

/** Account storage. @example const users: UserRepository = createUserRepository(db) */
export interface UserRepository {
  create(tenantId: string, u: NewUser): Promise<User>;
  /** Several accounts in one statement per chunk (accounts from the employee list). */
  createMany(tenantId: string, list: readonly NewUser[]): Promise<number>;
  findById(tenantId: string, id: string): Promise<User | undefined>;
  findByLogin(tenantId: string, login: string): Promise<User | undefined>;
  /** Every account with this login in any company (sign-in without a company). */
  findAllByLogin(login: string): Promise<User[]>;
  /** Every account whose employee has this phone number, in any company (sign-in by phone). */
  findAllByPhone(phone: string): Promise<User[]>;
  findByEmployee(tenantId: string, employeeId: string): Promise<User | undefined>;
  list(tenantId: string): Promise<User[]>;
  /** How many accounts exist in all companies (first-run setup is allowed at 0). */
  countAll(): Promise<number>;
  update(
    tenantId: string,
    id: string,
    patch: Partial<Pick<User, "role" | "disabled" | "name" | "passwordHash" | "mustChangePassword">>,
  ): Promise<void>;
  /** Records a sign-in result: resets or counts failures and sets the lock. */
  recordSignIn(
    tenantId: string,
    id: string,
    r: { failedAttempts: number; lockedUntil: string | null },
  ): Promise<void>;
}

function toUser(r: Selectable<UsersTable>): User {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    login: r.login,
    name: r.name,
    role: r.role,
    employeeId: r.employee_id,
    passwordHash: r.password_hash,
    mustChangePassword: r.must_change_password === 1,
    disabled: r.disabled === 1,
    failedAttempts: r.failed_attempts,
    lockedUntil: r.locked_until,
    createdAt: r.created_at,
  };
}

function row(tenantId: string, u: NewUser, at: string): Selectable<UsersTable> {
  return {
    id: newId(),
    tenant_id: tenantId,
    login: u.login,
    name: u.name,
    role: u.role,
    employee_id: u.employeeId ?? null,
    password_hash: u.passwordHash,
    must_change_password: u.mustChangePassword ? 1 : 0,
    disabled: 0,
    failed_attempts: 0,
    locked_until: null,
    created_at: at,
    updated_at: at,
  };
}

/**
 * Accounts over Kysely.
 * @example const u = await createUserRepository(db).findByLogin(tenantId, "K001")
 */
export function createUserRepository(db: Kysely<Database>): UserRepository {
  const base = () => db.selectFrom("users").selectAll();
  return {
    async create(tenantId, u) {
      const r = row(tenantId, u, nowIso());
      await guard("保存账号", "saving the account", () => db.insertInto("users").values(r).execute());
      return toUser(r);
    },
    async createMany(tenantId, list) {
      const at = nowIso();
      for (const part of chunks(list, 200))
        await guard("保存账号", "saving the accounts", () =>
          db
            .insertInto("users")
            .values(part.map((u) => row(tenantId, u, at)))
            .execute(),
        );
      return list.length;
    },
    async findById(tenantId, id) {
      const r = await base().where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();
      return r && toUser(r);
    },
    async findByLogin(tenantId, login) {
      const r = await base().where("tenant_id", "=", tenantId).where("login", "=", login).executeTakeFirst();
      return r && toUser(r);
    },
    async findAllByLogin(login) {
      return (await base().where("login", "=", login).execute()).map(toUser);
    },
    async findAllByPhone(phone) {
      const rows = await db
        .selectFrom("users as u")
        .innerJoin("employees as e", (j) =>
          j.onRef("e.id", "=", "u.employee_id").onRef("e.tenant_id", "=", "u.tenant_id"),
        )
        .selectAll("u")
        .where("e.phone", "=", phone)
        .execute();
      return rows.map(toUser);
    },
    async findByEmployee(tenantId, employeeId) {
      const r = await base()
        .where("tenant_id", "=", tenantId)
        .where("employee_id", "=", employeeId)
        .executeTakeFirst();
      return r && toUser(r);
    },
    async list(tenantId) {
      return (await base().where("tenant_id", "=", tenantId).orderBy("login").execute()).map(toUser);
    },
    async countAll() {
      const r = await db
        .selectFrom("users")
        .select((e) => e.fn.countAll<number | string>().as("n"))
        .executeTakeFirst();
      return Number(r?.n ?? 0);
    },
    async update(tenantId, id, p) {
      await db
        .updateTable("users")
        .set({
          ...(p.role !== undefined && { role: p.role }),
          ...(p.name !== undefined && { name: p.name }),
          ...(p.disabled !== undefined && { disabled: p.disabled ? 1 : 0 }),
          ...(p.passwordHash !== undefined && { password_hash: p.passwordHash }),
          ...(p.mustChangePassword !== undefined && { must_change_password: p.mustChangePassword ? 1 : 0 }),
          updated_at: nowIso(),
        })
        .where("tenant_id", "=", tenantId)
        .where("id", "=", id)
        .execute();
    },
    async recordSignIn(tenantId, id, r) {
      await db
        .updateTable("users")
        .set({ failed_attempts: r.failedAttempts, locked_until: r.lockedUntil })
        .where("tenant_id", "=", tenantId)
        .where("id", "=", id)
        .execute();
    },
  };
}
