/**
 * Column headers of the 自然人电子税务局（扣缴端） Excel import templates for 综合所得 — 正常工资薪金所得,
 * 全年一次性奖金收入 and 劳务报酬 — exactly as the templates spell them (a leading "*" marks a required column; the
 * client matches headers by text).
 *
 * Where they come from (looked up 2026-11; the tax bureau's own template is only downloadable inside the client):
 * - 正常工资薪金所得 (24 columns): two independent public generators of the client's import file agree header for
 *   header — a Node.js payroll service (`TAX_IMPORT_HEADERS`, sheet "正常工资薪金收入") and a Python/FastAPI payroll
 *   app (`_build_salary_workbook`), both in GitHub code indexed by our reference search. An older (2021) layout in
 *   versnoon/SalarySupportTools `salary_support_tools/model/export/tex_export_model.py` has the same order but
 *   lacks 累计3岁以下婴幼儿照护 (deduction since 2022, 国发〔2022〕8号) and 累计个人养老金 (since 2022-11); we follow
 *   the more recent layout.
 * - 全年一次性奖金收入 (11 columns): a public generator of the client's bonus import ("11列个税全年一次性奖金申报模板")
 *   and a column mapping document of the same project agree.
 * - 劳务报酬 (14 columns): one public column mapping document of a 扣缴端 import generator only — less certain.
 * See docs/documents.md.
 * @example IIT_WAGE_HEADERS[4] === "本期收入"
 */

/** 正常工资薪金所得, in the client's order. @example IIT_WAGE_HEADERS.length === 24 */
export const IIT_WAGE_HEADERS = [
  "工号",
  "*姓名",
  "*证件类型",
  "*证件号码",
  "本期收入",
  "本期免税收入",
  "基本养老保险费",
  "基本医疗保险费",
  "失业保险费",
  "住房公积金",
  "累计子女教育",
  "累计继续教育",
  "累计住房贷款利息",
  "累计住房租金",
  "累计赡养老人",
  "累计3岁以下婴幼儿照护",
  "累计个人养老金",
  "企业(职业)年金",
  "商业健康保险",
  "税延养老保险",
  "其他",
  "准予扣除的捐赠额",
  "减免税额",
  "备注",
] as const;

/** 全年一次性奖金收入, in the client's order. @example IIT_BONUS_HEADERS[4] === "*全年一次性奖金额" */
export const IIT_BONUS_HEADERS = [
  "工号",
  "*姓名",
  "*证件类型",
  "*证件号码",
  "*全年一次性奖金额",
  "免税收入",
  "其他",
  "准予扣除的捐赠额",
  "减免税额",
  "协定减免",
  "备注",
] as const;

/** 劳务报酬, in the client's order. @example IIT_LABOR_HEADERS[5] === "*收入" */
export const IIT_LABOR_HEADERS = [
  "工号",
  "*姓名",
  "*证件类型",
  "*证件号码",
  "*所得项目",
  "*收入",
  "免税收入",
  "商业健康保险",
  "税延养老保险",
  "其他",
  "允许扣除的税费",
  "减免税额",
  "协定减免",
  "备注",
] as const;

/**
 * The template column of each declared 专项附加扣除 kind (cumulative in the template). 大病医疗 has none: it is
 * claimed in the annual settlement, not withheld monthly.
 * @example DEDUCTION_COLUMN.住房租金 === "累计住房租金"
 */
export const DEDUCTION_COLUMN: Record<string, (typeof IIT_WAGE_HEADERS)[number]> = {
  子女教育: "累计子女教育",
  继续教育: "累计继续教育",
  住房贷款利息: "累计住房贷款利息",
  住房租金: "累计住房租金",
  赡养老人: "累计赡养老人",
  "3岁以下婴幼儿照护": "累计3岁以下婴幼儿照护",
};

/** The 证件类型 written for a mainland 身份证号. @example ID_TYPE === "居民身份证" */
export const ID_TYPE = "居民身份证";
