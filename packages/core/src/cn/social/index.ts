/**
 * China social insurance, housing fund and minimum wage from versioned city data (北京、上海、深圳、广州、杭州).
 * @example import { computeContributions, minimumWage } from "./cn/social/index.js";
 */
export { cityLabel, knownCities, normalizeCity, resolveCity } from "./city.js";
export type {
  Contributions,
  ContributionsInput,
  ContributionsProblem,
  ContributionsProblemCode,
  SiItem,
} from "./contribution-types.js";
export { computeContributions } from "./contributions.js";
export { coverageText, findEffective } from "./dates.js";
export type { Missing, SourceRef } from "./figures.js";
export {
  builtinMinWage,
  builtinSiHf,
  checkSourceRefs,
  type DataProblem,
  type ParseResult,
  parseMinWageData,
  parseSiHfData,
} from "./load-data.js";
export { mergeSiHfData } from "./merge.js";
export { type MinimumWage, type MinimumWageProblem, minimumWage } from "./min-wage.js";
export {
  type Confidence,
  type Figure,
  type MinWageData,
  MinWageDataSchema,
  type SiHfCity,
  type SiHfData,
  SiHfDataSchema,
} from "./schema.js";
