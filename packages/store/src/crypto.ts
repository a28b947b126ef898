/**
 * Field encryption for 身份证号 and 银行卡号: AES-256-GCM with a random 12-byte IV; stored as
 * `v1:` + base64(iv ‖ tag ‖ ciphertext). The tenant and field are bound in as associated data, so a value copied
 * to another tenant or column does not decrypt. Key: `XINSUAN_KEY` (base64, 32 bytes) or ./data/xinsuan.key.
 * @example const c = createFieldCipher(loadKey()); c.decrypt(c.encrypt("6222…", "t1:bank"), "t1:bank")
 */

import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { StoreError } from "./errors.js";

/** The generated key file used when `XINSUAN_KEY` is not set. @example loadKey({ keyPath: DEFAULT_KEY_PATH }) */
export const DEFAULT_KEY_PATH = "./data/xinsuan.key";
const PREFIX = "v1:";

/** Encrypts and decrypts one field value; `context` names the tenant and field. @example const c: FieldCipher = createFieldCipher(key) */
export interface FieldCipher {
  encrypt(plain: string, context: string): string;
  decrypt(stored: string, context: string): string;
}

function decodeKey(text: string, from: string): Buffer {
  const key = Buffer.from(text.trim(), "base64");
  if (key.length !== 32) {
    throw new StoreError("KEY", `${from} 不是 32 字节的 base64 密钥`, `${from} is not a base64 32-byte key`);
  }
  return key;
}

/**
 * The encryption key: from `XINSUAN_KEY`, else read from (or generated into, mode 0600) the key file.
 * @example const key = loadKey({ env: {}, keyPath: "/tmp/k/xinsuan.key" })
 */
export function loadKey(
  options: { env?: Record<string, string | undefined>; keyPath?: string } = {},
): Buffer {
  const env = options.env ?? process.env;
  const fromEnv = env.XINSUAN_KEY;
  if (fromEnv && fromEnv.trim() !== "") return decodeKey(fromEnv, "XINSUAN_KEY");
  const path = options.keyPath ?? DEFAULT_KEY_PATH;
  if (existsSync(path)) return decodeKey(readFileSync(path, "utf8"), path);
  mkdirSync(dirname(path), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(path, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  chmodSync(path, 0o600);
  return key;
}

/**
 * A cipher over a 32-byte key.
 * @example createFieldCipher(randomBytes(32)).encrypt("310101199001011234", "t1:id_number").startsWith("v1:")
 */
export function createFieldCipher(key: Buffer): FieldCipher {
  if (key.length !== 32) throw new StoreError("KEY", "密钥必须是 32 字节", "the key must be 32 bytes");
  return {
    encrypt(plain, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      cipher.setAAD(Buffer.from(context, "utf8"));
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
    },
    decrypt(stored, context) {
      try {
        if (!stored.startsWith(PREFIX)) throw new Error("unknown format");
        const raw = Buffer.from(stored.slice(PREFIX.length), "base64");
        const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
        decipher.setAAD(Buffer.from(context, "utf8"));
        decipher.setAuthTag(raw.subarray(12, 28));
        return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
      } catch (e) {
        throw new StoreError(
          "KEY",
          "无法解密：密钥不对或数据已损坏",
          "cannot decrypt: wrong key or damaged data",
          {
            cause: e,
          },
        );
      }
    },
  };
}

function maskMiddle(value: string, keepStart: number, keepEnd: number): string {
  const v = value.replace(/\s+/g, "");
  if (v.length <= keepStart + keepEnd) return "*".repeat(Math.max(0, v.length - 2)) + v.slice(-2);
  return v.slice(0, keepStart) + "*".repeat(v.length - keepStart - keepEnd) + v.slice(-keepEnd);
}

/**
 * Masks a 身份证号, keeping the first 4 and last 4 characters.
 * @example maskIdNumber("310101199001011234") === "3101**********1234"
 */
export function maskIdNumber(value: string): string {
  return maskMiddle(value, 4, 4);
}

/**
 * Masks a bank card number, keeping the first 4 and last 4 digits.
 * @example maskBank("6222021234567890123") === "6222***********0123"
 */
export function maskBank(value: string): string {
  return maskMiddle(value, 4, 4);
}
