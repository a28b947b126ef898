/**
 * Decodes the bytes of a text file the way Chinese Excel users produce them: UTF-8 (BOM stripped), UTF-16 with
 * BOM, or, when the bytes are not valid UTF-8, GB18030 (a superset of GBK, which Chinese Excel uses for CSV).
 * @example decodeText(Uint8Array.from([0xb9, 0xa4])) === "工"
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder("utf-8").decode(bytes.subarray(3));
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}
