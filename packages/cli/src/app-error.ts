/**
 * The one list of application error codes, with the exit code each maps to (the HTTP status table will sit
 * beside it when the server arrives). Messages are in Chinese and English.
 * @example throw new AppError("INPUT_INVALID", "inputs.csv 第3行…", "inputs.csv row 3 …")
 */

export type AppErrorCode =
  | "USAGE"
  | "POLICY_NOT_FOUND"
  | "POLICY_INVALID"
  | "INPUT_INVALID"
  | "CALC_FAILED"
  | "OUTPUT_FAILED"
  | "TEMPLATE_NOT_FOUND";

/** Exit code of each error code for the CLI. */
export const EXIT_CODES: Record<AppErrorCode, number> = {
  USAGE: 2,
  POLICY_NOT_FOUND: 3,
  POLICY_INVALID: 3,
  TEMPLATE_NOT_FOUND: 3,
  INPUT_INVALID: 4,
  CALC_FAILED: 5,
  OUTPUT_FAILED: 6,
};

/** HTTP status of each error code, for the API to come. */
export const HTTP_STATUS: Record<AppErrorCode, number> = {
  USAGE: 400,
  POLICY_NOT_FOUND: 404,
  POLICY_INVALID: 422,
  TEMPLATE_NOT_FOUND: 404,
  INPUT_INVALID: 422,
  CALC_FAILED: 422,
  OUTPUT_FAILED: 500,
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
