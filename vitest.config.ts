import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["packages/*/src/**/*.test.ts", "templates/**/*.test.ts", "packages/web/e2e/**/*.test.ts"],
    pool: "forks",
    testTimeout: 60_000,
    // Starting PGlite (WASM PostgreSQL) and migrating takes ~8 s on this 2-core machine, more under load.
    hookTimeout: 60_000,
  },
});
