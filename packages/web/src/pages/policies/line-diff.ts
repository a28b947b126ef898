/**
 * A line diff by longest common subsequence (common head and tail trimmed first), grouped into hunks with context.
 * @example diffLines("a\nb", "a\nc").filter((l) => l.op !== "same").length === 2
 */

/** One line of a diff: kept, removed (old line number) or added (new line number). @example { op: "add", text: "x", b: 3 } */
export type DiffLine = { op: "same" | "del" | "add"; text: string; a?: number; b?: number };

/** A run of changed lines with some context. @example hunk.lines.length */
export type DiffHunk = { aStart: number; bStart: number; lines: DiffLine[] };

/** Beyond this many cells the middle is shown as all removed then all added. */
const MAX_CELLS = 4_000_000;

/** The diff of two texts, line by line. @example diffLines("x", "x")[0]?.op === "same" */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = before.split("\n");
  const b = after.split("\n");
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const out: DiffLine[] = [];
  for (let i = 0; i < head; i++) out.push({ op: "same", text: a[i] ?? "", a: i + 1, b: i + 1 });
  const am = a.slice(head, a.length - tail);
  const bm = b.slice(head, b.length - tail);
  out.push(...diffMiddle(am, bm, head));
  for (let k = tail; k > 0; k--) {
    const i = a.length - k;
    const j = b.length - k;
    out.push({ op: "same", text: a[i] ?? "", a: i + 1, b: j + 1 });
  }
  return out;
}

function diffMiddle(a: string[], b: string[], offset: number): DiffLine[] {
  const n = a.length;
  const m = b.length;
  if (n * m > MAX_CELLS) {
    return [
      ...a.map((text, i) => ({ op: "del" as const, text, a: offset + i + 1 })),
      ...b.map((text, j) => ({ op: "add" as const, text, b: offset + j + 1 })),
    ];
  }
  // lcs[i][j] = LCS length of a[i..] and b[j..], stored row by row.
  const w = m + 1;
  const lcs = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * w + j] =
        a[i] === b[j]
          ? (lcs[(i + 1) * w + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * w + j] ?? 0, lcs[i * w + j + 1] ?? 0);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push({ op: "same", text: a[i] ?? "", a: offset + i + 1, b: offset + j + 1 });
      i++;
      j++;
    } else if (i < n && (j >= m || (lcs[(i + 1) * w + j] ?? 0) >= (lcs[i * w + j + 1] ?? 0))) {
      out.push({ op: "del", text: a[i] ?? "", a: offset + i + 1 });
      i++;
    } else {
      out.push({ op: "add", text: b[j] ?? "", b: offset + j + 1 });
      j++;
    }
  }
  return out;
}

/** Groups a diff into hunks with `context` unchanged lines around each change. @example toHunks(diffLines(x, y), 3) */
export function toHunks(lines: DiffLine[], context = 3): DiffHunk[] {
  const changed = lines.map((l) => l.op !== "same");
  const keep = lines.map((_, i) => {
    for (let k = Math.max(0, i - context); k <= Math.min(lines.length - 1, i + context); k++)
      if (changed[k]) return true;
    return false;
  });
  const hunks: DiffHunk[] = [];
  let cur: DiffHunk | null = null;
  let lastA = 0;
  let lastB = 0;
  lines.forEach((l, i) => {
    if (keep[i]) {
      if (!cur) {
        cur = { aStart: l.a ?? lastA + 1, bStart: l.b ?? lastB + 1, lines: [] };
        hunks.push(cur);
      }
      cur.lines.push(l);
    } else cur = null;
    if (l.a) lastA = l.a;
    if (l.b) lastB = l.b;
  });
  return hunks;
}

/** How many lines were added and removed. @example countChanges(d) // { added: 1, removed: 1 } */
export function countChanges(lines: DiffLine[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const l of lines) {
    if (l.op === "add") added++;
    else if (l.op === "del") removed++;
  }
  return { added, removed };
}
