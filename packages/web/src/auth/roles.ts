/**
 * What each role sees: menu entries (path + dictionary key) in order, and the home page.
 * @example menuFor("agent").map((m) => m.path) // ["/my", "/tax"]
 */
import type { Role } from "../api/types";

/** A side-menu entry. @example { path: "/tax", labelKey: "nav.tax", icon: "calculator" } */
export type MenuEntry = { path: string; labelKey: string; icon: MenuIcon };

/** The icon name of a menu entry (mapped to @ant-design/icons in the layout). @example "team" */
export type MenuIcon =
  | "dashboard"
  | "user"
  | "file"
  | "calculator"
  | "rise"
  | "question"
  | "users"
  | "team"
  | "audit"
  | "wallet"
  | "tax";

const E = {
  home: { path: "/", labelKey: "nav.home", icon: "dashboard" },
  employees: { path: "/employees", labelKey: "nav.employees", icon: "user" },
  policies: { path: "/policies", labelKey: "nav.policies", icon: "file" },
  payroll: { path: "/payroll", labelKey: "nav.payroll", icon: "calculator" },
  reviews: { path: "/reviews", labelKey: "nav.reviews", icon: "rise" },
  questions: { path: "/questions", labelKey: "nav.questions", icon: "question" },
  users: { path: "/users", labelKey: "nav.users", icon: "users" },
  tax: { path: "/tax", labelKey: "nav.tax", icon: "tax" },
  team: { path: "/team", labelKey: "nav.team", icon: "team" },
  claims: { path: "/claims", labelKey: "nav.claims", icon: "audit" },
  my: { path: "/my", labelKey: "nav.my", icon: "wallet" },
} satisfies Record<string, MenuEntry>;

const MENUS: Record<Role, MenuEntry[]> = {
  admin: [
    E.home,
    E.employees,
    E.policies,
    E.payroll,
    E.team,
    E.claims,
    E.reviews,
    E.questions,
    E.users,
    E.tax,
  ],
  hr: [E.home, E.employees, E.policies, E.payroll, E.team, E.claims, E.reviews, E.questions, E.tax],
  finance: [E.home, E.payroll, E.policies, E.tax],
  lead: [E.team, E.claims, E.tax, E.my],
  agent: [E.my, E.tax],
};

/** The menu of a role. @example menuFor("finance").length === 4 */
export function menuFor(role: Role): MenuEntry[] {
  return MENUS[role] ?? [];
}

/** The landing page of a role. @example homeOf("lead") === "/team" */
export function homeOf(role: Role): string {
  if (role === "agent") return "/my";
  if (role === "lead") return "/team";
  return "/";
}

/** Whether a role's menu contains a path (or a page below it). @example mayVisit("agent", "/my/2026-05") === true */
export function mayVisit(role: Role, path: string): boolean {
  if (path === "/account" || path.startsWith("/payslips/")) return true;
  return menuFor(role).some((m) =>
    m.path === "/" ? path === "/" : path === m.path || path.startsWith(`${m.path}/`),
  );
}
