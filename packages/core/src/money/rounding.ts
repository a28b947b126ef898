/**
 * Rounding to money units (分/角/元) with the modes HR policies use.
 * @example roundToUnit(Dec.parse("2.345"), "分").toString() === "2.35"
 */
import type { Dec, RoundingMode } from "./decimal.js";

export type MoneyUnit = "分" | "角" | "元";

export const UNIT_PLACES: Record<MoneyUnit, number> = { 分: 2, 角: 1, 元: 0 };

export const ROUNDING_MODES: readonly RoundingMode[] = [
  "half-up",
  "half-even",
  "down",
  "up",
  "floor",
  "ceiling",
];

/** Chinese names of the rounding modes, for explanations. @example ROUNDING_MODE_ZH["half-up"] === "四舍五入" */
export const ROUNDING_MODE_ZH: Record<RoundingMode, string> = {
  "half-up": "四舍五入",
  "half-even": "四舍六入五成双",
  down: "舍去",
  up: "进一",
  floor: "向下取整",
  ceiling: "向上取整",
};

/** Rounds to 分, 角 or 元 (default half-up). @example roundToUnit(Dec.parse("1.005"), "分").toString() === "1.01" */
export function roundToUnit(value: Dec, unit: MoneyUnit = "分", mode: RoundingMode = "half-up"): Dec {
  return value.round(UNIT_PLACES[unit], mode);
}

/** Formats an amount with two decimals, the way every amount crosses an I/O boundary. @example formatAmount(Dec.fromInt(2030)) === "2030.00" */
export function formatAmount(value: Dec): string {
  return value.toFixed(2);
}
