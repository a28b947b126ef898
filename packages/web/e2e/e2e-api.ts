/**
 * Calls the JSON API from a signed-in browser page (its cookies, plus the CSRF header the server wants on writes),
 * for test set-up and checks the UI has no screen for.
 * @example const api = await apiOf(page); const p = await api.get<{ items: unknown[] }>("/api/v1/periods")
 */

import type { Page } from "playwright-core";

/** JSON calls as the page's user. @example const r: PageApi = await apiOf(page) */
export type PageApi = {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  /** The status of a GET without throwing (e.g. 403 for a refused payslip). */
  status(path: string): Promise<number>;
};

/**
 * Reads the page's CSRF token from GET /api/v1/auth/me and returns the JSON helpers.
 * @example const api = await apiOf(hrPage); await api.post("/api/v1/periods/2026-10/run")
 */
export async function apiOf(page: Page): Promise<PageApi> {
  const origin = new URL(page.url()).origin;
  const me = await page.request.get(`${origin}/api/v1/auth/me`);
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const check = async <T>(what: string, r: Awaited<ReturnType<Page["request"]["get"]>>): Promise<T> => {
    if (!r.ok()) throw new Error(`${what} → ${r.status()} ${await r.text()}`);
    return (await r.json()) as T;
  };
  return {
    get: async (path) => check(`GET ${path}`, await page.request.get(origin + path)),
    post: async (path, body) =>
      check(
        `POST ${path}`,
        await page.request.post(origin + path, {
          headers: { "x-csrf-token": csrfToken },
          ...(body === undefined ? {} : { data: body }),
        }),
      ),
    status: async (path) => (await page.request.get(origin + path)).status(),
  };
}

/** A finished run job. @example const j: RunJob = await runPeriod(api, "2026-10") */
export type RunJob = { state: string; result?: { employeeCount: number; errorCount: number } };

/**
 * Starts a payroll run and polls its job until it is no longer running (at most `ms`).
 * @example const job = await runPeriod(api, "2026-10"); job.state === "done"
 */
export async function runPeriod(api: PageApi, period: string, ms = 90_000): Promise<RunJob> {
  const { jobId } = await api.post<{ jobId: string }>(`/api/v1/periods/${period}/run`);
  const until = Date.now() + ms;
  for (;;) {
    const job = await api.get<RunJob>(`/api/v1/jobs/${jobId}`);
    if (job.state !== "running") return job;
    if (Date.now() > until) throw new Error(`run of ${period} still running after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
