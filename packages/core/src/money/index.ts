export { allocate } from "./allocate.js";
export { Dec, formatUnits, MAX_SCALE, type RoundingMode, SETTLE_SCALE } from "./decimal.js";
export {
  formatAmount,
  type MoneyUnit,
  ROUNDING_MODE_ZH,
  ROUNDING_MODES,
  roundToUnit,
  UNIT_PLACES,
} from "./rounding.js";
