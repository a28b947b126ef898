/**
 * Text to GBK bytes with iconv-lite (some banks' import programs read GBK only). ASCII stays one byte. A character
 * GBK cannot hold (most emoji, some rare 生僻字) is reported, never replaced by '?', so a bank file never carries a
 * silently changed name: a character round-trips through GBK or it is refused.
 * @example encodeGbk("工资") // Uint8Array [0xb9, 0xa4, 0xd7, 0xca]
 */

import iconv from "iconv-lite";

function holds(ch: string): boolean {
  return ch.codePointAt(0)! < 0x80 || iconv.decode(iconv.encode(ch, "gbk"), "gbk") === ch;
}

/**
 * The characters of `text` that GBK cannot hold, each once, in order of appearance.
 * @example unencodableGbk("张三😀") // ["😀"]
 */
export function unencodableGbk(text: string): string[] {
  const bad: string[] = [];
  for (const ch of text) if (!holds(ch) && !bad.includes(ch)) bad.push(ch);
  return bad;
}

/**
 * GBK bytes of `text`; throws a RangeError naming the first character GBK cannot hold (check with
 * `unencodableGbk` first to report them all).
 * @example encodeGbk("A工") // Uint8Array [0x41, 0xb9, 0xa4]
 */
export function encodeGbk(text: string): Uint8Array {
  const [first] = unencodableGbk(text);
  if (first !== undefined)
    throw new RangeError(
      `GBK cannot encode “${first}” (U+${first.codePointAt(0)!.toString(16).toUpperCase()})`,
    );
  return new Uint8Array(iconv.encode(text, "gbk"));
}
