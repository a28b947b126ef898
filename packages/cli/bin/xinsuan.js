#!/usr/bin/env node
// Entry point: registers tsx so the TypeScript sources run without a build step, then starts the CLI.
import { register } from "tsx/esm/api";

register();
const { runCli } = await import("../src/main.ts");
process.exitCode = await runCli(process.argv.slice(2));
