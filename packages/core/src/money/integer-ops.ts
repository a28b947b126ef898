/**
 * Integer steps behind Dec: powers of ten, rounding a coefficient by dropping digits, an exact quotient on safe
 * integers, and formatting coefficients as decimal text. Numbers here are always integers.
 * @example rescaleNum(12345, 2, "half-up") === 123
 */
import type { RoundingMode } from "./decimal.js";

export const POW10: number[] = [];
export const POW10N: bigint[] = [];
for (let i = 0, p = 1n; i <= 40; i++, p *= 10n) {
  POW10N.push(p);
  if (i <= 15) POW10.push(Number(p));
}
export const MAX_SAFE_N = BigInt(Number.MAX_SAFE_INTEGER);

export function pow10n(k: number): bigint {
  return POW10N[k] ?? 10n ** BigInt(k);
}

export function roundIncrement(negative: boolean, odd: boolean, rem2: number, mode: RoundingMode): number {
  // rem2 compares twice the dropped remainder with the divisor: -1 below half, 0 exactly half, 1 above; 2 means zero.
  if (rem2 === 2) return 0;
  switch (mode) {
    case "down":
      return 0;
    case "up":
      return 1;
    case "floor":
      return negative ? 1 : 0;
    case "ceiling":
      return negative ? 0 : 1;
    case "half-up":
      return rem2 >= 0 ? 1 : 0;
    case "half-even":
      return rem2 > 0 || (rem2 === 0 && odd) ? 1 : 0;
  }
}

export function rescaleBig(c: bigint, drop: number, mode: RoundingMode): bigint {
  const div = pow10n(drop);
  const q = c / div;
  const r = c % div;
  if (r === 0n) return q;
  const neg = c < 0n;
  const ar = neg ? -r : r;
  const twice = ar * 2n;
  const rem2 = twice === div ? 0 : twice > div ? 1 : -1;
  const inc = roundIncrement(neg, (q & 1n) !== 0n, rem2, mode);
  return inc === 0 ? q : neg ? q - 1n : q + 1n;
}

export function rescaleNum(c: number, drop: number, mode: RoundingMode): number {
  if (drop > 15) return Number(rescaleBig(BigInt(c), drop, mode));
  const div = POW10[drop]!;
  // Truncated quotient and remainder without fmod (slow on large doubles); the float quotient is off by at most one.
  let q = Math.trunc(c / div);
  let r = c - q * div;
  if (c >= 0 ? r < 0 : r > 0) {
    q += c >= 0 ? -1 : 1;
    r += c >= 0 ? div : -div;
  } else if (Math.abs(r) >= div) {
    q += c >= 0 ? 1 : -1;
    r -= c >= 0 ? div : -div;
  }
  if (r === 0) return q;
  const neg = c < 0;
  const twice = Math.abs(r) * 2;
  const rem2 = twice === div ? 0 : twice > div ? 1 : -1;
  const inc = roundIncrement(neg, q % 2 !== 0, rem2, mode);
  return inc === 0 ? q : neg ? q - 1 : q + 1;
}

/** Quotient (coefficient, scale) on safe integers when every step stays exact; null to fall back to bigint. */
export function divSafe(
  am: number,
  as: number,
  bm: number,
  bs: number,
  maxScale: number,
): [number, number] | null {
  const e = maxScale - as + bs;
  const f = POW10[e];
  if (f === undefined) return null;
  const n = am * f;
  if (!Number.isSafeInteger(n)) return null;
  const an = Math.abs(n);
  const ad = Math.abs(bm);
  // The float quotient of two safe integers is within one of the true quotient; the remainder check fixes it.
  let q = Math.floor(an / ad);
  const p = q * ad;
  if (!Number.isSafeInteger(p)) return null;
  let r = an - p;
  if (r < 0) {
    q -= 1;
    r += ad;
  } else if (r >= ad) {
    q += 1;
    r -= ad;
  }
  if (r !== 0) {
    const twice = r * 2;
    if (twice > ad || (twice === ad && q % 2 === 1)) q += 1;
  }
  if (q === 0) return [0, 0];
  let s = maxScale;
  for (let t = Math.trunc(q / 10); s > 0 && t * 10 === q; t = Math.trunc(q / 10)) {
    q = t;
    s--;
  }
  return [n < 0 !== bm < 0 ? -q : q, s];
}

/** Decimal text of a safe-integer coefficient with `s` places. @example formatSafe(-5, 2) === "-0.05" */
export function formatSafe(c: number, s: number): string {
  const neg = c < 0;
  let digits = String(neg ? -c : c);
  if (s > 0) {
    if (digits.length <= s) digits = "0".repeat(s - digits.length + 1) + digits;
    digits = `${digits.slice(0, digits.length - s)}.${digits.slice(digits.length - s)}`;
  }
  return neg ? `-${digits}` : digits;
}

/** Decimal text of a bigint coefficient with `s` places. @example formatCoefficient(12345n, 2) === "123.45" */
export function formatCoefficient(c: bigint, s: number): string {
  const neg = c < 0n;
  let digits = (neg ? -c : c).toString();
  if (s > 0) {
    if (digits.length <= s) digits = "0".repeat(s - digits.length + 1) + digits;
    digits = `${digits.slice(0, digits.length - s)}.${digits.slice(digits.length - s)}`;
  }
  return neg ? `-${digits}` : digits;
}
