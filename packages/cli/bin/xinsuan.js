#!/usr/bin/env node
// Entry point: registers tsx so the TypeScript sources run without a build step, then starts the CLI.
import { register } from "tsx/esm/api";

// A reader that stops early (`xinsuan calc … | head`) closes the pipe: stop quietly, as Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e) => {
    if (e && e.code === "EPIPE") process.exit(0);
    throw e;
  });
}
register();
const { runCli } = await import("../src/main.ts");
process.exitCode = await runCli(process.argv.slice(2));
