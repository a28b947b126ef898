/**
 * The company's teams with their department, lead (工号) and active headcount. HR, finance and admin see every
 * team; a lead only the teams they lead.
 * @example const { items } = await listTeams(ctx); items[0]?.headcount
 */

import { authorize, seesEveryone } from "../auth/authorize.js";
import type { ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";
import { hasLeft, todayInChina } from "./list-employees.js";

/** A team as listed. @example const t: TeamRow = { id, name: "客服1组", department: "客服部", leadEmployeeNo: "A0000001", headcount: 20 } */
export type TeamRow = {
  id: string;
  name: string;
  department: string | null;
  leadEmployeeNo: string | null;
  headcount: number;
};

/**
 * Lists the teams the caller may see, by name.
 * @example const teams = (await listTeams(ctx)).items
 */
export async function listTeams(ctx: ServiceContext): Promise<{ items: TeamRow[] }> {
  authorize(ctx, "employees.read");
  const { store, tenantId } = ctx;
  const [teams, people] = await Promise.all([
    storeCall(() => store.teams.list(tenantId)),
    storeCall(() => store.employees.list(tenantId, { limit: 1_000_000 })),
  ]);
  const today = todayInChina();
  const noOf = new Map(people.map((e) => [e.id, e.employeeNo]));
  const own = new Set(ctx.principal?.teamIds ?? []);
  const items = teams
    .filter((t) => seesEveryone(ctx) || own.has(t.id))
    .map((t) => ({
      id: t.id,
      name: t.name,
      department: t.department,
      leadEmployeeNo: t.leadEmployeeId ? (noOf.get(t.leadEmployeeId) ?? null) : null,
      headcount: people.filter((e) => e.teamId === t.id && !hasLeft(e, today)).length,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
  return { items };
}
