/**
 * @xinsuan/store — tenant-scoped persistence for the payroll workspace on SQLite (default), PGlite or PostgreSQL.
 * @example const store = await openStore(process.env.DATABASE_URL); const t = await store.tenants.create("甲公司")
 */

import type { Kysely } from "kysely";
import { createFieldCipher, type FieldCipher, loadKey } from "./crypto.js";
import { openDatabase } from "./db.js";
import { migrateToLatest } from "./migrations/index.js";
import { type AdjustmentRepository, createAdjustmentRepository } from "./repositories/adjustments.js";
import { type AuditRepository, createAuditRepository } from "./repositories/audit.js";
import { type ClaimRepository, createClaimRepository } from "./repositories/claims.js";
import { createDatasetRepository, type DatasetRepository } from "./repositories/datasets.js";
import {
  createEmployeeHistoryRepository,
  type EmployeeHistoryRepository,
} from "./repositories/employee-history.js";
import { createEmployeeRepository, type EmployeeRepository } from "./repositories/employees.js";
import { createGradeReviewRepository, type GradeReviewRepository } from "./repositories/grade-reviews.js";
import { createMailOutboxRepository, type MailOutboxRepository } from "./repositories/mail-outbox.js";
import {
  createPayslipFeedbackRepository,
  type PayslipFeedbackRepository,
} from "./repositories/payslip-feedback.js";
import { createPolicyRepository, type PolicyRepository } from "./repositories/policies.js";
import { createRunRepository, type RunRepository } from "./repositories/runs.js";
import { createSessionRepository, type SessionRepository } from "./repositories/sessions.js";
import { createStateLedgerRepository, type StateLedgerRepository } from "./repositories/state-ledger.js";
import { createTeamRepository, type TeamRepository } from "./repositories/teams.js";
import { createTenantRepository, type TenantRepository } from "./repositories/tenants.js";
import { createUserRepository, type UserRepository } from "./repositories/users.js";
import type { Database } from "./schema.js";

export * from "./crypto.js";
export * from "./db.js";
export * from "./errors.js";
export * from "./migrations/index.js";
export * from "./money.js";
export * from "./repositories/adjustments.js";
export * from "./repositories/audit.js";
export * from "./repositories/claims.js";
export * from "./repositories/datasets.js";
export * from "./repositories/employee-history.js";
export * from "./repositories/employees.js";
export * from "./repositories/grade-reviews.js";
export * from "./repositories/mail-outbox.js";
export * from "./repositories/payslip-feedback.js";
export * from "./repositories/policies.js";
export * from "./repositories/run-payslips.js";
export * from "./repositories/runs.js";
export * from "./repositories/sessions.js";
export * from "./repositories/state-ledger.js";
export * from "./repositories/teams.js";
export * from "./repositories/tenants.js";
export * from "./repositories/users.js";
export * from "./schema.js";

/** Every repository over one database. @example const store: Store = await openStore("sqlite::memory:") */
export type Store = {
  db: Kysely<Database>;
  tenants: TenantRepository;
  teams: TeamRepository;
  employees: EmployeeRepository;
  history: EmployeeHistoryRepository;
  policies: PolicyRepository;
  datasets: DatasetRepository;
  runs: RunRepository;
  ledger: StateLedgerRepository;
  audit: AuditRepository;
  claims: ClaimRepository;
  adjustments: AdjustmentRepository;
  gradeReviews: GradeReviewRepository;
  mailOutbox: MailOutboxRepository;
  users: UserRepository;
  sessions: SessionRepository;
  feedback: PayslipFeedbackRepository;
  close(): Promise<void>;
};

/**
 * Builds the repositories over an open, migrated database.
 * @example const store = createStore(db, createFieldCipher(loadKey()))
 */
export function createStore(db: Kysely<Database>, cipher: FieldCipher): Store {
  return {
    db,
    tenants: createTenantRepository(db),
    teams: createTeamRepository(db),
    employees: createEmployeeRepository(db, cipher),
    history: createEmployeeHistoryRepository(db),
    policies: createPolicyRepository(db),
    datasets: createDatasetRepository(db),
    runs: createRunRepository(db),
    ledger: createStateLedgerRepository(db),
    audit: createAuditRepository(db),
    claims: createClaimRepository(db),
    adjustments: createAdjustmentRepository(db),
    gradeReviews: createGradeReviewRepository(db),
    mailOutbox: createMailOutboxRepository(db),
    users: createUserRepository(db),
    sessions: createSessionRepository(db),
    feedback: createPayslipFeedbackRepository(db),
    close: () => db.destroy(),
  };
}

/**
 * Opens the database for a URL, migrates it and builds the repositories (key from XINSUAN_KEY or the key file).
 * @example const store = await openStore("sqlite::memory:")
 */
export async function openStore(url?: string, options: { cipher?: FieldCipher } = {}): Promise<Store> {
  const db = openDatabase(url);
  try {
    await migrateToLatest(db);
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return createStore(db, options.cipher ?? createFieldCipher(loadKey()));
}
