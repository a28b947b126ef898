/**
 * Lists claims by period, status and team (by name), ordered by 工号 and submission time.
 * @example const pending = await listClaims(ctx, { period: "2026-10", status: "pending" })
 */

import type { Claim, ClaimStatus } from "@xinsuan/store";
import { AppError } from "../app-error.js";
import { authorize, seesEveryone } from "../auth/authorize.js";
import type { ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";
import { requirePeriod } from "./claim-adjust-kit.js";

const STATUSES: readonly ClaimStatus[] = ["pending", "approved", "rejected"];

/** Filters. @example const f: ClaimFilter = { period: "2026-10", team: "一组" } */
export type ClaimFilter = { period?: string; status?: string; team?: string };

/**
 * The claims matching every filter given.
 * @example const claims = await listClaims(ctx, { period: "2026-10" })
 */
export async function listClaims(ctx: ServiceContext, f: ClaimFilter = {}): Promise<Claim[]> {
  authorize(ctx, "claims.read");
  const { store, tenantId } = ctx;
  const period = f.period === undefined ? undefined : requirePeriod(f.period, "期间", "period");
  if (f.status !== undefined && !STATUSES.includes(f.status as ClaimStatus)) {
    throw new AppError(
      "INPUT_INVALID",
      `状态“${f.status}”无效，应为 pending（待审批）、approved（已批准）或 rejected（已驳回）`,
      `status "${f.status}" must be pending, approved or rejected`,
    );
  }
  let teamId: string | undefined;
  if (f.team !== undefined) {
    const team = await storeCall(() => store.teams.findByName(tenantId, f.team!.trim()));
    if (!team) throw new AppError("NOT_FOUND", `找不到团队“${f.team}”`, `no team "${f.team}"`);
    teamId = team.id;
  }
  const claims = await storeCall(() =>
    store.claims.list(tenantId, {
      ...(period ? { period } : {}),
      ...(f.status ? { status: f.status as ClaimStatus } : {}),
      ...(teamId ? { teamId } : {}),
    }),
  );
  if (seesEveryone(ctx)) return claims;
  // a lead sees only the claims of the teams they lead
  const own = new Set(ctx.principal?.teamIds ?? []);
  const people = await storeCall(() =>
    store.db.selectFrom("employees").select(["id", "team_id"]).where("tenant_id", "=", tenantId).execute(),
  );
  const teamOf = new Map(people.map((e) => [e.id, e.team_id]));
  return claims.filter((c) => own.has(teamOf.get(c.employeeId) ?? ""));
}
