/**
 * The demo company's sign-in accounts: 管理员 `admin`, 薪酬专员 `hr`, 财务 `finance`, and one account per employee
 * (their 工号; role 员工). The first employee of 客服1组 becomes that team's lead (主管). Every demo account has
 * the same published password, so a newcomer can sign in as each role. Idempotent. All data is fake.
 * @example const a = await createDemoAccounts(store, tenantId); a.accounts.find((x) => x.role === "lead")!.login
 */

import type { UserRole } from "@xinsuan/store";
import { hashPassword } from "../auth/password.js";
import type { ServerStore } from "../context.js";
import { storeCall } from "../store-errors.js";

/** The demo accounts' password (printed by `npm start`, listed in the README). @example DEMO_PASSWORD === "xinsuan-demo" */
export const DEMO_PASSWORD = "xinsuan-demo";

/** A demo account to print. @example const a: DemoAccount = { role: "hr", login: "hr", name: "李薪酬" } */
export type DemoAccount = { role: UserRole; login: string; name: string };

const STAFF: DemoAccount[] = [
  { role: "admin", login: "admin", name: "王管理（演示）" },
  { role: "hr", login: "hr", name: "李薪酬（演示）" },
  { role: "finance", login: "finance", name: "赵财务（演示）" },
];

/**
 * Creates the missing demo accounts; returns the ones to print (staff, the lead and one agent of their team).
 * @example await createDemoAccounts(store, tenantId)
 */
export async function createDemoAccounts(
  store: ServerStore,
  tenantId: string,
): Promise<{ created: number; accounts: DemoAccount[] }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const existing = new Set((await storeCall(() => store.users.list(tenantId))).map((u) => u.login));
  const teams = await storeCall(() => store.teams.list(tenantId));
  const team = teams.find((t) => t.name === "客服1组") ?? teams[0];
  const people = (await storeCall(() => store.employees.list(tenantId, { limit: 100_000 }))).filter(
    (e) => e.leaveDate === null,
  );
  const ofTeam = people.filter((e) => team && e.teamId === team.id);
  const lead = team ? (ofTeam.find((e) => e.id === team.leadEmployeeId) ?? ofTeam[0]) : undefined;
  if (team && lead && team.leadEmployeeId !== lead.id)
    await storeCall(() => store.teams.setLead(tenantId, team.id, lead.id));
  const agent = ofTeam.find((e) => e.id !== lead?.id);
  const fresh = [
    ...STAFF.filter((s) => !existing.has(s.login)).map((s) => ({ ...s, passwordHash })),
    ...people
      .filter((e) => !existing.has(e.employeeNo))
      .map((e) => ({
        login: e.employeeNo,
        name: e.name,
        role: (e.id === lead?.id ? "lead" : "agent") as UserRole,
        employeeId: e.id,
        passwordHash,
      })),
  ];
  await storeCall(() => store.users.createMany(tenantId, fresh));
  const accounts = [...STAFF];
  if (lead)
    accounts.push({ role: "lead", login: lead.employeeNo, name: `${lead.name}（${team!.name}主管）` });
  if (agent) accounts.push({ role: "agent", login: agent.employeeNo, name: agent.name });
  return { created: fresh.length, accounts };
}
