import { describe, expect, it } from "vitest";
import { AppError } from "../app-error.js";
import { runSi, type SiOptions } from "./si-cmd.js";

function run(o: SiOptions): string {
  const out: string[] = [];
  runSi(o, (s) => out.push(s));
  return out.join("\n");
}

function error(o: SiOptions): AppError {
  try {
    run(o);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
}

describe("xinsuan si", () => {
  it("prints JSON", () => {
    // Shanghai 2025-07, 7777 inside 7460–37302: 7777×8% = 622.16, ×2% = 155.54, ×0.5% = 38.885 → 38.89;
    // employer ×16% = 1244.32, ×9% = 699.93, ×0.5% = 38.89, ×0.2% = 15.554 → 15.55; HF 7777×7% = 544.39 → 544.
    const j = JSON.parse(
      run({ city: "shanghai", period: "2025-07", base: "7777", hfRate: "7%", json: true }),
    );
    expect(j.employee).toEqual({
      pension: "622.16",
      medical: "155.54",
      unemployment: "38.89",
      housingFund: "544.00",
    });
    expect(j.employer).toEqual({
      pension: "1244.32",
      medical: "699.93",
      unemployment: "38.89",
      injury: "15.55",
      housingFund: "544.00",
    });
    expect(j.bases).toEqual({ socialInsurance: "7777.00", housingFund: "7777.00" });
    expect(j.sources).toContainEqual({
      item: "hfBase.cap",
      source: "沪公积金管委会〔2025〕8号",
      confidence: "B",
    });
  });

  it("prints JSON with the clamp and Beijing's +3", () => {
    // Beijing 2025-10: 5000 < 7162 → 7162; medical 7162×2% = 143.24 + 3 = 146.24. HF 5000×5% (minimum) = 250.
    const j = JSON.parse(run({ city: "北京", period: "2025-10", base: "5000", json: true }));
    expect(j.bases).toEqual({ socialInsurance: "7162.00", housingFund: "5000.00", clampedFrom: "5000.00" });
    expect(j.employee.medical).toBe("146.24");
    expect(j.employee.housingFund).toBe("250.00");
  });

  it("prints a Chinese table with totals, explanation and sources", () => {
    // Totals: employee 622.16 + 155.54 + 38.89 + 544.00 = 1360.59;
    // employer 1244.32 + 699.93 + 38.89 + 15.55 + 544.00 = 2542.69.
    const text = run({ city: "上海", period: "2025-07", base: "7777", hfRate: "7%", json: false });
    const lines = text.split("\n");
    expect(lines[0]).toBe("上海 2025-07 社保与住房公积金（数据版本 2026-11）");
    expect(lines.find((l) => l.startsWith("养老保险"))?.split(/\s+/)).toEqual([
      "养老保险",
      "8%",
      "622.16",
      "16%",
      "1244.32",
    ]);
    expect(lines.find((l) => l.startsWith("合计"))?.split(/\s+/)).toEqual(["合计", "1360.59", "2542.69"]);
    expect(text).toContain(
      "住房公积金：7777.00 × 7% = 544.39，单位、个人各自按元四舍五入 → 个人 544.00，单位 544.00",
    );
    expect(text).toContain("社保缴费基数下限 7460 [B]");
  });

  it("marks employer items the data lacks", () => {
    // Hangzhou 2025-10, 5000 inside 4986–25299: employer only injury 5000×0.2% = 10.00 and HF 5000×5% = 250.
    const text = run({ city: "杭州", period: "2025-10", base: "5000", json: false });
    expect(
      text
        .split("\n")
        .find((l) => l.startsWith("养老保险"))
        ?.split(/\s+/),
    ).toEqual(["养老保险", "8%", "400.00", "未配置", "未配置"]);
    expect(text).toContain("单位合计不含未配置的项目");
  });

  it.each([
    { o: { city: "东京", period: "2025-07", base: "7777" }, code: "INPUT_INVALID", flag: "--city" },
    { o: { city: "上海", period: "2023-05", base: "7777" }, code: "INPUT_INVALID", flag: "--period" },
    { o: { city: "上海", period: "2025/07", base: "7777" }, code: "INPUT_INVALID", flag: "--period" },
    { o: { city: "上海", period: "2025-07", base: "-1" }, code: "INPUT_INVALID", flag: "--base" },
    {
      o: { city: "上海", period: "2025-07", base: "7777", hfRate: "15%" },
      code: "INPUT_INVALID",
      flag: "--hf-rate",
    },
    {
      o: { city: "上海", period: "2025-07", base: "7777", hfRate: "abc" },
      code: "INPUT_INVALID",
      flag: "--hf-rate",
    },
    { o: { city: "深圳", period: "2025-10", base: "7777" }, code: "CALC_FAILED", flag: "--city" },
  ])("$flag $o.city $o.period $o.base → $code", ({ o, code, flag }) => {
    const e = error({ ...o, json: true });
    expect(e.code).toBe(code);
    expect(e.zh.startsWith(`${flag}：`)).toBe(true);
    expect(e.en.startsWith(`${flag}: `)).toBe(true);
  });
});
