/**
 * Password hashing with argon2id (@node-rs/argon2; OWASP's minimum: 19 MiB, 2 passes, 1 lane) and the password
 * rule (8–128 characters, not only digits).
 * @example const h = await hashPassword("correct horse"); await verifyPassword(h, "correct horse") === true
 */

import { hash, verify } from "@node-rs/argon2";
import { AppError } from "../app-error.js";

// 2 is Algorithm.Argon2id: the package declares it as an ambient const enum, which verbatimModuleSyntax cannot read.
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** The argon2id hash (PHC string) of a password. @example (await hashPassword("pw-12345678")).startsWith("$argon2id$") */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** Whether `password` matches the stored hash (false for a malformed hash). @example await verifyPassword(h, "x") */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/**
 * Refuses a password that is too short, too long or only digits (INPUT_INVALID).
 * @example checkPasswordRule("abc") // throws
 */
export function checkPasswordRule(password: string): void {
  if (password.length < 8 || password.length > 128)
    throw new AppError("INPUT_INVALID", "密码长度应为 8–128 个字符", "a password must be 8–128 characters");
  if (/^\d+$/.test(password))
    throw new AppError("INPUT_INVALID", "密码不能只有数字", "a password must not be digits only");
}
