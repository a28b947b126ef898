/**
 * Rate limit of sign-in attempts (fixed windows of a minute): 10 per account name from one address, and 600 from
 * one address in all — a contact centre's 200 agents behind one NAT address sign in at the start of a shift, so
 * the per-address limit is wide and the narrow one is per account. Over a limit: RATE_LIMITED until the window
 * ends. In memory (one server process). Per-account lockout after wrong passwords is separate (sign-in.ts).
 * @example const limit = createLoginLimiter(); limit.hit("127.0.0.1", "K001") // throws after 10 hits in a minute
 */

import { AppError } from "../app-error.js";

/** The limiter. @example const l: LoginLimiter = createLoginLimiter({ max: 5 }) */
export interface LoginLimiter {
  /** Counts an attempt of `login` from `ip`; throws RATE_LIMITED over either limit. */
  hit(ip: string, login: string, now?: number): void;
}

type Window = { start: number; count: number };

function counter(max: number, windowMs: number) {
  const windows = new Map<string, Window>();
  return (key: string, now: number) => {
    if (windows.size > 10_000) for (const [k, w] of windows) if (now - w.start >= windowMs) windows.delete(k);
    const w = windows.get(key);
    if (!w || now - w.start >= windowMs) {
      windows.set(key, { start: now, count: 1 });
      return;
    }
    w.count += 1;
    if (w.count > max) {
      const wait = Math.ceil((w.start + windowMs - now) / 1000);
      throw new AppError(
        "RATE_LIMITED",
        `登录尝试太频繁，请 ${wait} 秒后再试`,
        `too many sign-in attempts: try again in ${wait} s`,
      );
    }
  };
}

/**
 * A limiter: `max` per account name and address, `maxPerAddress` per address, per window.
 * @example createLoginLimiter({ max: 10, maxPerAddress: 600, windowMs: 60_000 })
 */
export function createLoginLimiter(
  o: { max?: number; maxPerAddress?: number; windowMs?: number } = {},
): LoginLimiter {
  const windowMs = o.windowMs ?? 60_000;
  const perLogin = counter(o.max ?? 10, windowMs);
  const perAddress = counter(o.maxPerAddress ?? 600, windowMs);
  return {
    hit(ip, login, now = Date.now()) {
      perAddress(ip, now);
      perLogin(`${ip}\u0000${login.trim().toLowerCase()}`, now);
    },
  };
}
