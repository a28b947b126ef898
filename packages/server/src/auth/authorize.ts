/**
 * The one permission table (role → what it may do) and the checks the services call first. Scope rules on top:
 * an agent sees only their own payslips, a lead only their own teams; tenants are separated by `ctx.tenantId`.
 * A context without a principal is the operator's command line and may do everything.
 * @example authorize(ctx, "runs.approve") // throws FORBIDDEN for a 薪酬专员
 */

import type { UserRole } from "@xinsuan/store";
import { AppError } from "../app-error.js";
import type { ServiceContext } from "../context.js";
import { type Principal, ROLE_LABELS } from "./principal.js";

/** Everything a role may be allowed to do. @example const p: Permission = "claims.decide" */
export type Permission =
  | "users.manage"
  | "accounts.create"
  | "employees.read"
  | "employees.import"
  | "policies.read"
  | "policies.write"
  | "datasets.import"
  | "runs.read"
  | "runs.calculate"
  | "runs.approve"
  | "runs.markPaid"
  | "exports.register"
  | "exports.bank"
  | "exports.iit"
  | "exports.si"
  | "claims.read"
  | "claims.submit"
  | "claims.decide"
  | "scores.write"
  | "pool.read"
  | "reviews.decide"
  | "questions.answer"
  | "payslips.read"
  | "audit.read"
  | "dashboard.read";

const HR: Permission[] = [
  "accounts.create",
  "employees.read",
  "employees.import",
  "policies.read",
  "policies.write",
  "datasets.import",
  "runs.read",
  "runs.calculate",
  "exports.register",
  "exports.si",
  "claims.read",
  "claims.submit",
  "claims.decide",
  "scores.write",
  "pool.read",
  "reviews.decide",
  "questions.answer",
  "payslips.read",
  "audit.read",
  "dashboard.read",
];
const FINANCE: Permission[] = [
  "employees.read",
  "policies.read",
  "runs.read",
  "runs.approve",
  "runs.markPaid",
  "exports.register",
  "exports.bank",
  "exports.iit",
  "exports.si",
  "pool.read",
  "payslips.read",
  "dashboard.read",
];

/** Role → permissions. Scope (own team, own payslip) is checked separately. @example PERMISSIONS.finance.includes("runs.approve") */
export const PERMISSIONS: Record<UserRole, readonly Permission[]> = {
  admin: [...new Set<Permission>([...HR, ...FINANCE, "users.manage"])],
  hr: HR,
  finance: FINANCE,
  lead: [
    "employees.read",
    "claims.read",
    "claims.submit",
    "claims.decide",
    "scores.write",
    "pool.read",
    "payslips.read",
  ],
  agent: ["payslips.read"],
};

function forbidden(p: Principal, what: string, whatEn: string): AppError {
  return new AppError(
    "FORBIDDEN",
    `当前账号（${ROLE_LABELS[p.role].zh}）无权${what}`,
    `your role (${ROLE_LABELS[p.role].en}) may not ${whatEn}`,
  );
}

/**
 * Whether the context may do `permission` (true for the command line).
 * @example can(ctx, "exports.bank")
 */
export function can(ctx: ServiceContext, permission: Permission): boolean {
  return ctx.principal === undefined || PERMISSIONS[ctx.principal.role].includes(permission);
}

/**
 * Refuses with FORBIDDEN unless the context may do `permission`.
 * @example authorize(ctx, "runs.calculate")
 */
export function authorize(ctx: ServiceContext, permission: Permission): void {
  const p = ctx.principal;
  if (p && !PERMISSIONS[p.role].includes(permission)) throw forbidden(p, permission, permission);
}

/**
 * Whether the context sees every employee of the tenant (command line, admin, HR, finance) rather than a scope.
 * @example if (!seesEveryone(ctx)) rows = rows.filter(…)
 */
export function seesEveryone(ctx: ServiceContext): boolean {
  const p = ctx.principal;
  return p === undefined || p.role === "admin" || p.role === "hr" || p.role === "finance";
}

/**
 * Whether the context may see this employee: everyone for HR/finance/admin and the command line, own teams for a
 * lead (and themselves), only themselves for an agent.
 * @example rows.filter((r) => maySee(ctx, r))
 */
export function maySee(ctx: ServiceContext, e: { id: string; teamId: string | null }): boolean {
  const p = ctx.principal;
  if (p === undefined || seesEveryone(ctx)) return true;
  if (p.employeeId !== null && p.employeeId === e.id) return true;
  return p.role === "lead" && e.teamId !== null && p.teamIds.includes(e.teamId);
}

/**
 * Refuses with FORBIDDEN unless the context may see this employee (maySee).
 * @example authorizeEmployee(ctx, { id: e.id, teamId: e.teamId })
 */
export function authorizeEmployee(ctx: ServiceContext, e: { id: string; teamId: string | null }): void {
  if (!maySee(ctx, e)) throw forbidden(ctx.principal!, "查看此员工的信息", "see this employee");
}

/**
 * Refuses unless a lead leads this team (HR and admin pass; others are refused).
 * @example authorizeTeam(ctx, teamId)
 */
export function authorizeTeam(ctx: ServiceContext, teamId: string): void {
  const p = ctx.principal;
  if (p === undefined || p.role === "admin" || p.role === "hr") return;
  if (p.role === "lead" && p.teamIds.includes(teamId)) return;
  throw forbidden(p, "操作此团队", "act on this team");
}
