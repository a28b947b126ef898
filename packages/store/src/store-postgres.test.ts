import { describe } from "vitest";
import { registerRepositorySuite, testStore } from "./repositories.suite.js";

const url = process.env.TEST_DATABASE_URL;

// Skipped (and shown as skipped) unless TEST_DATABASE_URL points at a PostgreSQL server, as in CI.
describe.skipIf(!url)("PostgreSQL server (TEST_DATABASE_URL)", () => {
  registerRepositorySuite("repositories on PostgreSQL", () => testStore(url!));
});
