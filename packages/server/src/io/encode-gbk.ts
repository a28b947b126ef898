/**
 * Text to GBK bytes without a dependency: the reverse of the platform's GB18030 decoder over the two-byte GBK
 * range (lead 0x81–0xFE, trail 0x40–0xFE except 0x7F), built once on first use (~24,000 code points, a few
 * milliseconds). ASCII stays one byte. A character GBK cannot hold (most emoji, some rare 生僻字) is reported,
 * never replaced by '?', so a bank file never carries a silently changed name.
 * @example encodeGbk("工资") // Uint8Array [0xb9, 0xa4, 0xd7, 0xca]
 */

let table: Map<string, number> | undefined;

/** char → (lead << 8 | trail) for every two-byte GBK code. */
function gbkTable(): Map<string, number> {
  if (table) return table;
  const map = new Map<string, number>();
  const decoder = new TextDecoder("gb18030", { fatal: true });
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      let ch: string;
      try {
        ch = decoder.decode(pair);
      } catch {
        continue;
      }
      if (ch.length > 0 && !map.has(ch)) map.set(ch, (lead << 8) | trail);
    }
  }
  table = map;
  return map;
}

/**
 * The characters of `text` that GBK cannot hold, each once, in order of appearance.
 * @example unencodableGbk("张三😀") // ["😀"]
 */
export function unencodableGbk(text: string): string[] {
  const map = gbkTable();
  const bad: string[] = [];
  for (const ch of text) if (ch.codePointAt(0)! >= 0x80 && !map.has(ch) && !bad.includes(ch)) bad.push(ch);
  return bad;
}

/**
 * GBK bytes of `text`; throws a RangeError naming the first character GBK cannot hold (check with
 * `unencodableGbk` first to report them all).
 * @example encodeGbk("A工") // Uint8Array [0x41, 0xb9, 0xa4]
 */
export function encodeGbk(text: string): Uint8Array {
  const map = gbkTable();
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) {
      out.push(cp);
      continue;
    }
    const code = map.get(ch);
    if (code === undefined)
      throw new RangeError(`GBK cannot encode “${ch}” (U+${cp.toString(16).toUpperCase()})`);
    out.push(code >> 8, code & 0xff);
  }
  return Uint8Array.from(out);
}
