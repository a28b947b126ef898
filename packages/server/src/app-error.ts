/**
 * The one list of application error codes, shared by the CLI (exit codes) and the HTTP API (statuses).
 * Messages are in Chinese and English. Services throw only AppError (store-errors.ts maps the store's codes). No import of the store here, so
 * the CLI's file commands load fast.
 * @example throw new AppError("INPUT_INVALID", "inputs.csv 第3行…", "inputs.csv row 3 …")
 */

export type AppErrorCode =
  | "USAGE"
  | "POLICY_NOT_FOUND"
  | "POLICY_INVALID"
  | "INPUT_INVALID"
  | "CALC_FAILED"
  | "OUTPUT_FAILED"
  | "TEMPLATE_NOT_FOUND"
  | "NOT_FOUND"
  | "DUPLICATE_IMPORT"
  | "RUN_IN_PROGRESS"
  | "RUN_NOT_READY"
  | "RUN_IMMUTABLE"
  | "VERIFY_FAILED"
  | "STATE_CONFLICT"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "CSRF_INVALID"
  | "RATE_LIMITED"
  | "ACCOUNT_LOCKED"
  | "DATABASE";

/** Exit code of each error code for the CLI. */
export const EXIT_CODES: Record<AppErrorCode, number> = {
  USAGE: 2,
  POLICY_NOT_FOUND: 3,
  POLICY_INVALID: 3,
  TEMPLATE_NOT_FOUND: 3,
  INPUT_INVALID: 4,
  CALC_FAILED: 5,
  OUTPUT_FAILED: 6,
  NOT_FOUND: 3,
  DUPLICATE_IMPORT: 4,
  RUN_IN_PROGRESS: 7,
  RUN_NOT_READY: 7,
  RUN_IMMUTABLE: 7,
  VERIFY_FAILED: 9,
  STATE_CONFLICT: 7,
  UNAUTHENTICATED: 10,
  FORBIDDEN: 10,
  CSRF_INVALID: 10,
  RATE_LIMITED: 10,
  ACCOUNT_LOCKED: 10,
  DATABASE: 8,
};

/** HTTP status of each error code, for the HTTP API. */
export const HTTP_STATUS: Record<AppErrorCode, number> = {
  USAGE: 400,
  POLICY_NOT_FOUND: 404,
  POLICY_INVALID: 422,
  TEMPLATE_NOT_FOUND: 404,
  INPUT_INVALID: 422,
  CALC_FAILED: 422,
  OUTPUT_FAILED: 500,
  NOT_FOUND: 404,
  DUPLICATE_IMPORT: 409,
  RUN_IN_PROGRESS: 409,
  RUN_NOT_READY: 409,
  RUN_IMMUTABLE: 409,
  VERIFY_FAILED: 500,
  STATE_CONFLICT: 409,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF_INVALID: 403,
  RATE_LIMITED: 429,
  ACCOUNT_LOCKED: 423,
  DATABASE: 503,
};

/** A message in Chinese and English. */
export type Msg = { zh: string; en: string };

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    readonly zh: string,
    readonly en: string,
    /** Further lines (every bad row, every policy problem), in both languages. */
    readonly details: Msg[] = [],
  ) {
    super(en);
  }
}
