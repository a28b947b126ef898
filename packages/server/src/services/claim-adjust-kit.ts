/**
 * Checks shared by the claim, adjustment and audit services: period text, required text, the employee by 工号,
 * whether a period's run is approved, the month after a period.
 * @example const frozen = await frozenRun(ctx, "2026-08") // the approved run, or undefined
 */

import type { Employee, Run } from "@xinsuan/store";
import { AppError } from "../app-error.js";
import type { ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";

const PERIOD_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
const FROZEN = new Set(["approved", "paid", "locked"]);

/** Refuses a period that is not YYYY-MM, naming the field. @example requirePeriod("2026-10", "期间", "period") */
export function requirePeriod(value: string, zh: string, en: string): string {
  const v = value.trim();
  if (!PERIOD_RE.test(v))
    throw new AppError(
      "INPUT_INVALID",
      `${zh}“${value}”格式不对，应为 YYYY-MM，如 2026-10`,
      `${en} "${value}" must be YYYY-MM, e.g. 2026-10`,
    );
  return v;
}

/** Refuses empty text, naming the field; returns it trimmed. @example requireText(" REC-1 ", "证据", "evidence") === "REC-1" */
export function requireText(value: string | undefined, zh: string, en: string): string {
  const v = (value ?? "").trim();
  if (!v) throw new AppError("INPUT_INVALID", `${zh}不能为空`, `${en} is required`);
  return v;
}

/** The employee with this 工号, or NOT_FOUND. @example const e = await employeeByNo(ctx, "E001") */
export async function employeeByNo(ctx: ServiceContext, employeeNo: string): Promise<Employee> {
  const no = requireText(employeeNo, "工号", "employee number");
  const e = await storeCall(() => ctx.store.employees.findByNo(ctx.tenantId, no));
  if (!e) throw new AppError("NOT_FOUND", `找不到工号为“${no}”的员工`, `no employee with number "${no}"`);
  return e;
}

/** The period's approved (or paid, locked) run, if any. @example if (await frozenRun(ctx, "2026-10")) … */
export async function frozenRun(ctx: ServiceContext, period: string): Promise<Run | undefined> {
  const runs = await storeCall(() => ctx.store.runs.listRuns(ctx.tenantId, period));
  return runs.find((r) => FROZEN.has(r.status));
}

/** The month after a YYYY-MM period. @example nextPeriod("2026-12") === "2027-01" */
export function nextPeriod(period: string): string {
  const [y, m] = period.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}
