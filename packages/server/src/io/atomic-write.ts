/**
 * Writes a file atomically: the data goes to a temporary file in the same directory, which is then renamed over
 * the target, so a failed run never leaves a partial output file.
 * @example await writeFileAtomic("结果.csv", "工号\r\n")
 */
import { randomBytes } from "node:crypto";
import { open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * Atomically replaces `target` with `data`; on failure the temporary file is removed and the error rethrown.
 * @example await writeFileAtomic("out.json", "[]\n")
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const temp = join(
    dirname(target),
    `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
  );
  let created = false;
  try {
    const handle = await open(temp, "wx");
    created = true;
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (e: unknown) {
    if (created) await rm(temp, { force: true }).catch(() => undefined);
    throw e;
  }
}
