/**
 * "Did you mean" suggestions for unknown names, by Damerau-Levenshtein distance over code points.
 * @example suggestName("岗位工资x", ["岗位工资", "绩效工资"]) === "岗位工资"
 */

function points(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    out.push(cp >= 65 && cp <= 90 ? cp + 32 : cp);
  }
  return out;
}

/** Optimal-string-alignment distance between code point arrays. */
function distance(a: number[], b: number[]): number {
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur: number[] = [i];
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      const bj = b[j - 1];
      const cost = ai === bj ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && ai === b[j - 2] && a[i - 2] === bj) d = Math.min(d, (prev2[j - 2] ?? 0) + 1);
      cur.push(d);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/**
 * The closest candidate within distance max(1, floor(len/3)), ASCII case-insensitive; ties go to the first.
 * @example suggestName("if", ["IF", "SUM"]) === "IF"
 */
export function suggestName(unknown: string, candidates: Iterable<string>): string | undefined {
  const a = points(unknown);
  let best: string | undefined;
  let bestD = Math.max(1, Math.floor(a.length / 3)) + 1;
  for (const c of candidates) {
    if (c === unknown) continue;
    const b = points(c);
    if (Math.abs(a.length - b.length) >= bestD) continue;
    const d = distance(a, b);
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}
