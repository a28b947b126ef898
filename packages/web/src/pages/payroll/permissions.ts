/**
 * What each role may do in the HR pages — a copy of the server's permission table, used only to hide buttons the
 * server would refuse anyway (the server stays the authority).
 * @example mayDo("finance", "runs.approve") === true
 */
import type { Role } from "../../api/types";

/** An action a button needs. @example const a: UiPermission = "exports.bank"; */
export type UiPermission =
  | "datasets.import"
  | "runs.calculate"
  | "runs.approve"
  | "runs.markPaid"
  | "exports.register"
  | "exports.bank"
  | "exports.iit"
  | "exports.si"
  | "employees.import"
  | "accounts.create"
  | "reviews.decide"
  | "questions.answer"
  | "users.manage";

const HR: UiPermission[] = [
  "datasets.import",
  "runs.calculate",
  "exports.register",
  "exports.si",
  "employees.import",
  "accounts.create",
  "reviews.decide",
  "questions.answer",
];
const FINANCE: UiPermission[] = [
  "runs.approve",
  "runs.markPaid",
  "exports.register",
  "exports.bank",
  "exports.iit",
  "exports.si",
];

const TABLE: Record<Role, readonly UiPermission[]> = {
  admin: [...new Set<UiPermission>([...HR, ...FINANCE, "users.manage"])],
  hr: HR,
  finance: FINANCE,
  lead: [],
  agent: [],
};

/** Whether a role may do an action. @example mayDo("hr", "runs.approve") === false */
export function mayDo(role: Role, permission: UiPermission): boolean {
  return TABLE[role]?.includes(permission) ?? false;
}
