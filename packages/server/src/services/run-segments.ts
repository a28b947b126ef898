/**
 * A policy change that takes effect inside a month splits the month into segments. Every version in force during
 * the month computes the whole month's payslips from the same inputs; each of the policy's own lines is then paid
 * by segment, in proportion to the calendar days the employee was employed in each segment (a line whose amount
 * does not change between versions stays exactly as it is). The month is finally computed once with the last
 * version, whose lines read the segment amounts (inputs `第1段·岗位工资` …, each explained with its version, days and
 * full-month amount) — so 应发工资, social insurance, the cumulative tax and the carried state are computed once,
 * on the combined pay. An employee in error in a segment that pays them is in error in the month.
 * @example const seg = buildSegmentedPolicy(segments, runs, employees, period) // seg.yaml, seg.errors
 */

import { Dec, type EmployeeError, type EmployeeInput, type PayrollRun } from "@xinsuan/core";
import type { PolicyVersion } from "@xinsuan/store";
import { parseDocument, type YAMLMap, YAMLSeq } from "yaml";

/** One segment: a version and the days of the month it governs. @example const s: Segment = { version, from: "2026-10-01", to: "2026-10-15" } */
export type Segment = { version: PolicyVersion; from: string; to: string };

type ItemInfo = { name: string; kind: string; raw: Record<string, unknown> };
const PAID = new Set(["earning", "deduction", "withholding"]);

const dayNo = (iso: string) =>
  Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;
const md = (iso: string) => `${+iso.slice(5, 7)}月${+iso.slice(8, 10)}日`;

/** The policy's own paid lines (statutory lines are not in the file), in file order. */
function paidItems(yaml: string): ItemInfo[] {
  const items = parseDocument(yaml).toJS({ maxAliasCount: -1 })?.items;
  if (!Array.isArray(items)) return [];
  return items
    .filter((i): i is Record<string, unknown> => typeof i === "object" && i !== null)
    .filter((i) => PAID.has(String(i.kind)))
    .map((i) => ({ name: String(i.name), kind: String(i.kind), raw: i }));
}

/**
 * The segments of a period from the versions in force during it (one segment when nothing changes mid-month).
 * @example periodSegments(versions, "2026-10-01", "2026-10-31").length
 */
export function periodSegments(versions: readonly PolicyVersion[], start: string, end: string): Segment[] {
  const inForce = versions
    .filter((v) => v.effectiveFrom <= end && (v.effectiveTo === null || v.effectiveTo >= start))
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
  return inForce.map((v, k) => {
    const next = inForce[k + 1];
    const to = next
      ? isoOf(dayNo(next.effectiveFrom) - 1)
      : v.effectiveTo && v.effectiveTo < end
        ? v.effectiveTo
        : end;
    return { version: v, from: v.effectiveFrom > start ? v.effectiveFrom : start, to };
  });
}

function isoOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

const inputName = (k: number, item: string) => `第${k + 1}段·${item}`;

/**
 * The last version's text with every paid line reading its segment amounts (and lines only earlier versions had
 * added), plus the segment inputs.
 * @example segmentedPolicyText(segments).includes("【第1段·")
 */
export function segmentedPolicyText(segments: readonly Segment[]): string {
  const last = segments[segments.length - 1]!;
  const doc = parseDocument(last.version.yaml);
  const lists = segments.map((s) => paidItems(s.version.yaml));
  const names: ItemInfo[] = [...lists[lists.length - 1]!];
  for (const list of lists) for (const it of list) if (!names.some((n) => n.name === it.name)) names.push(it);
  const seq = doc.get("items", true);
  for (const it of names) {
    const formula = segments.map((_, k) => `【${inputName(k, it.name)}】`).join(" + ");
    segments.forEach((s, k) => {
      doc.setIn(["inputs", inputName(k, it.name)], {
        type: "money",
        default: 0,
        description: `${it.name}：第${s.version.version}版方案在 ${s.from} 至 ${s.to} 的部分`,
      });
    });
    const own =
      seq instanceof YAMLSeq ? (seq.items as YAMLMap[]).find((m) => m.get?.("name") === it.name) : undefined;
    if (own) own.set("formula", formula);
    else doc.addIn(["items"], { ...it.raw, formula });
  }
  return doc.toString({ lineWidth: 0 });
}

/**
 * Fills each employee's segment inputs (in place) from the segment runs and returns the employees a segment left in
 * error, by index. `runs[k]` computed `employees` with `segments[k]`'s version.
 * @example const errors = applySegments(segments, runs, employees, "2026-10-01", "2026-10-31")
 */
export function applySegments(
  segments: readonly Segment[],
  runs: readonly PayrollRun[],
  employees: EmployeeInput[],
  start: string,
  end: string,
): Map<number, EmployeeError> {
  const errors = new Map<number, EmployeeError>();
  const names = new Set<string>();
  for (const s of segments) for (const it of paidItems(s.version.yaml)) names.add(it.name);
  employees.forEach((e, i) => {
    const hire = e.values.入职日期?.trim() || start;
    const leave = e.values.离职日期?.trim() || end;
    const days = segments.map((s) => {
      const from = Math.max(dayNo(s.from), dayNo(hire > start ? hire : start));
      const to = Math.min(dayNo(s.to), dayNo(leave < end ? leave : end));
      return Math.max(0, to - from + 1);
    });
    const total = days.reduce((a, b) => a + b, 0) || 1;
    const values: Record<string, string> = {};
    const notes: Record<string, string> = {};
    for (const name of names) {
      let weighted = Dec.ZERO;
      let paid = Dec.ZERO;
      segments.forEach((s, k) => {
        const run = runs[k]!;
        const col = run.columns.findIndex((c) => c.name === name);
        const full =
          col < 0
            ? Dec.ZERO
            : Dec.fromCoefficient(run.units[i * run.columns.length + col]!, run.columns[col]!.places);
        // Cumulative rounding: the parts always add up to the rounded total, and an unchanged amount stays whole.
        weighted = weighted.add(full.mul(Dec.fromInt(days[k]!)));
        const part = weighted.div(Dec.fromInt(total)).round(2).sub(paid);
        paid = paid.add(part);
        values[inputName(k, name)] = part.toFixed(2);
        notes[inputName(k, name)] =
          col < 0
            ? `第${s.version.version}版方案没有“${name}”，${md(s.from)}–${md(s.to)} 为 0`
            : `第${s.version.version}版方案 ${md(s.from)}–${md(s.to)}：整月 ${full.toFixed(2)} × ${days[k]}/${total} 天（在职日历天数折算）`;
      });
    }
    e.values = { ...e.values, ...values };
    e.notes = { ...e.notes, ...notes };
    segments.forEach((s, k) => {
      const err = runs[k]!.errors[i];
      if (err && days[k]! > 0 && !errors.has(i)) {
        errors.set(i, {
          ...err,
          zh: `第${k + 1}段（第${s.version.version}版方案，${md(s.from)}–${md(s.to)}）：${err.zh}`,
          en: `segment ${k + 1} (policy v${s.version.version}, ${s.from}–${s.to}): ${err.en}`,
        });
      }
    });
  });
  return errors;
}
