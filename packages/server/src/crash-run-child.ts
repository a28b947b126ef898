/**
 * Child process of `run-crash.test.ts`: starts a run of a period on a SQLite file and stalls after its first batch
 * of payslips is saved (a blocking wait in `onProgress`), so the test can kill it with SIGKILL mid-run.
 * Usage: node packages/cli/bin/run-ts.js packages/server/src/crash-run-child.ts <db file> <tenant id> <period>
 * @example spawn(process.execPath, ["packages/cli/bin/run-ts.js", CHILD, dbPath, tenantId, "2026-08"])
 */

import { openServerStore } from "./context.js";
import { runPayrollService } from "./services/run-payroll.js";

const [path, tenantId, period] = process.argv.slice(2);
if (!path || !tenantId || !period) {
  console.error("usage: crash-run-child.ts <db file> <tenant id> <period>");
  process.exit(2);
}
const store = await openServerStore(`sqlite:${path}`);
const stall = new Int32Array(new SharedArrayBuffer(4));
await runPayrollService(
  { store, tenantId, actor: "crash-child" },
  {
    period,
    // Blocks the process (no event loop) once payslips are in the database: the state a kill -9 leaves.
    onProgress: () => {
      process.stdout.write("stalled\n");
      Atomics.wait(stall, 0, 0, 60_000);
    },
  },
);
await store.close();
