/**
 * @xinsuan/server — the payroll workspace's use cases (one verb-noun service per file) over the store, the
 * table I/O (CSV/XLSX/JSON, terminal tables) and the one application error table. The CLI and the HTTP API
 * both call these. `@xinsuan/server/io` is the part without the database drivers.
 * @example const store = await openServerStore(); const r = await runPayrollService({ store, tenantId, actor: "cli" }, { period: "2026-08" })
 */

export * from "./auth/authorize.js";
export * from "./auth/principal.js";
export * from "./context.js";
export * from "./http/app.js";
export * from "./http/start-server.js";
export * from "./io/index.js";
export * from "./services/add-adjustment.js";
export * from "./services/add-policy-version.js";
export * from "./services/approve-run.js";
export * from "./services/assign-policy.js";
export * from "./services/build-dashboard.js";
export * from "./services/build-period-template.js";
export * from "./services/cancel-adjustment.js";
export * from "./services/change-password.js";
export * from "./services/check-policy.js";
export * from "./services/company-policy.js";
export * from "./services/create-accounts-from-employees.js";
export * from "./services/create-demo-accounts.js";
export * from "./services/create-user.js";
export * from "./services/decide-claim.js";
export * from "./services/decide-grade-review.js";
export * from "./services/declare-deduction.js";
export * from "./services/export-bank.js";
export * from "./services/export-iit.js";
export * from "./services/export-payslips.js";
export * from "./services/export-payslips-pdf.js";
export * from "./services/export-register.js";
export * from "./services/export-si.js";
export * from "./services/import-dataset.js";
export * from "./services/import-employees.js";
export * from "./services/import-ledger.js";
export * from "./services/init-workspace.js";
export * from "./services/list-adjustments.js";
export * from "./services/list-audit.js";
export * from "./services/list-claims.js";
export * from "./services/list-employees.js";
export * from "./services/list-grade-candidates.js";
export * from "./services/list-periods.js";
export * from "./services/list-policies.js";
export * from "./services/list-teams.js";
export * from "./services/list-templates.js";
export * from "./services/list-users.js";
export * from "./services/load-demo-company.js";
export * from "./services/mark-run-paid.js";
export * from "./services/payslip-mail-render.js";
export * from "./services/policy-for-period.js";
export * from "./services/preview-policy.js";
export * from "./services/queue-payslip-mail.js";
export * from "./services/run-payroll.js";
export * from "./services/save-policy.js";
export * from "./services/save-team-scores.js";
export * from "./services/send-mail-queue.js";
export * from "./services/set-up-first-admin.js";
export * from "./services/show-employee.js";
export * from "./services/show-period.js";
export * from "./services/show-policy-version.js";
export * from "./services/show-register.js";
export * from "./services/show-team-pool.js";
export * from "./services/show-team-scores.js";
export * from "./services/show-template.js";
export * from "./services/sign-in.js";
export * from "./services/sign-out.js";
export * from "./services/start-payroll-run.js";
export * from "./services/submit-claim.js";
export * from "./services/update-user.js";
export * from "./services/verify-run.js";
export * from "./store-errors.js";
