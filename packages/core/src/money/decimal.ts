/**
 * Exact decimal numbers for money, rates and scores. A value is an integer coefficient and a scale
 * (value = coefficient × 10^-scale). The coefficient lives in a JS number only while it is a safe integer,
 * where integer arithmetic is exact, and moves to a bigint otherwise; no fractional binary float ever holds
 * an amount. Addition, subtraction and multiplication are exact; multiplication and division keep at most
 * MAX_SCALE (10) decimal places, rounded half-even.
 * @example Dec.parse("0.1").add(Dec.parse("0.2")).toString() === "0.3"
 */

import {
  divSafe,
  formatCoefficient,
  formatSafe,
  MAX_SAFE_N,
  POW10,
  pow10n,
  rescaleBig,
  rescaleNum,
  roundIncrement,
} from "./integer-ops.js";

/** Decimal places kept by products and quotients. */
export const MAX_SCALE = 10;
/** Before rounding to a unit, a value is settled at this many places (absorbs the tail of 2000 ÷ 21.75 × 21.75). */
export const SETTLE_SCALE = 8;
/** Largest scale accepted when parsing text. */
export const MAX_PARSE_SCALE = 18;

export type RoundingMode = "half-up" | "half-even" | "down" | "up" | "floor" | "ceiling";

const DECIMAL_RE = /^([+-]?)(\d+)(?:\.(\d+))?$/;

export class Dec {
  /** Coefficient when it is a safe integer (then `big` is null). */
  readonly m: number;
  /** Coefficient when it is outside the safe-integer range. */
  readonly big: bigint | null;
  /** Number of decimal places. */
  readonly s: number;

  private constructor(m: number, big: bigint | null, s: number) {
    this.m = m;
    this.big = big;
    this.s = s;
  }

  static readonly ZERO = new Dec(0, null, 0);
  static readonly ONE = new Dec(1, null, 0);
  static readonly HUNDRED = new Dec(100, null, 0);

  /** Builds a value from an integer coefficient and a scale. @example Dec.fromCoefficient(12345n, 2).toString() === "123.45" */
  static fromCoefficient(c: bigint | number, scale: number): Dec {
    if (typeof c === "number") {
      if (!Number.isSafeInteger(c)) throw new RangeError(`coefficient must be a safe integer: ${c}`);
      return new Dec(c === 0 ? 0 : c, null, scale);
    }
    if (c <= MAX_SAFE_N && c >= -MAX_SAFE_N) return new Dec(Number(c), null, scale);
    return new Dec(0, c, scale);
  }

  /** From a safe integer. @example Dec.fromInt(21).toString() === "21" */
  static fromInt(n: number): Dec {
    return Dec.fromCoefficient(n, 0);
  }

  /** Parses plain decimal text (`-12.50`); null when the text is not one. @example Dec.tryParse("1.005")?.s === 3 */
  static tryParse(text: string): Dec | null {
    const n = text.length;
    let i = 0;
    let neg = false;
    const c0 = n > 0 ? text.charCodeAt(0) : 0;
    if (c0 === 45 || c0 === 43) {
      neg = c0 === 45;
      i = 1;
    }
    let m = 0;
    let digits = 0;
    let scale = -1;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) {
        m = m * 10 + (c - 48);
        digits++;
        if (scale >= 0) scale++;
      } else if (c === 46 && scale < 0 && digits > 0) scale = 0;
      else return null;
    }
    if (digits === 0 || scale === 0) return null;
    if (digits <= 15) return new Dec(neg && m !== 0 ? -m : m, null, Math.max(scale, 0));
    return Dec.parseLong(text);
  }

  private static parseLong(text: string): Dec | null {
    const m = DECIMAL_RE.exec(text);
    if (!m) return null;
    const frac = m[3] ?? "";
    if (frac.length > MAX_PARSE_SCALE) return null;
    const digits = (m[2] ?? "") + frac;
    const c = digits.length <= 15 ? Number(digits) : BigInt(digits);
    const signed = m[1] === "-" ? -c : c;
    return Dec.fromCoefficient(signed, frac.length);
  }

  /** Parses plain decimal text; throws on anything else (use tryParse for user input). @example Dec.parse("800").toString() === "800" */
  static parse(text: string): Dec {
    const d = Dec.tryParse(text);
    if (!d) throw new RangeError(`not a decimal: ${JSON.stringify(text)}`);
    return d;
  }

  /** The coefficient as a bigint. */
  coefficient(): bigint {
    return this.big ?? BigInt(this.m);
  }

  private static fromBig(c: bigint, s: number): Dec {
    if (s > MAX_SCALE) {
      c = rescaleBig(c, s - MAX_SCALE, "half-even");
      s = MAX_SCALE;
    }
    return Dec.fromCoefficient(c, s);
  }

  /** Exact sum. @example Dec.parse("0.1").add(Dec.parse("0.2")).eq(Dec.parse("0.3")) */
  add(o: Dec): Dec {
    if (this.big === null && o.big === null) {
      if (this.s === o.s) {
        const r = this.m + o.m;
        if (Number.isSafeInteger(r)) return new Dec(r, null, this.s);
      } else if (this.s < o.s) {
        const x = this.m * (POW10[o.s - this.s] ?? Number.POSITIVE_INFINITY);
        const r = x + o.m;
        if (Number.isSafeInteger(x) && Number.isSafeInteger(r)) return new Dec(r, null, o.s);
      } else {
        const y = o.m * (POW10[this.s - o.s] ?? Number.POSITIVE_INFINITY);
        const r = this.m + y;
        if (Number.isSafeInteger(y) && Number.isSafeInteger(r)) return new Dec(r, null, this.s);
      }
    }
    const s = Math.max(this.s, o.s);
    return Dec.fromBig(this.coefficient() * pow10n(s - this.s) + o.coefficient() * pow10n(s - o.s), s);
  }

  /** Exact difference. @example Dec.parse("1").sub(Dec.parse("0.01")).toString() === "0.99" */
  sub(o: Dec): Dec {
    return this.add(o.neg());
  }

  /** Product, exact up to 10 decimal places. @example Dec.parse("800").mul(Dec.parse("0.75")).toString() === "600" */
  mul(o: Dec): Dec {
    const s = this.s + o.s;
    if (this.big === null && o.big === null) {
      const p = this.m * o.m;
      if (Number.isSafeInteger(p)) {
        if (s <= MAX_SCALE) return new Dec(p === 0 ? 0 : p, null, s);
        return new Dec(rescaleNum(p, s - MAX_SCALE, "half-even"), null, MAX_SCALE);
      }
    }
    return Dec.fromBig(this.coefficient() * o.coefficient(), s);
  }

  /** Quotient to 10 decimal places, half-even; trailing zeros dropped. Throws on a zero divisor (callers check). @example Dec.parse("1").div(Dec.fromInt(4)).toString() === "0.25" */
  div(o: Dec): Dec {
    if (this.big === null && o.big === null && o.m !== 0) {
      const quick = divSafe(this.m, this.s, o.m, o.s, MAX_SCALE);
      if (quick) return Dec.fromCoefficient(quick[0], quick[1]);
    }
    const d = o.coefficient();
    if (d === 0n) throw new RangeError("division by zero");
    // value = (a / 10^sa) / (b / 10^sb); scale the numerator so the integer quotient has MAX_SCALE places.
    const e = MAX_SCALE - this.s + o.s;
    let n = this.coefficient();
    let den = d;
    if (e >= 0) n *= pow10n(e);
    else den *= pow10n(-e);
    let q = n / den;
    const r = n % den;
    if (r !== 0n) {
      const neg = n < 0n !== den < 0n;
      const ar = r < 0n ? -r : r;
      const ad = den < 0n ? -den : den;
      const twice = ar * 2n;
      const rem2 = twice === ad ? 0 : twice > ad ? 1 : -1;
      if (roundIncrement(neg, (q & 1n) !== 0n, rem2, "half-even") === 1) q = neg ? q - 1n : q + 1n;
    }
    let s = MAX_SCALE;
    while (s > 0 && q % 10n === 0n && q !== 0n) {
      q /= 10n;
      s--;
    }
    return Dec.fromCoefficient(q === 0n ? 0n : q, q === 0n ? 0 : s);
  }

  /** Negation. @example Dec.parse("5").neg().toString() === "-5" */
  neg(): Dec {
    if (this.big === null) return new Dec(this.m === 0 ? 0 : -this.m, null, this.s);
    return Dec.fromCoefficient(-this.big, this.s);
  }

  /** Absolute value. @example Dec.parse("-5").abs().toString() === "5" */
  abs(): Dec {
    return this.sign() < 0 ? this.neg() : this;
  }

  /** -1, 0 or 1. @example Dec.parse("-0.01").sign() === -1 */
  sign(): -1 | 0 | 1 {
    if (this.big === null) return this.m > 0 ? 1 : this.m < 0 ? -1 : 0;
    return this.big > 0n ? 1 : -1;
  }

  isZero(): boolean {
    return this.big === null && this.m === 0;
  }

  /** Compares values (not scales): -1, 0 or 1. @example Dec.parse("1.50").cmp(Dec.parse("1.5")) === 0 */
  cmp(o: Dec): -1 | 0 | 1 {
    if (this.big === null && o.big === null) {
      if (this.s === o.s) return this.m < o.m ? -1 : this.m > o.m ? 1 : 0;
      const k = this.s < o.s ? o.s - this.s : this.s - o.s;
      const f = POW10[k];
      if (f !== undefined) {
        const a = this.s < o.s ? this.m * f : this.m;
        const b = this.s < o.s ? o.m : o.m * f;
        if (Number.isSafeInteger(a) && Number.isSafeInteger(b)) return a < b ? -1 : a > b ? 1 : 0;
      }
    }
    const s = Math.max(this.s, o.s);
    const a = this.coefficient() * pow10n(s - this.s);
    const b = o.coefficient() * pow10n(s - o.s);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  eq(o: Dec): boolean {
    return this.cmp(o) === 0;
  }
  lt(o: Dec): boolean {
    return this.cmp(o) < 0;
  }
  lte(o: Dec): boolean {
    return this.cmp(o) <= 0;
  }
  gt(o: Dec): boolean {
    return this.cmp(o) > 0;
  }
  gte(o: Dec): boolean {
    return this.cmp(o) >= 0;
  }

  /** The smaller of two values. */
  min(o: Dec): Dec {
    return this.cmp(o) <= 0 ? this : o;
  }
  /** The larger of two values. */
  max(o: Dec): Dec {
    return this.cmp(o) >= 0 ? this : o;
  }

  /**
   * Rounds to `places` decimal places (negative places round to tens, hundreds…). The value is first settled at
   * 8 places (half-even) so that a quotient's unrepresentable tail cannot flip a half.
   * @example Dec.parse("1.005").round(2).toString() === "1.01"
   */
  round(places: number, mode: RoundingMode = "half-up"): Dec {
    let v: Dec = this;
    if (v.s > SETTLE_SCALE && places < SETTLE_SCALE) v = v.rescale(SETTLE_SCALE, "half-even");
    if (v.s <= places) return v;
    return v.rescale(places, mode);
  }

  private rescale(places: number, mode: RoundingMode): Dec {
    const drop = this.s - places;
    if (places >= 0) {
      if (this.big === null) return new Dec(rescaleNum(this.m, drop, mode), null, places);
      return Dec.fromCoefficient(rescaleBig(this.big, drop, mode), places);
    }
    const q = rescaleBig(this.coefficient(), drop, mode);
    return Dec.fromCoefficient(q * pow10n(-places), 0);
  }

  /** True when the value has no fractional part. */
  isInteger(): boolean {
    return this.s === 0 || this.round(0, "down").eq(this);
  }

  /** Coefficient at a fixed scale as a safe integer (e.g. 分 for scale 2); throws if inexact or too large. @example Dec.parse("12.3").toScaledInteger(2) === 1230 */
  toScaledInteger(scale: number): number {
    const r = this.round(scale, "down");
    if (!r.eq(this)) throw new RangeError(`${this.toString()} has more than ${scale} decimal places`);
    const c = r.coefficient() * pow10n(scale - r.s);
    if (c > MAX_SAFE_N || c < -MAX_SAFE_N) throw new RangeError(`${this.toString()} is too large`);
    return Number(c);
  }

  /** Fast path of toScaledInteger for values already rounded to at most `scale` places. @example Dec.parse("1.5").unitsAt(2) === 150 */
  unitsAt(scale: number): number {
    if (this.big === null && this.s <= scale) {
      const u = this.m * (POW10[scale - this.s] ?? Number.NaN);
      if (Number.isSafeInteger(u)) return u;
    }
    return this.toScaledInteger(scale);
  }

  /** Exact plain text with trailing zeros removed. @example Dec.parse("600.00").toString() === "600" */
  toString(): string {
    let c = this.coefficient();
    let s = this.s;
    while (s > 0 && c % 10n === 0n) {
      c /= 10n;
      s--;
    }
    return formatCoefficient(c, s);
  }

  /** Text with exactly `places` decimals, rounded half-up. @example Dec.parse("2030").toFixed(2) === "2030.00" */
  toFixed(places: number, mode: RoundingMode = "half-up"): string {
    const r = this.round(places, mode);
    if (r.big === null && places <= 15) {
      const c = r.m * (POW10[places - r.s] ?? Number.NaN);
      if (Number.isSafeInteger(c)) return formatSafe(c, places);
    }
    return formatCoefficient(r.coefficient() * pow10n(places - r.s), places);
  }

  /** As a percentage text, e.g. 0.015 → "1.5%". @example Dec.parse("0.75").toPercent() === "75%" */
  toPercent(): string {
    return `${this.mul(Dec.HUNDRED).toString()}%`;
  }

  /** Value as a JS number for display-only uses (charts); never use it for arithmetic. */
  toApproxNumber(): number {
    return Number(this.toString());
  }
}

/**
 * Formats an integer count of 10^-places units with `decimals` ≥ places decimals, without building a Dec.
 * @example formatUnits(12345, 2, 2) === "123.45"
 */
export function formatUnits(units: number, places: number, decimals: number): string {
  const c = units * (POW10[decimals - places] ?? Number.NaN);
  if (Number.isSafeInteger(c) && decimals >= places) return formatSafe(c, decimals);
  return Dec.fromCoefficient(units, places).toFixed(decimals);
}
