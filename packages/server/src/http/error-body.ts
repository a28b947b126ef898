/**
 * The API's one error contract: `{ code, message, details }` with the status from HTTP_STATUS, in Chinese or
 * English (Accept-Language). Request-schema failures become INPUT_INVALID naming each field; anything unexpected
 * is INTERNAL with no stack trace (the log has it).
 * @example const { status, body } = errorBody(new AppError("NOT_FOUND", "无", "none"), "zh")
 */

import type { FastifyError, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError, HTTP_STATUS } from "../app-error.js";

/** UI language of a request. @example const l: Lang = langOf(req) */
export type Lang = "zh" | "en";

/** The error body. @example const b: ErrorBody = { code: "FORBIDDEN", message: "无权…", details: [] } */
export type ErrorBody = { code: string; message: string; details: string[] };

/** Language from Accept-Language: English when it starts with "en", else Chinese. @example langOf(req) === "zh" */
export function langOf(req: Pick<FastifyRequest, "headers">): Lang {
  const h = req.headers["accept-language"];
  return typeof h === "string" && h.trim().toLowerCase().startsWith("en") ? "en" : "zh";
}

function fieldOf(path: readonly PropertyKey[] | undefined, where: string): string {
  const p = (path ?? []).map(String).join(".");
  return p ? `${where}.${p}` : where;
}

/**
 * Maps any thrown value to a status and body.
 * @example reply.code(errorBody(e, "zh").status)
 */
export function errorBody(e: unknown, lang: Lang): { status: number; body: ErrorBody } {
  if (e instanceof AppError)
    return {
      status: HTTP_STATUS[e.code],
      body: { code: e.code, message: lang === "en" ? e.en : e.zh, details: e.details.map((d) => d[lang]) },
    };
  const fe = e as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fe)) {
    const where = fe.validationContext ?? "body";
    const details = fe.validation.map((v) => {
      const path = (v.params as { issue?: { path?: PropertyKey[] } }).issue?.path;
      return `${fieldOf(path ?? v.instancePath.split("/").filter(Boolean), where)}: ${v.message ?? ""}`;
    });
    return {
      status: 422,
      body: {
        code: "INPUT_INVALID",
        message: lang === "en" ? "the request has invalid fields" : "请求中有字段不正确",
        details,
      },
    };
  }
  if (fe.statusCode === 413 || fe.code === "FST_REQ_FILE_TOO_LARGE" || fe.code === "FST_FILES_LIMIT")
    return {
      status: 413,
      body: {
        code: "INPUT_INVALID",
        message: lang === "en" ? "the file is too large (20 MB at most)" : "文件太大（最大 20 MB）",
        details: [],
      },
    };
  if (typeof fe.statusCode === "number" && fe.statusCode >= 400 && fe.statusCode < 500)
    return {
      status: fe.statusCode,
      body: {
        code: fe.statusCode === 404 ? "NOT_FOUND" : "USAGE",
        message: lang === "en" ? `bad request: ${fe.message}` : `请求不正确：${fe.message}`,
        details: [],
      },
    };
  return {
    status: 500,
    body: {
      code: "INTERNAL",
      message:
        lang === "en"
          ? "internal error: please try again or contact support"
          : "系统内部错误，请重试或联系管理员",
      details: [],
    },
  };
}
