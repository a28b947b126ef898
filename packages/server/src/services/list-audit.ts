/**
 * Reads the append-only audit log, newest first: who did what, when, before and after. Filters: entity,
 * entityId, actor, since (inclusive) and until (a date includes that whole day), limit (default 100).
 * @example const recent = await listAudit(ctx, { entity: "claim", since: "2026-10-01", limit: 20 })
 */

import type { AuditEntry } from "@xinsuan/store";
import { AppError } from "../app-error.js";
import { authorize } from "../auth/authorize.js";
import type { ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";

/** Filters; since/until are YYYY-MM-DD or ISO times (UTC). @example const f: AuditFilter = { actor: "cli:li", until: "2026-10-31" } */
export type AuditFilter = {
  entity?: string;
  entityId?: string;
  actor?: string;
  since?: string;
  until?: string;
  limit?: number;
};

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_LIMIT = 10_000;

function instant(text: string, zh: string, en: string, endOfDay: boolean): string {
  const t = text.trim();
  const ms = Date.parse(DATE_RE.test(t) ? `${t}T00:00:00Z` : t);
  if (!/^\d{4}-\d{2}-\d{2}/.test(t) || Number.isNaN(ms)) {
    throw new AppError(
      "INPUT_INVALID",
      `${zh}“${text}”不是日期或时间，应为 YYYY-MM-DD 或 ISO 时间（如 2026-10-01T08:00:00Z）`,
      `${en} "${text}" must be YYYY-MM-DD or an ISO time`,
    );
  }
  return new Date(DATE_RE.test(t) && endOfDay ? ms + 86_400_000 : ms).toISOString();
}

/**
 * The entries matching every filter, newest first.
 * @example const entries = await listAudit(ctx, { entity: "run", limit: 50 })
 */
export async function listAudit(ctx: ServiceContext, f: AuditFilter = {}): Promise<AuditEntry[]> {
  authorize(ctx, "audit.read");
  const limit = f.limit ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new AppError(
      "INPUT_INVALID",
      `条数上限“${f.limit}”须为 1 到 ${MAX_LIMIT} 的整数`,
      `limit "${f.limit}" must be a whole number from 1 to ${MAX_LIMIT}`,
    );
  }
  const since = f.since === undefined ? undefined : instant(f.since, "起始时间", "since", false);
  const until = f.until === undefined ? undefined : instant(f.until, "截止时间", "until", true);
  if (since && until && since >= until) {
    throw new AppError(
      "INPUT_INVALID",
      `起始时间 ${f.since} 须早于截止时间 ${f.until}`,
      `since ${f.since} must be before until ${f.until}`,
    );
  }
  return storeCall(() =>
    ctx.store.audit.list(ctx.tenantId, {
      ...(f.entity ? { entity: f.entity } : {}),
      ...(f.entityId ? { entityId: f.entityId } : {}),
      ...(f.actor ? { actor: f.actor } : {}),
      ...(since ? { since } : {}),
      ...(until ? { until } : {}),
      limit,
      newestFirst: true,
    }),
  );
}
