/**
 * Reads the one file of a multipart upload (field `file`, plus text fields) into a table: xlsx, csv or json by
 * its name. A missing file, a file over the limit or an unreadable table is INPUT_INVALID naming the file and
 * every bad row, and nothing is written.
 * @example const { table, fields, checksum } = await readUploadedTable(req)
 */

import { createHash } from "node:crypto";
import type { FastifyRequest } from "fastify";
import { AppError } from "../app-error.js";
import { readTableBytes } from "../io/read-table.js";
import type { Table } from "../io/table-types.js";

/** An uploaded table. @example const u: UploadedTable = await readUploadedTable(req) */
export type UploadedTable = {
  fileName: string;
  table: Table;
  fields: Record<string, string>;
  checksum: string;
};

/**
 * Reads the upload.
 * @example const u = await readUploadedTable(req); u.table.rows.length
 */
export async function readUploadedTable(req: FastifyRequest): Promise<UploadedTable> {
  if (!req.isMultipart())
    throw new AppError(
      "INPUT_INVALID",
      "请以 multipart/form-data 上传文件（字段 file）",
      "upload the file as multipart/form-data (field file)",
    );
  const fields: Record<string, string> = {};
  let file: { name: string; bytes: Uint8Array } | undefined;
  for await (const part of req.parts()) {
    if (part.type === "file") {
      const bytes = await part.toBuffer();
      if (part.fieldname === "file") file = { name: part.filename || "upload", bytes };
    } else if (typeof part.value === "string") fields[part.fieldname] = part.value;
  }
  if (!file)
    throw new AppError("INPUT_INVALID", "没有收到文件（字段 file）", "no file received (field file)");
  const r = await readTableBytes(file.name, file.bytes);
  if (!r.ok)
    throw new AppError(
      "INPUT_INVALID",
      `${file.name} 无法导入（${r.errors.length} 处问题），未写入任何数据`,
      `${file.name} cannot be imported (${r.errors.length} problem(s)); nothing was written`,
      r.errors.map((e) => ({ zh: e.zh, en: e.en })),
    );
  const checksum = createHash("sha256").update(file.bytes).digest("hex");
  return { fileName: file.name, table: r.table, fields, checksum };
}
