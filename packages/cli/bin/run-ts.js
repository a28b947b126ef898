#!/usr/bin/env node
import { resolve } from "node:path";
// Runs one TypeScript file (benchmarks, scripts) with tsx registered: node run-ts.js <file.ts> [args…]
import { pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";

register();
const file = process.argv[2];
if (!file) {
  console.error("usage: run-ts.js <file.ts> [args…]");
  process.exit(2);
}
process.argv.splice(1, 1);
await import(pathToFileURL(resolve(file)).href);
