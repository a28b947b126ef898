/**
 * Bookkeeping for a contribution calculation: reads figures from the data while recording their sources, notes
 * missing ones with the data's reason, parses user amounts and rates, and clamps bases with an explanation.
 * @example const t = new FigureTracker(data, city); const r = t.use("employee.pension", "个人养老保险费率", fig)
 */
import { Dec } from "../../money/decimal.js";
import type { Confidence, Figure, SiHfCity, SiHfData } from "./schema.js";

/** Where a figure used in a calculation comes from. @example r.sources[0]?.confidence === "B" */
export type SourceRef = {
  item: string;
  label: string;
  value: string;
  source: string;
  confidence: Confidence;
  note?: string;
};

/** A figure the data lacks, with the reason recorded in the data when there is one. @example r.notConfigured.map((m) => m.item) */
export type Missing = { item: string; zh: string; en: string };

/** Records the figures a calculation uses and the ones it misses. @example new FigureTracker(data, city).use("employee.pension", "个人养老保险费率", fig) */
export class FigureTracker {
  readonly sources: SourceRef[] = [];
  readonly missing: Missing[] = [];

  constructor(
    private readonly data: SiHfData,
    private readonly city: SiHfCity,
  ) {}

  /** Source text for an id: document, URL. @example t.sourceText("bj-si-2026") */
  sourceText(id: string): string {
    const s = this.data.sources[id];
    if (!s) return id;
    return s.url ? `${s.doc} ${s.url}` : s.doc;
  }

  /** Records a source line for something that is not a figure (rounding rule, effective dates). */
  record(
    item: string,
    label: string,
    value: string,
    source: string,
    confidence: Confidence,
    note?: string,
  ): void {
    if (this.sources.some((s) => s.item === item)) return;
    const ref: SourceRef = { item, label, value, source: this.sourceText(source), confidence };
    if (note) ref.note = note;
    this.sources.push(ref);
  }

  /** The figure's value, recording its source; undefined (recorded as missing) when absent. */
  use(item: string, label: string, f: Figure | undefined): Dec | undefined {
    if (!f) {
      this.miss(item, label);
      return undefined;
    }
    if (!this.sources.some((s) => s.item === item)) {
      const ref: SourceRef = {
        item,
        label,
        value: f.value,
        source: this.sourceText(f.source),
        confidence: f.confidence,
      };
      if (f.note) ref.note = f.note;
      this.sources.push(ref);
    }
    return Dec.parse(f.value);
  }

  /** Notes a missing figure, with the data's reason for `reasonKey` (or a parent key such as `housingFund`). */
  miss(item: string, label: string, reasonKey: string = item): void {
    if (this.missing.some((m) => m.item === item)) return;
    const nc = this.city.notConfigured ?? {};
    const parts = reasonKey.split(".");
    const reason = nc[reasonKey] ?? nc[parts.slice(0, 2).join(".")] ?? nc[parts[0] ?? ""];
    this.missing.push({
      item,
      zh: reason ? `${label}（${reason}）` : label,
      en: reason ? `${item} (${reason})` : item,
    });
  }

  /** Labels of the used figures with confidence C, for a warning line. */
  lowConfidence(): string[] {
    return this.sources.filter((s) => s.confidence === "C").map((s) => s.label);
  }
}

/** An amount the user typed: decimal text, not negative. @example parseAmount(" 7777 ") */
export function parseAmount(text: string): { ok: true; value: Dec } | { ok: false; negative: boolean } {
  const d = Dec.tryParse(text.trim());
  if (!d) return { ok: false, negative: false };
  if (d.sign() < 0) return { ok: false, negative: true };
  return { ok: true, value: d };
}

/** A rate written `7%` or `0.07` (a bare number above 1 is refused as ambiguous). @example parseRate("7%")?.toString() === "0.07" */
export function parseRate(text: string): Dec | undefined {
  const t = text.trim().replace(/％$/, "%");
  if (t.endsWith("%")) {
    const d = Dec.tryParse(t.slice(0, -1).trim());
    return d && d.sign() >= 0 && d.lte(Dec.HUNDRED) ? d.div(Dec.HUNDRED) : undefined;
  }
  const d = Dec.tryParse(t);
  return d && d.sign() >= 0 && d.lte(Dec.ONE) ? d : undefined;
}

/** A base clamped to [floor, cap], with the reason in Chinese. @example clampBase("缴费基数", base, floor, cap).clampedFrom */
export type Clamped = { value: Dec; clampedFrom?: Dec; why: string };

/**
 * Clamps a contribution base to the city's floor and cap.
 * @example clampBase("缴费基数", Dec.fromInt(5000), Dec.fromInt(7460), Dec.fromInt(37302)).why === "缴费基数 5000.00 低于下限 7460.00，按下限计算"
 */
export function clampBase(label: string, base: Dec, floor: Dec, cap: Dec): Clamped {
  const b = base.toFixed(2);
  if (base.lt(floor))
    return { value: floor, clampedFrom: base, why: `${label} ${b} 低于下限 ${floor.toFixed(2)}，按下限计算` };
  if (base.gt(cap))
    return { value: cap, clampedFrom: base, why: `${label} ${b} 高于上限 ${cap.toFixed(2)}，按上限计算` };
  return {
    value: base,
    why: `${label} ${b} 在下限 ${floor.toFixed(2)} 与上限 ${cap.toFixed(2)} 之间，按实际计算`,
  };
}
