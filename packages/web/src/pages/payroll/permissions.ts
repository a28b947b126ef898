/**
 * Whether the signed-in user may do an action, from the permissions the server sent with the session (the
 * server's one table in auth/authorize.ts) — used only to hide buttons the server would refuse anyway.
 * @example mayDo(me, "runs.approve")
 */
import type { Me } from "../../api/types";

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

/** Whether the user may do an action. @example mayDo({ permissions: ["runs.approve"] }, "runs.approve") === true */
export function mayDo(me: Pick<Me, "permissions">, permission: UiPermission): boolean {
  return me.permissions.includes(permission);
}
