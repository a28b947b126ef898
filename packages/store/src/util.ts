/**
 * Small helpers shared by the repositories: ids, clocks, checksums, batching.
 * @example newId() // "5b0c…"
 */

import { createHash, randomUUID } from "node:crypto";

/** A new text id. @example newId().length === 36 */
export function newId(): string {
  return randomUUID();
}

/** The current time as ISO text. @example nowIso().endsWith("Z") */
export function nowIso(): string {
  return new Date().toISOString();
}

/** SHA-256 of text, hex. @example sha256("a").length === 64 */
export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** Splits a list into chunks of at most `size`. @example chunks([1, 2, 3], 2) // [[1, 2], [3]] */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Escapes LIKE wildcards so a search term matches literally (use with `escape '\\'`). @example likeEscape("50%") === "50\\%" */
export function likeEscape(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}
