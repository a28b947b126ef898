/**
 * Group membership and group aggregates (sum, average, count, min, max, rank, share) for one run. A group with
 * a member in error cannot produce its aggregates: members reading them get an error naming the member.
 * @example buildGroups(inputs).keys[0] // team names
 */

import { GROUP_LEVELS } from "../formula/scope.js";
import { type AggregateStore, CellError, type Val } from "../formula/types.js";
import { allocate } from "../money/allocate.js";
import { Dec } from "../money/decimal.js";
import type { CompiledAggregate } from "../policy/types.js";

export type Groups = {
  /** Group names per level (团队, 部门, 公司). */
  keys: string[][];
  /** Group index of each employee per level. */
  of: Int32Array[];
};

/** Assigns every employee to a team, a department and the company. */
export function buildGroups(rows: readonly { values: Record<string, string | undefined> }[]): Groups {
  const keys: string[][] = [];
  const of: Int32Array[] = [];
  GROUP_LEVELS.forEach((level, li) => {
    const index = new Map<string, number>();
    const arr = new Int32Array(rows.length);
    const names: string[] = [];
    for (let i = 0; i < rows.length; i++) {
      const k = li === 2 ? "公司" : (rows[i]!.values[level]?.trim() ?? "");
      let g = index.get(k);
      if (g === undefined) {
        g = names.length;
        names.push(k);
        index.set(k, g);
      }
      arr[i] = g;
    }
    keys.push(names);
    of.push(arr);
  });
  return { keys, of };
}

type Acc = {
  sum: Dec[];
  count: number[];
  best: (Dec | null)[];
  members: number[][];
  values: Dec[][];
  pool: (Dec | null)[];
  poolMismatch: boolean[];
};

/** Collects aggregate arguments during a pass and answers lookups afterwards. */
export class AggregateResults implements AggregateStore {
  private readonly groupValue: (Val[] | null)[] = [];
  private readonly memberValue: (Val[] | null)[] = [];
  private readonly broken: (Map<number, string> | null)[] = [];
  private readonly acc: (Acc | null)[] = [];

  constructor(
    private readonly aggs: CompiledAggregate[],
    private readonly groups: Groups,
    private readonly count: number,
  ) {}

  /** Starts accumulating the aggregates of a stage. */
  begin(stage: number): void {
    for (const a of this.aggs) {
      if (a.stage !== stage) continue;
      const n = this.groups.keys[a.level]!.length;
      this.acc[a.id] = {
        sum: new Array(n).fill(Dec.ZERO),
        count: new Array(n).fill(0),
        best: new Array(n).fill(null),
        members: Array.from({ length: n }, () => []),
        values: Array.from({ length: n }, () => []),
        pool: new Array(n).fill(null),
        poolMismatch: new Array(n).fill(false),
      };
    }
  }

  /** Adds one member's argument values. */
  add(a: CompiledAggregate, emp: number, args: Val[]): void {
    const acc = this.acc[a.id]!;
    const g = this.groups.of[a.level]![emp]!;
    const v = args[0];
    switch (a.kind) {
      case "sum":
      case "avg":
        acc.sum[g] = acc.sum[g]!.add(v as Dec);
        acc.count[g]! += 1;
        return;
      case "count":
        if (args.length === 0 || v === true) acc.count[g]! += 1;
        return;
      case "min":
      case "max": {
        const cur = acc.best[g];
        const d = v as Dec;
        if (!cur || (a.kind === "min" ? d.lt(cur) : d.gt(cur))) acc.best[g] = d;
        return;
      }
      case "rank":
        acc.members[g]!.push(emp);
        acc.values[g]!.push(v as Dec);
        return;
      case "share": {
        const pool = v as Dec;
        const prev = acc.pool[g];
        if (prev && !prev.eq(pool)) acc.poolMismatch[g] = true;
        if (!prev) acc.pool[g] = pool;
        acc.members[g]!.push(emp);
        acc.values[g]!.push(args[1] as Dec);
      }
    }
  }

  /** Computes the stage's results; `failed` lists members whose data is in error, by employee index. */
  finish(stage: number, failed: Map<number, string>): void {
    for (const a of this.aggs) {
      if (a.stage !== stage) continue;
      const acc = this.acc[a.id]!;
      const n = this.groups.keys[a.level]!.length;
      const broken = new Map<number, string>();
      for (const [emp, who] of failed) {
        const g = this.groups.of[a.level]![emp]!;
        if (!broken.has(g))
          broken.set(
            g,
            `${GROUP_LEVELS[a.level]}“${this.groups.keys[a.level]![g] || "（未分组）"}”中 ${who} 的数据有误`,
          );
      }
      this.broken[a.id] = broken;
      if (a.kind === "rank" || a.kind === "share") {
        const out: Val[] = new Array(this.count).fill(null);
        for (let g = 0; g < n; g++) {
          if (broken.has(g)) continue;
          const members = acc.members[g]!;
          const vals = acc.values[g]!;
          if (members.length === 0) continue;
          if (a.kind === "rank") {
            const order = vals.map((_, k) => k);
            order.sort((x, y) => (a.descending ? vals[y]!.cmp(vals[x]!) : vals[x]!.cmp(vals[y]!)));
            let rank = 1;
            order.forEach((k, pos) => {
              if (pos > 0 && !vals[k]!.eq(vals[order[pos - 1]!]!)) rank = pos + 1;
              out[members[k]!] = Dec.fromInt(rank);
            });
            continue;
          }
          const problem = this.shareProblem(acc, g, vals);
          if (problem) {
            broken.set(g, problem);
            continue;
          }
          const parts = allocate(acc.pool[g]!.round(2), vals);
          members.forEach((emp, k) => {
            out[emp] = parts[k]!;
          });
        }
        this.memberValue[a.id] = out;
      } else {
        const out: Val[] = new Array(n);
        for (let g = 0; g < n; g++) {
          if (a.kind === "sum") out[g] = acc.sum[g]!;
          else if (a.kind === "avg")
            out[g] = acc.count[g] ? acc.sum[g]!.div(Dec.fromInt(acc.count[g]!)) : Dec.ZERO;
          else if (a.kind === "count") out[g] = Dec.fromInt(acc.count[g]!);
          else out[g] = acc.best[g] ?? Dec.ZERO;
        }
        this.groupValue[a.id] = out;
      }
      this.acc[a.id] = null;
    }
  }

  private shareProblem(acc: Acc, g: number, weights: Dec[]): string | null {
    if (acc.poolMismatch[g]) return "同组成员算出的奖金池不一致，SHARE 的奖金池必须是团队统一的数";
    if (weights.some((w) => w.sign() < 0)) return "SHARE 的权重不能为负数";
    if (weights.every((w) => w.isZero())) return "组内权重合计为0，奖金池无法分配";
    return null;
  }

  get(id: number, emp: number, group: number): Val {
    const why = this.broken[id]?.get(group);
    const a = this.aggs[id]!;
    if (why)
      throw new CellError(
        "GROUP",
        a.span,
        `${why}，无法计算 ${a.text}`,
        `${a.text}: a group member's data is in error`,
      );
    const mv = this.memberValue[id];
    if (mv) return mv[emp] ?? null;
    const gv = this.groupValue[id];
    if (!gv) throw new Error(`aggregate ${id} read before it was computed`);
    return gv[group]!;
  }
}
