/**
 * Teams / departments with their lead, scoped by tenant.
 * @example await createTeamRepository(db).create(tenantId, { name: "售前一组", department: "客服部" })
 */

import type { Kysely, Selectable } from "kysely";
import { guard, StoreError } from "../errors.js";
import type { Database, TeamsTable } from "../schema.js";
import { chunks, newId, nowIso } from "../util.js";

/** A team. @example const t: Team = { id, tenantId, name: "售前一组", department: "客服部", leadEmployeeId: null, createdAt } */
export type Team = {
  id: string;
  tenantId: string;
  name: string;
  department: string | null;
  leadEmployeeId: string | null;
  createdAt: string;
};

/** What creating a team needs. @example const t: NewTeam = { name: "售后组" } */
export type NewTeam = { name: string; department?: string | null; leadEmployeeId?: string | null };

/** Team storage. @example const teams: TeamRepository = createTeamRepository(db) */
export interface TeamRepository {
  create(tenantId: string, team: NewTeam): Promise<Team>;
  /** Creates many teams, 500 rows a statement (a name already taken fails them all: DUPLICATE). */
  createMany(tenantId: string, teams: readonly NewTeam[]): Promise<Team[]>;
  get(tenantId: string, teamId: string): Promise<Team>;
  findByName(tenantId: string, name: string): Promise<Team | undefined>;
  list(tenantId: string): Promise<Team[]>;
  setLead(tenantId: string, teamId: string, leadEmployeeId: string | null): Promise<Team>;
}

/** Rows per INSERT: 6 columns × 500 bound parameters, far under SQLite's and PostgreSQL's limits. */
const TEAM_CHUNK = 500;

function toTeam(r: Selectable<TeamsTable>): Team {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    name: r.name,
    department: r.department,
    leadEmployeeId: r.lead_employee_id,
    createdAt: r.created_at,
  };
}

/**
 * Teams over Kysely.
 * @example const teams = await createTeamRepository(db).list(tenantId)
 */
export function createTeamRepository(db: Kysely<Database>): TeamRepository {
  const repo: TeamRepository = {
    async create(tenantId, team) {
      const row = {
        id: newId(),
        tenant_id: tenantId,
        name: team.name,
        department: team.department ?? null,
        lead_employee_id: team.leadEmployeeId ?? null,
        created_at: nowIso(),
      };
      await guard(`创建团队“${team.name}”`, `creating team "${team.name}"`, () =>
        db.insertInto("teams").values(row).execute(),
      );
      return toTeam(row);
    },
    async createMany(tenantId, teams) {
      const at = nowIso();
      const rows = teams.map((team) => ({
        id: newId(),
        tenant_id: tenantId,
        name: team.name,
        department: team.department ?? null,
        lead_employee_id: team.leadEmployeeId ?? null,
        created_at: at,
      }));
      for (const batch of chunks(rows, TEAM_CHUNK))
        await guard(`创建 ${batch.length} 个团队`, `creating ${batch.length} teams`, () =>
          db.insertInto("teams").values(batch).execute(),
        );
      return rows.map(toTeam);
    },
    async get(tenantId, teamId) {
      const row = await db
        .selectFrom("teams")
        .selectAll()
        .where("tenant_id", "=", tenantId)
        .where("id", "=", teamId)
        .executeTakeFirst();
      if (!row) throw new StoreError("NOT_FOUND", "找不到该团队", "team not found");
      return toTeam(row);
    },
    async findByName(tenantId, name) {
      const row = await db
        .selectFrom("teams")
        .selectAll()
        .where("tenant_id", "=", tenantId)
        .where("name", "=", name)
        .executeTakeFirst();
      return row ? toTeam(row) : undefined;
    },
    async list(tenantId) {
      const rows = await db
        .selectFrom("teams")
        .selectAll()
        .where("tenant_id", "=", tenantId)
        .orderBy("name")
        .execute();
      return rows.map(toTeam);
    },
    async setLead(tenantId, teamId, leadEmployeeId) {
      await db
        .updateTable("teams")
        .set({ lead_employee_id: leadEmployeeId })
        .where("tenant_id", "=", tenantId)
        .where("id", "=", teamId)
        .execute();
      return repo.get(tenantId, teamId);
    },
  };
  return repo;
}
