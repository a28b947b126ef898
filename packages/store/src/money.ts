/**
 * Money crossing into the store: decimal text exact to the 分, checked with core's Dec (never a float).
 * @example exactAmount("0.1") === "0.10"
 */

import { Dec } from "@xinsuan/core";
import { StoreError } from "./errors.js";

/**
 * Decimal text with exactly 2 places; refuses text that is not a plain decimal exact to the 分.
 * @example exactAmount("3000") === "3000.00"
 */
export function exactAmount(text: string): string {
  const d = Dec.tryParse(text);
  if (d === null || !d.round(2).eq(d)) {
    throw new StoreError(
      "INVALID",
      `金额“${text}”不是精确到分的数`,
      `amount "${text}" is not exact to the fen`,
    );
  }
  return d.toFixed(2);
}
