/**
 * `xinsuan si`: one month's social-insurance and housing-fund contributions for a city and base, as a Chinese
 * table with the explanation and sources, or as JSON with `--json`.
 * @example xinsuan si --city 上海 --period 2025-07 --base 7777 --hf-rate 7% --json
 */
import { type Contributions, computeContributions, Dec } from "@xinsuan/core";
import { formatTerminalTable } from "@xinsuan/server/io";
import { AppError, type AppErrorCode } from "../app-error.js";

/** Options of `xinsuan si`. @example const o: SiOptions = { city: "上海", period: "2025-07", base: "7777", json: true } */
export type SiOptions = { city: string; period: string; base: string; hfRate?: string; json: boolean };

const FLAG: Record<string, string> = {
  city: "--city",
  period: "--period",
  base: "--base",
  hfBase: "--base",
  hfRate: "--hf-rate",
};

/**
 * Runs the si command and prints the result; throws AppError naming the bad option (INPUT_INVALID), or
 * CALC_FAILED when the city data lacks a figure for that period.
 * @example runSi({ city: "shanghai", period: "2025-07", base: "7777", hfRate: "7%", json: true }, console.log)
 */
export function runSi(o: SiOptions, print: (s: string) => void): void {
  const r = computeContributions({
    city: o.city,
    period: o.period,
    base: o.base,
    ...(o.hfRate !== undefined ? { hfRate: o.hfRate } : {}),
  });
  if (!r.ok) {
    const flag = r.option ? FLAG[r.option] : undefined;
    const code: AppErrorCode =
      r.code === "NOT_CONFIGURED" || r.code === "DATA_INVALID" ? "CALC_FAILED" : "INPUT_INVALID";
    throw new AppError(code, flag ? `${flag}：${r.zh}` : r.zh, flag ? `${flag}: ${r.en}` : r.en);
  }
  if (o.json) print(JSON.stringify(jsonView(r), null, 2));
  else print(textView(r));
}

/** The JSON shape printed with --json. */
function jsonView(r: Contributions): object {
  const bases: Record<string, string> = {
    socialInsurance: r.bases.socialInsurance,
    housingFund: r.bases.housingFund,
  };
  if (r.bases.clampedFrom) bases.clampedFrom = r.bases.clampedFrom;
  if (r.bases.hfClampedFrom) bases.hfClampedFrom = r.bases.hfClampedFrom;
  return {
    city: r.city.name,
    period: r.period,
    dataVersion: r.dataVersion,
    employee: r.employee,
    employer: r.employer,
    bases,
    hfRate: r.rates.housingFund,
    sources: r.sources.map((s) => ({ item: s.item, source: s.source, confidence: s.confidence })),
    notConfigured: r.notConfigured.map((m) => m.item),
  };
}

const pct = (rate: string | null): string => (rate === null ? "未配置" : Dec.parse(rate).toPercent());
const cell = (amount: string | null): string => amount ?? "未配置";

function sum(values: (string | null)[]): string {
  return values
    .filter((v): v is string => v !== null)
    .reduce((a, v) => a.add(Dec.parse(v)), Dec.ZERO)
    .toFixed(2);
}

const RATE_ITEM = /^(employee|employer|hfRate)\.(?!medicalFixed)/;

/** The readable Chinese view: table, explanation, sources. */
function textView(r: Contributions): string {
  const e = r.employee;
  const er = r.employer;
  const ee = r.rates.employee;
  const err = r.rates.employer;
  const hf = pct(r.rates.housingFund);
  const medRate = ee.medicalFixed ? `${pct(ee.medical)} + ${ee.medicalFixed}` : pct(ee.medical);
  const rows = [
    ["养老保险", pct(ee.pension), e.pension, pct(err.pension), cell(er.pension)],
    ["医疗保险", medRate, e.medical, pct(err.medical), cell(er.medical)],
    ["失业保险", pct(ee.unemployment), e.unemployment, pct(err.unemployment), cell(er.unemployment)],
    ["工伤保险", "—", "—", pct(err.injury), cell(er.injury)],
    ["住房公积金", hf, e.housingFund, hf, er.housingFund],
    [
      "合计",
      "",
      sum([e.pension, e.medical, e.unemployment, e.housingFund]),
      "",
      sum([er.pension, er.medical, er.unemployment, er.injury, er.housingFund]),
    ],
  ];
  const table = formatTerminalTable(["项目", "个人比例", "个人（元）", "单位比例", "单位（元）"], rows, {
    alignRight: new Set([1, 2, 3, 4]),
  });
  const [title, ...explain] = r.zh;
  const lines = [
    title ?? "",
    `缴费基数：社保 ${r.bases.socialInsurance}，公积金 ${r.bases.housingFund}`,
    "",
    table,
  ];
  if (r.notConfigured.length > 0) lines.push("", "单位合计不含未配置的项目。");
  lines.push(
    "",
    "计算说明：",
    ...explain.map((l) => `  ${l}`),
    "",
    "数据来源（可信度 A 法规 / B 官方通知 / C 待核实）：",
  );
  for (const s of r.sources) {
    const value = RATE_ITEM.test(s.item) ? Dec.parse(s.value).toPercent() : s.value;
    lines.push(`  ${s.label} ${value} [${s.confidence}] ${s.source}${s.note ? `（${s.note}）` : ""}`);
  }
  return lines.join("\n");
}
