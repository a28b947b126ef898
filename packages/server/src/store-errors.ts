/**
 * The store's error codes mapped onto the application's: services call the store through `storeCall`.
 * @example const run = await storeCall(() => store.runs.getRun(t, id))
 */

import { StoreError, type StoreErrorCode } from "@xinsuan/store";
import { AppError, type AppErrorCode } from "./app-error.js";

const STORE_CODES: Record<StoreErrorCode, AppErrorCode> = {
  NOT_FOUND: "NOT_FOUND",
  DUPLICATE: "INPUT_INVALID",
  INVALID: "INPUT_INVALID",
  RUN_IN_PROGRESS: "RUN_IN_PROGRESS",
  RUN_IMMUTABLE: "RUN_IMMUTABLE",
  RUN_NOT_READY: "RUN_NOT_READY",
  APPEND_ONLY: "RUN_IMMUTABLE",
  KEY: "DATABASE",
  DATABASE: "DATABASE",
};

/**
 * Converts a store failure into an AppError with the same messages (other errors pass through unchanged).
 * @example catch (e) { throw fromStoreError(e) }
 */
export function fromStoreError(e: unknown): unknown {
  if (e instanceof StoreError) return new AppError(STORE_CODES[e.code], e.zh, e.en);
  return e;
}

/**
 * Runs a function and rethrows a StoreError as an AppError.
 * @example const run = await storeCall(() => store.runs.getRun(t, id))
 */
export async function storeCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw fromStoreError(e);
  }
}
