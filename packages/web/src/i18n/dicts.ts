/**
 * All UI dictionaries merged. To add texts for a new area, create `dict-<area>.ts` exporting a DictPair and add it
 * to DICTS below (keys should start with the area, e.g. "employees.title").
 * @example mergeDicts()["zh-CN"]["nav.home"] === "工作台"
 */
import { dictAuth } from "./dict-auth";
import { dictCommon } from "./dict-common";
import { dictDashboard } from "./dict-dashboard";
import { dictEmployees } from "./dict-employees";
import { dictHr } from "./dict-hr";
import { dictMy } from "./dict-my";
import { dictPayroll } from "./dict-payroll";
import { dictPolicies } from "./dict-policies";
import { dictTax } from "./dict-tax";
import { dictTeam } from "./dict-team";
import type { DictPair } from "./types";

const DICTS: DictPair[] = [
  dictCommon,
  dictAuth,
  dictMy,
  dictTax,
  dictDashboard,
  dictEmployees,
  dictPayroll,
  dictHr,
  dictPolicies,
  dictTeam,
];

/** Merges every area dictionary into one per language. @example mergeDicts()["en-US"]["nav.home"] === "Home" */
export function mergeDicts(): DictPair {
  const out: DictPair = { "zh-CN": {}, "en-US": {} };
  for (const d of DICTS) {
    Object.assign(out["zh-CN"], d["zh-CN"]);
    Object.assign(out["en-US"], d["en-US"]);
  }
  return out;
}
