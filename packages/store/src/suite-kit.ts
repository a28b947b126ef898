/**
 * Shared pieces of the repository suite: a throw-away store, a tenant set up for runs, error assertions.
 * @example const store = await testStore("sqlite::memory:")
 */

import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import { createFieldCipher } from "./crypto.js";
import { openDatabase } from "./db.js";
import { StoreError, type StoreErrorCode } from "./errors.js";
import { createStore, type Store } from "./index.js";
import { migrateToLatest } from "./migrations/index.js";
import type { PayslipRecord } from "./repositories/run-payslips.js";

/**
 * Opens and migrates a database with a throw-away key.
 * @example const store = await testStore("pglite://memory")
 */
export async function testStore(url: string): Promise<Store> {
  const db = openDatabase(url);
  await migrateToLatest(db);
  return createStore(db, createFieldCipher(randomBytes(32)));
}

/**
 * A fresh tenant with a period and a policy version, ready for runs.
 * @example const { t, period, versionId } = await setupTenant(store)
 */
export async function setupTenant(
  s: Store,
  period = "2025-03",
): Promise<{ t: string; period: string; versionId: string }> {
  const tenant = await s.tenants.create("测试公司");
  await s.datasets.ensurePeriod(tenant.id, period);
  const policy = await s.policies.createPolicy(tenant.id, "客服方案");
  const version = await s.policies.addVersion(tenant.id, policy.id, {
    yaml: "name: x\n",
    effectiveFrom: "2025-01-01",
  });
  return { t: tenant.id, period, versionId: version.id };
}

/**
 * Asserts a promise fails with a StoreError of `code` whose Chinese message shows no SQL.
 * @example await rejectsWith(repo.getRun(t, "x"), "NOT_FOUND")
 */
export async function rejectsWith(p: Promise<unknown>, code: StoreErrorCode): Promise<StoreError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StoreError);
  expect((err as StoreError).code).toBe(code);
  expect((err as StoreError).zh).not.toMatch(/select|insert|update|delete|constraint/i);
  return err as StoreError;
}

/**
 * A payslip whose gross and net are `net`.
 * @example slip("E1", "0.10")
 */
export function slip(no: string, net: string): PayslipRecord {
  return {
    employeeNo: no,
    lines: { 基本工资: 300000, 实发工资: Math.round(Number(net) * 100) },
    gross: net,
    deductions: "0",
    net,
  };
}
