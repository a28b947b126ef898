/**
 * Rate limit of sign-in attempts per client address (fixed window): 10 a minute by default, then RATE_LIMITED
 * until the window ends. In memory: one server process. Per-account lockout is separate (sign-in.ts).
 * @example const limit = createLoginLimiter(); limit.hit("127.0.0.1") // throws after 10 hits in a minute
 */

import { AppError } from "../app-error.js";

/** The limiter. @example const l: LoginLimiter = createLoginLimiter({ max: 5 }) */
export interface LoginLimiter {
  /** Counts an attempt; throws RATE_LIMITED over the limit. */
  hit(key: string, now?: number): void;
}

/**
 * A fixed-window limiter.
 * @example createLoginLimiter({ max: 10, windowMs: 60_000 })
 */
export function createLoginLimiter(o: { max?: number; windowMs?: number } = {}): LoginLimiter {
  const max = o.max ?? 10;
  const windowMs = o.windowMs ?? 60_000;
  const windows = new Map<string, { start: number; count: number }>();
  return {
    hit(key, now = Date.now()) {
      if (windows.size > 10_000)
        for (const [k, w] of windows) if (now - w.start >= windowMs) windows.delete(k);
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
    },
  };
}
