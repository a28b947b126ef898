/**
 * Splits an amount into parts proportional to weights by the largest-remainder method, so that the parts
 * always add up exactly to the total.
 * @example allocate(Dec.parse("100"), [Dec.ONE, Dec.ONE, Dec.ONE]).map(String) // ["33.34","33.33","33.33"]
 */
import { Dec } from "./decimal.js";

/**
 * Allocates `total` (with at most `places` decimals) over non-negative `weights` with a positive sum.
 * Each part is a multiple of 10^-places; leftover units go to the largest remainders, ties to the earlier index.
 * @example allocate(Dec.parse("0.05"), [Dec.ONE, Dec.ONE]).map(String) // ["0.03","0.02"]
 */
export function allocate(total: Dec, weights: readonly Dec[], places = 2): Dec[] {
  if (weights.length === 0) throw new RangeError("allocate: no weights");
  if (!total.round(places, "down").eq(total)) {
    throw new RangeError(`allocate: total ${total.toString()} has more than ${places} decimal places`);
  }
  let scale = 0;
  for (const w of weights) {
    if (w.sign() < 0) throw new RangeError(`allocate: negative weight ${w.toString()}`);
    if (w.s > scale) scale = w.s;
  }
  const ws = weights.map((w) => w.coefficient() * 10n ** BigInt(scale - w.s));
  const sum = ws.reduce((a, b) => a + b, 0n);
  if (sum === 0n) throw new RangeError("allocate: weights sum to zero");
  const t = total.coefficient() * 10n ** BigInt(places - Math.min(places, total.s));
  const neg = t < 0n;
  const units = neg ? -t : t;
  const parts: bigint[] = new Array(ws.length);
  const rems: bigint[] = new Array(ws.length);
  let given = 0n;
  for (let i = 0; i < ws.length; i++) {
    const num = units * ws[i]!;
    parts[i] = num / sum;
    rems[i] = num % sum;
    given += parts[i]!;
  }
  let left = Number(units - given);
  if (left > 0) {
    const order = ws.map((_, i) => i);
    order.sort((a, b) => (rems[b]! > rems[a]! ? 1 : rems[b]! < rems[a]! ? -1 : a - b));
    for (let k = 0; left > 0; k++, left--) {
      const i = order[k]!;
      parts[i] = parts[i]! + 1n;
    }
  }
  return parts.map((p) => Dec.fromCoefficient(neg ? -p : p, places));
}
