import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["packages/*/src/**/*.test.ts", "templates/**/*.test.ts"],
    pool: "forks",
    testTimeout: 60_000,
  },
});
