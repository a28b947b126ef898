/**
 * Store errors: a stable code with a Chinese and an English message; the SQL that failed is never shown.
 * @example throw new StoreError("NOT_FOUND", "找不到员工 E001", "employee E001 not found")
 */

/** Codes a caller can branch on. @example if (e instanceof StoreError && e.code === "RUN_IN_PROGRESS") retryLater() */
export type StoreErrorCode =
  | "NOT_FOUND"
  | "DUPLICATE"
  | "INVALID"
  | "RUN_IN_PROGRESS"
  | "RUN_IMMUTABLE"
  | "RUN_NOT_READY"
  | "APPEND_ONLY"
  | "KEY"
  | "DATABASE";

/**
 * A failure a user may see. `cause` keeps the driver's error for logs only.
 * @example new StoreError("DUPLICATE", "工号 E001 已存在", "employee number E001 already exists").code === "DUPLICATE"
 */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    readonly zh: string,
    readonly en: string,
    options?: { cause?: unknown },
  ) {
    super(en, options);
    this.name = "StoreError";
  }
}

type DriverError = { code?: unknown; message?: unknown };

/**
 * Classifies a driver error (better-sqlite3, pg, PGlite) without looking at its SQL.
 * @example driverErrorKind({ code: "23505" }) === "unique"
 */
export function driverErrorKind(e: unknown): "unique" | "foreign-key" | "check" | "trigger" | "other" {
  if (typeof e !== "object" || e === null) return "other";
  const code = String((e as DriverError).code ?? "");
  if (code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY") {
    return "unique";
  }
  if (code === "23503" || code === "SQLITE_CONSTRAINT_FOREIGNKEY") return "foreign-key";
  if (
    code === "23514" ||
    code === "23502" ||
    code === "SQLITE_CONSTRAINT_CHECK" ||
    code === "SQLITE_CONSTRAINT_NOTNULL"
  ) {
    return "check";
  }
  if (code === "P0001" || code === "SQLITE_CONSTRAINT_TRIGGER") return "trigger";
  return "other";
}

/**
 * Turns any error from a query into a StoreError (a StoreError passes through unchanged).
 * @example throw toStoreError(e, "保存员工", "saving the employee")
 */
export function toStoreError(e: unknown, zhWhat: string, enWhat: string): StoreError {
  if (e instanceof StoreError) return e;
  switch (driverErrorKind(e)) {
    case "unique":
      return new StoreError("DUPLICATE", `${zhWhat}失败：记录已存在`, `${enWhat} failed: it already exists`, {
        cause: e,
      });
    case "foreign-key":
      return new StoreError(
        "NOT_FOUND",
        `${zhWhat}失败：引用的记录不存在`,
        `${enWhat} failed: a referenced record does not exist`,
        { cause: e },
      );
    case "check":
      return new StoreError(
        "INVALID",
        `${zhWhat}失败：数据不符合要求`,
        `${enWhat} failed: a value is not allowed`,
        {
          cause: e,
        },
      );
    case "trigger":
      return new StoreError(
        "APPEND_ONLY",
        `${zhWhat}失败：该记录不可修改`,
        `${enWhat} failed: the record cannot be changed`,
        { cause: e },
      );
    default:
      return new StoreError("DATABASE", `${zhWhat}失败：数据库错误`, `${enWhat} failed: database error`, {
        cause: e,
      });
  }
}

/**
 * Runs a query function and converts its failures into StoreErrors.
 * @example const row = await guard("保存员工", "saving the employee", () => db.insertInto("employees").values(v).execute())
 */
export async function guard<T>(zhWhat: string, enWhat: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toStoreError(e, zhWhat, enWhat);
  }
}
