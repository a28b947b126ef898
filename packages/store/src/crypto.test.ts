import { randomBytes } from "node:crypto";
import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createFieldCipher, loadKey, maskBank, maskIdNumber } from "./crypto.js";
import { StoreError } from "./errors.js";

describe("field encryption", () => {
  it("round-trips with the same context and refuses another context or key", () => {
    const c = createFieldCipher(randomBytes(32));
    const sealed = c.encrypt("310101199001011234", "t1:id_number");
    expect(sealed).toMatch(/^v1:/);
    expect(c.encrypt("310101199001011234", "t1:id_number")).not.toBe(sealed);
    expect(c.decrypt(sealed, "t1:id_number")).toBe("310101199001011234");
    expect(() => c.decrypt(sealed, "t2:id_number")).toThrow(StoreError);
    expect(() => createFieldCipher(randomBytes(32)).decrypt(sealed, "t1:id_number")).toThrow(StoreError);
  });

  it("takes the key from XINSUAN_KEY, else generates a 0600 key file and reuses it", () => {
    const key = randomBytes(32);
    expect(loadKey({ env: { XINSUAN_KEY: key.toString("base64") } }).equals(key)).toBe(true);
    expect(() => loadKey({ env: { XINSUAN_KEY: "c2hvcnQ=" } })).toThrow(/32/);
    const path = join(mkdtempSync(join(tmpdir(), "xinsuan-key-")), "data", "xinsuan.key");
    const made = loadKey({ env: {}, keyPath: path });
    expect(made).toHaveLength(32);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(loadKey({ env: {}, keyPath: path }).equals(made)).toBe(true);
  });

  it("masks ID and bank numbers", () => {
    expect(maskIdNumber("310101199001011234")).toBe("3101**********1234");
    expect(maskIdNumber("31010119900101123X")).toBe("3101**********123X");
    expect(maskBank("6222 0212 3456 7890 123")).toBe("6222***********0123");
    expect(maskBank("1234")).toBe("**34");
  });
});
