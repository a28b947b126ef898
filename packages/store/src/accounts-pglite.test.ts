import { describe } from "vitest";
import { registerAccountSuite } from "./accounts.suite.js";
import { testStore } from "./suite-kit.js";

registerAccountSuite("accounts on PGlite (in memory)", () => testStore("pglite://memory"));

const url = process.env.TEST_DATABASE_URL;
// Skipped (and shown as skipped) unless TEST_DATABASE_URL points at a PostgreSQL server, as in CI.
describe.skipIf(!url)("PostgreSQL server (TEST_DATABASE_URL)", () => {
  registerAccountSuite("accounts on PostgreSQL", () => testStore(url!));
});
