/**
 * Sends bytes as a download: content type by extension, `Content-Disposition: attachment` with an ASCII
 * fallback name and the real name in UTF-8 (RFC 6266 / RFC 5987), so 工资表-2026-09.xlsx arrives with its Chinese
 * name, and no caching.
 * @example return sendFile(reply, { name: "工资条-2026-09.pdf", asciiName: "payslip-2026-09.pdf", bytes })
 */

import type { FastifyReply } from "fastify";

/** Content types by extension. @example CONTENT_TYPES.pdf === "application/pdf" */
export const CONTENT_TYPES: Record<string, string> = {
  pdf: "application/pdf",
  zip: "application/zip",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
  txt: "text/plain; charset=utf-8",
};

/**
 * The Content-Disposition of a download: the ASCII fallback (non-ASCII characters become "_" when no
 * `asciiName` is given) and the real name as RFC 5987 UTF-8.
 * @example contentDisposition("工资表-2026-09.xlsx", "register-2026-09.xlsx")
 * // `attachment; filename="register-2026-09.xlsx"; filename*=UTF-8''%E5%B7%A5…`
 */
export function contentDisposition(name: string, asciiName: string = name): string {
  const fallback = asciiName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * Sends the file.
 * @example return sendFile(reply, { name, bytes })
 */
export function sendFile(
  reply: FastifyReply,
  f: { name: string; bytes: Uint8Array | string; asciiName?: string; type?: string },
): FastifyReply {
  const ext = /\.([a-z0-9]+)$/i.exec(f.name)?.[1]?.toLowerCase() ?? "";
  const body =
    typeof f.bytes === "string"
      ? f.bytes
      : Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength);
  return reply
    .header("content-type", f.type ?? CONTENT_TYPES[ext] ?? "application/octet-stream")
    .header("content-disposition", contentDisposition(f.name, f.asciiName))
    .header("cache-control", "no-store")
    .send(body);
}
