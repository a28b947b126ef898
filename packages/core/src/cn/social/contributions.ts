/**
 * Monthly social-insurance and housing-fund contributions for one employee from the versioned city data: bases
 * clamped to the entry in force on the period's first day, each SI item rounded per the city's rule (分,
 * half-up), housing fund rounded on each side separately (元), every figure reported with its source.
 * @example computeContributions({ city: "上海", period: "2025-07", base: "7777", hfRate: "7%" })
 */
import type { Dec } from "../../money/decimal.js";
import { ROUNDING_MODE_ZH, roundToUnit } from "../../money/rounding.js";
import { cityLabel, knownCities, resolveCity } from "./city.js";
import {
  badAmount,
  bounds,
  clampItems,
  fail,
  fullText,
  isFail,
  lookupEntry,
  product,
} from "./contribution-steps.js";
import {
  type Contributions,
  type ContributionsInput,
  type ContributionsProblem,
  EMPLOYEE_ITEMS,
  EMPLOYER_ITEMS,
  ITEM_ZH,
  type SiItem,
} from "./contribution-types.js";
import { type Clamped, clampBase, FigureTracker, parseAmount, parseRate } from "./figures.js";
import { builtinSiHf } from "./load-data.js";
import { mergedData } from "./merge.js";

const PERIOD_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Computes one month's contributions, or says exactly which input or figure is wrong or missing.
 * @example computeContributions({ city: "shanghai", period: "2025-07", base: "5000", hfRate: "5%" }).ok === true
 */
export function computeContributions(input: ContributionsInput): Contributions | ContributionsProblem {
  const data = input.overrides ? mergedData(builtinSiHf(), input.overrides) : builtinSiHf();
  const period = input.period.trim();
  if (!PERIOD_RE.test(period))
    return fail(
      "PERIOD_INVALID",
      "period",
      `期间“${input.period}”格式不对，应为 YYYY-MM，如 2025-07`,
      `period "${input.period}" must be YYYY-MM`,
    );
  const city = resolveCity(data.cities, input.city);
  if (!city) {
    const ids = data.cities.map((c) => c.id).join(", ");
    return fail(
      "CITY_UNKNOWN",
      "city",
      `未知城市“${input.city}”；已收录：${knownCities(data.cities)}`,
      `unknown city "${input.city}"; known: ${ids}`,
    );
  }
  const base = parseAmount(input.base);
  if (!base.ok) return badAmount("base", "缴费基数", input.base, base.negative);
  const hfIn = input.hfBase === undefined ? base : parseAmount(input.hfBase);
  if (!hfIn.ok) return badAmount("hfBase", "公积金缴存基数", input.hfBase ?? "", hfIn.negative);

  const name = cityLabel(city);
  const where = { name, id: city.id, period };
  const day = `${period}-01`;
  const basesE = lookupEntry(
    city.siBases,
    day,
    where,
    { zh: "社保基数", en: "social-insurance base", key: "siBase" },
    city,
  );
  if (isFail(basesE)) return basesE;
  const ratesE = lookupEntry(
    city.siRates,
    day,
    where,
    { zh: "社保费率", en: "social-insurance rate", key: "siRate" },
    city,
  );
  if (isFail(ratesE)) return ratesE;
  const hfE = lookupEntry(
    city.housingFund,
    day,
    where,
    { zh: "公积金", en: "housing-fund", key: "housingFund" },
    city,
  );
  if (isFail(hfE)) return hfE;

  const t = new FigureTracker(data, city);
  const siRule = city.rounding?.socialInsurance;
  const hfRule = city.rounding?.housingFund;
  if (siRule)
    t.record(
      "rounding.socialInsurance",
      "社保舍入规则",
      `${siRule.unit} ${siRule.mode}`,
      siRule.source,
      siRule.confidence,
    );
  else t.miss("rounding.socialInsurance", "社保舍入规则");
  if (hfRule)
    t.record(
      "rounding.housingFund",
      "公积金舍入规则",
      `${hfRule.unit} ${hfRule.mode}`,
      hfRule.source,
      hfRule.confidence,
    );
  else t.miss("rounding.housingFund", "公积金舍入规则");

  let itemBases: Partial<Record<SiItem, Clamped>> = {};
  let perItem = false;
  if (basesE) {
    const r = clampItems(t, basesE, base.value, where);
    if (isFail(r)) return r;
    itemBases = r.items;
    perItem = r.perItem;
    if (basesE.datesConfidence) {
      const src = (basesE.all ?? basesE.pension)?.floor?.source ?? "";
      const dates = `${basesE.effectiveFrom} – ${basesE.effectiveTo ?? ""}`;
      t.record(
        "siBase.dates",
        "社保基数生效期间",
        dates,
        src,
        basesE.datesConfidence,
        "生效日期为推定，见该条 notes",
      );
    }
  } else t.miss("siBase", "社保缴费基数");
  if (!ratesE) t.miss("siRate", "社保费率");
  const emp = ratesE?.employee ?? {};
  const empRate: Partial<Record<SiItem, Dec>> = {};
  for (const item of EMPLOYEE_ITEMS) {
    const r = ratesE ? t.use(`employee.${item}`, `个人${ITEM_ZH[item]}费率`, emp[item]) : undefined;
    if (r) empRate[item] = r;
  }
  const fixed = emp.medicalFixed
    ? t.use("employee.medicalFixed", "个人医疗保险每月固定金额", emp.medicalFixed)
    : undefined;
  if (!hfE) t.miss("housingFund", "住房公积金基数与比例");
  const hfB = hfE ? bounds(t, "hfBase", "公积金缴存基数", hfE.base) : undefined;
  const rmin = hfE ? t.use("hfRate.min", "公积金缴存比例下限", hfE.rate?.min) : undefined;
  const rmax = hfE ? t.use("hfRate.max", "公积金缴存比例上限", hfE.rate?.max) : undefined;

  const blocking = t.missing.filter((m) => !m.item.startsWith("employer."));
  if (blocking.length > 0 || !siRule || !hfRule || !hfB || !rmin || !rmax || !basesE || !ratesE || !hfE)
    return fail(
      "NOT_CONFIGURED",
      "city",
      `${name} ${period} 缺少以下数据，无法计算：${blocking.map((m) => m.zh).join("；")}。可在租户覆盖数据中按官方通知配置`,
      `${city.id} ${period}: missing data: ${blocking.map((m) => m.en).join("; ")}`,
    );
  const hfRateDefaulted = input.hfRate === undefined;
  const hfRate = hfRateDefaulted ? rmin : parseRate(input.hfRate ?? "");
  if (!hfRate)
    return fail(
      "HF_RATE_INVALID",
      "hfRate",
      `公积金缴存比例“${input.hfRate}”写法不对，应写成 7% 或 0.07`,
      `housing-fund rate "${input.hfRate}" must look like 7% or 0.07`,
    );
  if (hfRate.lt(rmin) || hfRate.gt(rmax))
    return fail(
      "HF_RATE_OUT_OF_RANGE",
      "hfRate",
      `公积金缴存比例 ${hfRate.toPercent()} 超出${name} ${period} 允许范围 ${rmin.toPercent()}–${rmax.toPercent()}`,
      `housing-fund rate ${hfRate.toPercent()} is outside ${city.id}'s range ${rmin.toPercent()}–${rmax.toPercent()} for ${period}`,
    );

  // Every required figure is present from here on.
  const zh: string[] = [`${name} ${period} 社保与住房公积金（数据版本 ${data.version}）`];
  const si = (b: Dec, r: Dec): Dec => roundToUnit(b.mul(r), siRule.unit, siRule.mode);
  const main = (itemBases.pension ?? itemBases.medical) as Clamped;
  zh.push(`社保${main.why}（${basesE.effectiveFrom} 起的上下限）`);
  if (perItem)
    for (const item of EMPLOYER_ITEMS)
      zh.push(`${ITEM_ZH[item]}：${itemBases[item]?.why ?? "缴费基数未配置"}`);
  const employee = { pension: "", medical: "", unemployment: "", housingFund: "" };
  for (const item of EMPLOYEE_ITEMS) {
    const b = (itemBases[item] as Clamped).value;
    const r = empRate[item] as Dec;
    let amount = si(b, r);
    let line = product(`个人${ITEM_ZH[item]}`, b, r, amount);
    if (item === "medical" && fixed) {
      amount = amount.add(fixed);
      line += `，另加每月固定 ${fixed.toFixed(2)} → ${amount.toFixed(2)}`;
    }
    employee[item] = amount.toFixed(2);
    zh.push(line);
  }
  const er = ratesE.employer ?? {};
  const employer: Contributions["employer"] = {
    pension: null,
    medical: null,
    unemployment: null,
    injury: null,
    housingFund: "",
  };
  const erRates: Record<SiItem, string | null> = {
    pension: null,
    medical: null,
    unemployment: null,
    injury: null,
  };
  for (const item of EMPLOYER_ITEMS) {
    const r = t.use(`employer.${item}`, `单位${ITEM_ZH[item]}费率`, er[item]);
    const b = itemBases[item]?.value;
    if (!r || !b) {
      zh.push(`单位${ITEM_ZH[item]}：未配置`);
      continue;
    }
    const amount = si(b, r);
    employer[item] = amount.toFixed(2);
    erRates[item] = r.toString();
    const note = er[item]?.configurable
      ? `（${er[item]?.note ?? "费率按单位核定，可在租户覆盖数据中配置"}）`
      : "";
    zh.push(product(`单位${ITEM_ZH[item]}`, b, r, amount) + note);
  }
  zh.push(`社保每项按${siRule.unit}${ROUNDING_MODE_ZH[siRule.mode]}`);

  const hfBase = clampBase("公积金缴存基数", hfIn.value, hfB[0], hfB[1]);
  if (hfRateDefaulted) zh.push(`未指定公积金缴存比例，按本市最低比例 ${rmin.toPercent()} 计算`);
  zh.push(`${hfBase.why}（${hfE.effectiveFrom} 起的公积金年度）`);
  const hfRaw = hfBase.value.mul(hfRate);
  const hfEmployee = roundToUnit(hfRaw, hfRule.unit, hfRule.mode);
  const hfEmployer = roundToUnit(hfRaw, hfRule.unit, hfRule.mode);
  employee.housingFund = hfEmployee.toFixed(2);
  employer.housingFund = hfEmployer.toFixed(2);
  const how = `单位、个人各自按${hfRule.unit}${ROUNDING_MODE_ZH[hfRule.mode]}`;
  zh.push(
    `住房公积金：${hfBase.value.toFixed(2)} × ${hfRate.toPercent()} = ${fullText(hfRaw)}，${how} → 个人 ${hfEmployee.toFixed(2)}，单位 ${hfEmployer.toFixed(2)}`,
  );
  for (const n of [
    ...(city.notes ?? []),
    ...(basesE.notes ?? []),
    ...(ratesE.notes ?? []),
    ...(hfE.notes ?? []),
  ])
    zh.push(`注意：${n}`);
  const low = t.lowConfidence();
  if (low.length > 0)
    zh.push(`注意：以下数据可信度为 C（单一二手来源或未核实），使用前请对照官方通知：${low.join("、")}`);

  const bases: Contributions["bases"] = {
    socialInsurance: main.value.toFixed(2),
    housingFund: hfBase.value.toFixed(2),
    why: main.why,
    hfWhy: hfBase.why,
  };
  if (main.clampedFrom) bases.clampedFrom = main.clampedFrom.toFixed(2);
  if (hfBase.clampedFrom) bases.hfClampedFrom = hfBase.clampedFrom.toFixed(2);
  if (perItem) {
    const by = (i: SiItem): string | null => itemBases[i]?.value.toFixed(2) ?? null;
    bases.byItem = {
      pension: by("pension"),
      medical: by("medical"),
      unemployment: by("unemployment"),
      injury: by("injury"),
    };
  }
  const rate = (i: (typeof EMPLOYEE_ITEMS)[number]): string => (empRate[i] as Dec).toString();
  return {
    ok: true,
    city: { id: city.id, name },
    period,
    dataVersion: data.version,
    bases,
    employee,
    employer,
    rates: {
      employee: {
        pension: rate("pension"),
        medical: rate("medical"),
        medicalFixed: fixed ? fixed.toFixed(2) : null,
        unemployment: rate("unemployment"),
      },
      employer: erRates,
      housingFund: hfRate.toString(),
      hfRateDefaulted,
    },
    sources: t.sources,
    notConfigured: t.missing,
    zh,
  };
}
