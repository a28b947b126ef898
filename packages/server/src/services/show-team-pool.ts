/**
 * A team's bonus pool (团队奖金池) of a period and each member's share and amount, from the period's shown run
 * (the final one; HR also sees a calculated draft). The pool items are the policy's items whose formula splits a
 * pool with SHARE(pool, weight): the pool is the first argument's value (or, when it is an expression, what the
 * members got together), the share the second's. A policy without such an item gives pool null and no lines.
 * @example const { pool, lines } = await showTeamPool(ctx, { teamId, period: "2026-09" })
 */

import { Dec, type Expr, type PayrollRun, type PolicyNode, recomputeEmployee } from "@xinsuan/core";
import { authorize, authorizeTeam, seesEveryone } from "../auth/authorize.js";
import type { ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";
import { requirePeriod } from "./claim-adjust-kit.js";
import { findEmployeeRun } from "./run-inputs.js";
import { loadRunView } from "./run-view-cache.js";

/** A function call in a formula. */
type CallExpr = Extract<Expr, { kind: "call" }>;

/** One member's part. @example const l: PoolLine = { employeeNo: "A0000002", name: "张三", share: "0.0523", amount: "412.30" } */
export type PoolLine = { employeeNo: string; name: string; share: string | null; amount: string };

/** The team's pool. @example const p: TeamPool = { team: "客服1组", period: "2026-09", pool: "7880.00", lines } */
export type TeamPool = {
  team: string;
  period: string;
  pool: string | null;
  item: string | null;
  lines: PoolLine[];
};

/** The first SHARE call in a formula. */
function findShare(e: Expr): CallExpr | undefined {
  switch (e.kind) {
    case "call":
      return e.name === "SHARE" ? e : e.args.map(findShare).find((x) => x !== undefined);
    case "binary":
      return findShare(e.left) ?? findShare(e.right);
    case "unary":
      return findShare(e.operand);
    case "paren":
      return findShare(e.inner);
    case "index":
      return e.keys.map(findShare).find((x) => x !== undefined);
    default:
      return undefined;
  }
}

/**
 * The policy's first item that splits a pool, with its SHARE call.
 * @example poolItem(run.policy)?.node.name === "团队奖金"
 */
export function poolItem(policy: PayrollRun["policy"]): { node: PolicyNode; call: CallExpr } | undefined {
  for (const item of policy.items) {
    const call = item.node.formula ? findShare(item.node.formula.ast) : undefined;
    if (call) return { node: item.node, call };
  }
  return undefined;
}

function namedValue(run: PayrollRun, slots: readonly unknown[], arg: Expr | undefined): Dec | null {
  if (arg?.kind !== "name") return null;
  const node = run.policy.byName.get(arg.name);
  const v = node ? slots[node.slot] : undefined;
  return v instanceof Dec ? v : null;
}

/**
 * Shows the pool (HR, finance, admin: every team; a lead: own teams).
 * @example await showTeamPool(ctx, { teamId, period: "2026-09" })
 */
export async function showTeamPool(
  ctx: ServiceContext,
  o: { teamId: string; period: string },
): Promise<TeamPool> {
  authorize(ctx, "pool.read");
  if (!seesEveryone(ctx)) authorizeTeam(ctx, o.teamId);
  const { store, tenantId } = ctx;
  const period = requirePeriod(o.period, "期间", "period");
  const team = await storeCall(() => store.teams.get(tenantId, o.teamId));
  const view = await loadRunView(ctx, period, { draft: seesEveryone(ctx) });
  const members = (
    await storeCall(() => store.employees.list(tenantId, { teamId: team.id, limit: 1_000_000 }))
  ).sort((a, b) => a.employeeNo.localeCompare(b.employeeNo));
  const lines: PoolLine[] = [];
  let pool: Dec | null = null;
  let total = Dec.parse("0");
  let itemName: string | null = null;
  for (const m of members) {
    const found = findEmployeeRun(view.runs, m.employeeNo);
    if (!found || found.run.errors[found.index]) continue;
    const share = poolItem(found.run.policy);
    if (!share) continue;
    itemName = share.node.name;
    const { slots } = recomputeEmployee(found.run, found.index);
    const amountVal = slots[share.node.slot];
    const amount = amountVal instanceof Dec ? amountVal : Dec.parse("0");
    pool = pool ?? namedValue(found.run, slots, share.call.args[0]);
    total = total.add(amount);
    const weight = namedValue(found.run, slots, share.call.args[1]);
    lines.push({
      employeeNo: m.employeeNo,
      name: m.name,
      share: weight?.toString() ?? null,
      amount: amount.toFixed(2),
    });
  }
  if (itemName === null) return { team: team.name, period, pool: null, item: null, lines: [] };
  const poolValue = pool ?? total;
  if (poolValue.sign() > 0)
    for (const l of lines)
      if (l.share === null) l.share = Dec.parse(l.amount).div(poolValue).round(4).toString();
  return { team: team.name, period, pool: poolValue.toFixed(2), item: itemName, lines };
}
