/**
 * Sends bytes as a download: content type, `Content-Disposition: attachment` with an ASCII fallback name and the
 * UTF-8 name (RFC 6266 / RFC 5987), so 工资表-2026-09.xlsx arrives with its Chinese name.
 * @example return sendFile(reply, { name: "工资条-2026-09.pdf", type: "application/pdf", bytes })
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
 * The Content-Disposition value for a file name.
 * @example contentDisposition("工资表.xlsx") === `attachment; filename="___.xlsx"; filename*=UTF-8''%E5%B7%A5%E8%B5%84%E8%A1%A8.xlsx`
 */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * Sends the file.
 * @example return sendFile(reply, { name, bytes })
 */
export function sendFile(
  reply: FastifyReply,
  f: { name: string; bytes: Uint8Array | string; type?: string },
): FastifyReply {
  const ext = f.name.split(".").pop()?.toLowerCase() ?? "";
  return reply
    .header("content-type", f.type ?? CONTENT_TYPES[ext] ?? "application/octet-stream")
    .header("content-disposition", contentDisposition(f.name))
    .header("cache-control", "no-store")
    .send(typeof f.bytes === "string" ? f.bytes : Buffer.from(f.bytes));
}
