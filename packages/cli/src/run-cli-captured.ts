/**
 * Runs the `xinsuan` command in-process with its output captured (the CLI tests' helper).
 * @example const { code, out, err } = await runCliCaptured("init", "--demo", "--db", db)
 */
import { runCli } from "./main.js";

/** The exit code and what the command printed, lines joined. */
export async function runCliCaptured(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}
