/**
 * Profiles the employee import alone (`node packages/cli/bin/run-ts.js packages/cli/bench/profile-import.ts <url> <n>`):
 * prints the time of the import of n generated employees into a fresh workspace at `url`.
 * @example node packages/cli/bin/run-ts.js packages/cli/bench/profile-import.ts sqlite:/tmp/p.db 20000
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EMPLOYEE_COLUMNS, generateCompany, importEmployees, initWorkspace } from "@xinsuan/server";

const url = process.argv[2] || `sqlite:${join(mkdtempSync(join(tmpdir(), "xinsuan-prof-")), "p.db")}`;
const n = Number(process.argv[3] ?? 20000);
const { rows } = generateCompany({ agents: n, teamSize: 15, period: "2026-10", seed: 7 });
const roster = rows.map((r, i) => ({
  rowNumber: i + 2,
  cells: {
    ...Object.fromEntries(EMPLOYEE_COLUMNS.map((c) => [c, r[c] ?? ""])),
    身份证号: `3101011990${String(i).padStart(7, "0")}X`,
    银行卡号: `6222${String(i).padStart(15, "0")}`,
  },
}));
const w = await initWorkspace({ url, companyName: "p", keyPath: join(tmpdir(), `p-${process.pid}.key`) });
const ctx = { store: w.store, tenantId: w.tenant.id, actor: "p" };
for (const round of ["first", "again"]) {
  const t0 = performance.now();
  const r = await importEmployees(ctx, { file: "p.csv", rows: roster });
  process.stderr.write(
    `${round}: ${Math.round(performance.now() - t0)} ms ${JSON.stringify({ ...r, warnings: r.warnings.length })}\n`,
  );
}
await w.store.close();
