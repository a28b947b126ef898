/**
 * Effective-date helpers for versioned statutory data: pick the entry in force on a day, describe what a list
 * covers. Dates are ISO `YYYY-MM-DD` text, compared as text.
 * @example findEffective([{ effectiveFrom: "2025-07-01" }], "2025-08-01")?.effectiveFrom === "2025-07-01"
 */

/** Anything with an effective period; a missing start or end is open. @example const d: Dated = { effectiveFrom: "2025-07-01", effectiveTo: "2026-06-30" } */
export type Dated = { effectiveFrom?: string | undefined; effectiveTo?: string | undefined };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether text is a real calendar date `YYYY-MM-DD`. @example isIsoDate("2025-02-29") === false */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** The day after an ISO date. @example nextDay("2025-06-30") === "2025-07-01" */
export function nextDay(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + 1)).toISOString().slice(0, 10);
}

/** Whether an entry is in force on a day. @example covers({ effectiveFrom: "2025-07-01" }, "2025-06-30") === false */
export function covers(e: Dated, day: string): boolean {
  return (
    (e.effectiveFrom === undefined || e.effectiveFrom <= day) &&
    (e.effectiveTo === undefined || day <= e.effectiveTo)
  );
}

/**
 * The entry in force on a day; when several are (a tenant entry inside a built-in one), the latest start wins.
 * @example findEffective([{ effectiveFrom: "2024-07-01", effectiveTo: "2025-06-30" }], "2025-07-01") === undefined
 */
export function findEffective<T extends Dated>(entries: readonly T[], day: string): T | undefined {
  let best: T | undefined;
  for (const e of entries) {
    if (!covers(e, day)) continue;
    if (!best || (e.effectiveFrom ?? "") >= (best.effectiveFrom ?? "")) best = e;
  }
  return best;
}

/** Index pairs of entries whose periods overlap. @example overlaps([{ effectiveFrom: "2025-01-01" }, { effectiveFrom: "2025-06-01" }]).length === 1 */
export function overlaps(entries: readonly Dated[]): [number, number][] {
  const found: [number, number][] = [];
  entries.forEach((a, i) => {
    entries.forEach((b, j) => {
      if (j <= i) return;
      const aStartsBeforeBEnds = b.effectiveTo === undefined || (a.effectiveFrom ?? "") <= b.effectiveTo;
      const bStartsBeforeAEnds = a.effectiveTo === undefined || (b.effectiveFrom ?? "") <= a.effectiveTo;
      if (aStartsBeforeBEnds && bStartsBeforeAEnds) found.push([i, j]);
    });
  });
  return found;
}

/**
 * What a list covers, as contiguous ranges of `unit` precision ("month" → 2024-07): `2024-07 至 2027-06`,
 * `2024-07 起` (English: `2024-07 to 2027-06`, `from 2024-07`); empty text when the list is empty.
 * @example coverageText([{ effectiveFrom: "2024-07-01" }], "month") === "2024-07 起"
 */
export function coverageText(
  entries: readonly Dated[],
  unit: "month" | "day" = "month",
  lang: "zh" | "en" = "zh",
): string {
  const cut = (d: string): string => (unit === "month" ? d.slice(0, 7) : d);
  const sorted = [...entries].sort((a, b) => (a.effectiveFrom ?? "").localeCompare(b.effectiveFrom ?? ""));
  const ranges: { from: string | undefined; to: string | undefined }[] = [];
  for (const e of sorted) {
    const last = ranges[ranges.length - 1];
    const joins =
      last !== undefined &&
      (last.to === undefined || e.effectiveFrom === undefined || nextDay(last.to) >= e.effectiveFrom);
    if (last && joins) {
      if (last.to !== undefined && (e.effectiveTo === undefined || e.effectiveTo > last.to))
        last.to = e.effectiveTo;
    } else ranges.push({ from: e.effectiveFrom, to: e.effectiveTo });
  }
  const zh = lang === "zh";
  return ranges
    .map((r) => {
      if (r.from === undefined && r.to === undefined) return zh ? "全部日期" : "all dates";
      if (r.from === undefined) return zh ? `${cut(r.to ?? "")} 及以前` : `until ${cut(r.to ?? "")}`;
      if (r.to === undefined) return zh ? `${cut(r.from)} 起` : `from ${cut(r.from)}`;
      return zh ? `${cut(r.from)} 至 ${cut(r.to)}` : `${cut(r.from)} to ${cut(r.to)}`;
    })
    .join(zh ? "、" : ", ");
}
