/**
 * Column templates of the bank batch payment file (批量代发): which columns, in what order, with what header
 * texts, fixed columns (币种: 人民币), where the 合计 goes, amounts in 元 (2 decimals) or 分 (integer), and the CSV
 * encoding (UTF-8 with or without BOM, or GBK). Written as YAML or JSON, validated with zod; built-in examples live
 * in templates/bank/<name>.yaml and are looked up by name.
 * @example const t = await loadBankTemplate("generic"); t.columns.map((c) => c.header) // ["账号", "户名", …]
 */

import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { z } from "zod";
import { AppError } from "../app-error.js";

/** The built-in bank templates of this checkout. @example join(BANK_TEMPLATES_DIR, "generic.yaml") */
export const BANK_TEMPLATES_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  "../../../../templates/bank",
);

/** The fields a column can take its value from (no 身份证号: the bank file does not need it). */
export const BANK_SOURCES = ["序号", "账号", "户名", "金额", "开户行", "用途", "工号"] as const;

/** One field of a payment row. @example const s: BankSource = "账号" */
export type BankSource = (typeof BANK_SOURCES)[number];

const column = z
  .object({
    header: z.string().min(1),
    source: z.enum(BANK_SOURCES).optional(),
    value: z.string().optional(),
  })
  .strict()
  .refine((c) => (c.source === undefined) !== (c.value === undefined), {
    message: "each column needs exactly one of source (a field) or value (fixed text)",
  });

const schema = z
  .object({
    name: z.string().min(1),
    description: z.string().optional(),
    sheet: z.string().min(1).max(31).default("代发明细"),
    header: z.boolean().default(true),
    columns: z.array(column).min(1),
    amount: z.enum(["yuan", "fen"]).default("yuan"),
    total: z.enum(["bottom", "top", "none"]).default("bottom"),
    encoding: z.enum(["utf-8-bom", "utf-8", "gbk"]).default("utf-8-bom"),
  })
  .strict()
  .refine((t) => t.columns.some((c) => c.source === "金额"), {
    message: "a column with source 金额 is required",
  })
  .refine((t) => t.columns.some((c) => c.source === "账号"), {
    message: "a column with source 账号 is required",
  });

/**
 * A validated template.
 * @example const t: BankTemplate = parseBankTemplate("name: x\ncolumns: [{header: 账号, source: 账号}, {header: 金额, source: 金额}]", "x.yaml")
 */
export type BankTemplate = z.infer<typeof schema>;

/**
 * Parses and validates template text (YAML or JSON); INPUT_INVALID listing every problem with its path.
 * @example parseBankTemplate(text, "my-bank.yaml").columns.length
 */
export function parseBankTemplate(text: string, file: string): BankTemplate {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new AppError(
      "INPUT_INVALID",
      `代发模板 ${file} 不是有效的 YAML/JSON：${why}`,
      `bank template ${file} is not valid YAML/JSON: ${why}`,
    );
  }
  const r = schema.safeParse(doc);
  if (r.success) return r.data;
  const details = r.error.issues.map((i) => {
    const at = i.path.length > 0 ? i.path.join(".") : "(模板)";
    return { zh: `${file} ${at}：${i.message}`, en: `${file} ${at}: ${i.message}` };
  });
  throw new AppError(
    "INPUT_INVALID",
    `代发模板 ${file} 有 ${details.length} 处问题`,
    `bank template ${file} has ${details.length} problem(s)`,
    details,
  );
}

/**
 * A template from a file path, or a built-in by name (templates/bank/<name>.yaml); "generic" when omitted.
 * @example const t = await loadBankTemplate("serial-remark")
 */
export async function loadBankTemplate(fileOrName = "generic"): Promise<BankTemplate> {
  const builtIn = resolve(BANK_TEMPLATES_DIR, `${fileOrName}.yaml`);
  const path = /^[\w-]+$/.test(fileOrName) && existsSync(builtIn) ? builtIn : fileOrName;
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new AppError(
      "TEMPLATE_NOT_FOUND",
      `找不到代发模板“${fileOrName}”：既不是文件，也不是内置模板（templates/bank/ 下的 generic、serial-remark、header-summary）`,
      `bank template "${fileOrName}" not found: neither a file nor a built-in (generic, serial-remark, header-summary)`,
    );
  }
  return parseBankTemplate(text, fileOrName);
}
