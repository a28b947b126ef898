/**
 * The policy document (方案) as data: zod schema of the YAML a developer writes and the web editor saves.
 * @example PolicySchema.parse(yaml.parse(text))
 */
import { z } from "zod";

const scalar = z.union([z.string(), z.number(), z.boolean()]);
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "日期格式应为 YYYY-MM-DD | date must be YYYY-MM-DD" });
const display = z.enum(["money", "ratio", "number", "integer", "text", "date", "boolean"]);

export const InputTypeSchema = z.enum(["money", "number", "integer", "ratio", "text", "date", "boolean"]);
export type InputType = z.infer<typeof InputTypeSchema>;

const ParamSchema = z.union([
  scalar,
  z
    .object({
      value: scalar,
      type: display.optional(),
      description: z.string().optional(),
      /** Marks a value the seed left blank (xxx, ___): shown as 示例值. */
      example: z.boolean().optional(),
    })
    .strict(),
]);

const KeySchema = z.object({ name: z.string().optional(), type: z.enum(["text", "number"]) }).strict();

const TableSchema = z
  .object({
    description: z.string().optional(),
    kind: z.enum(["lookup", "tier"]).default("lookup"),
    keys: z.array(KeySchema).min(1).max(2).optional(),
    value: display.default("number"),
    columns: z.array(z.string()).min(1).optional(),
    example: z.boolean().optional(),
    rows: z.union([z.record(z.string(), z.unknown()), z.array(z.array(scalar).min(2))]),
  })
  .strict();

const InputSchema = z
  .object({
    type: InputTypeSchema,
    description: z.string().optional(),
    unit: z.string().optional(),
    required: z.boolean().optional(),
    default: scalar.optional(),
    /** Formula used when the cell is blank or the column is absent. */
    fallback: z.string().optional(),
    min: z.union([z.number(), z.string()]).optional(),
    max: z.union([z.number(), z.string()]).optional(),
    values: z.array(z.union([z.string(), z.number()])).optional(),
  })
  .strict();

const CalcSchema = z.union([
  z.string(),
  z.object({ formula: z.string(), display: display.optional(), description: z.string().optional() }).strict(),
]);

const ScoreItemSchema = z
  .object({
    name: z.string(),
    label: z.string().optional(),
    points: z.union([z.number(), z.string()]),
    formula: z.string(),
    evidence: z.string().optional(),
  })
  .strict();

const ScorecardSchema = z
  .object({
    description: z.string().optional(),
    max: z.union([z.number(), z.string()]),
    min: z.union([z.number(), z.string()]).optional(),
    items: z.array(ScoreItemSchema).min(1),
    /** Formula for the total over the items (default: their sum), clamped to [min, max]. */
    total: z.string().optional(),
  })
  .strict();

const StateSchema = z
  .object({
    scope: z.enum(["员工", "团队", "部门", "公司"]).default("员工"),
    type: z.enum(["number", "text"]).default("number"),
    display: display.optional(),
    initial: scalar,
    next: z.string(),
    description: z.string().optional(),
  })
  .strict();

const RoundSchema = z.union([
  z.enum(["分", "角", "元", "none"]),
  z
    .object({
      unit: z.enum(["分", "角", "元"]),
      mode: z.enum(["half-up", "half-even", "down", "up", "floor", "ceiling"]).default("half-up"),
    })
    .strict(),
]);

/**
 * A per-employee warning the run reports when `when` is true (never a changed amount): a value to review, such
 * as pay below the minimum wage. `message` may name values in braces: "实发 {实发工资} 为负".
 * @example { name: "实发工资为负", when: "实发工资 < 0", message: "实发工资 {实发工资} 为负" }
 */
const CheckSchema = z
  .object({
    name: z.string().min(1),
    when: z.string(),
    message: z.string().min(1),
    /** Legal reference shown with the warning, e.g. 《最低工资规定》第十二条. */
    ref: z.string().optional(),
    /**
     * Makes the check a grade review rule: the 职级 the flagged employee would move to, as a formula giving text
     * (`IF(职级 = "初级", "中级", "高级")`) or a plain grade name (`中级客服`). HR confirms or rejects each candidate.
     */
    grade: z.string().min(1).optional(),
    /** 晋升 (promotion) or 降级 (demotion); only with `grade` (default 晋升). */
    kind: z.enum(["晋升", "降级"]).optional(),
  })
  .strict();

export const ItemKindSchema = z.enum(["earning", "deduction", "withholding", "info"]);
export type ItemKind = z.infer<typeof ItemKindSchema>;

const ItemSchema = z
  .object({
    name: z.string().min(1),
    kind: ItemKindSchema,
    formula: z.string(),
    round: RoundSchema.optional(),
    /** Decimal places kept for info items (scores, rates); money items are rounded to 分 by default. */
    decimals: z.number().int().min(0).max(6).optional(),
    display: display.optional(),
    /** Earnings: counts as taxable income (default true). Deductions: reduces taxable income (default true). */
    taxable: z.boolean().optional(),
    /** 全年一次性奖金: an annual one-off bonus taxed on its own (TAXBONUS), not with the month's wages. */
    tax: z.enum(["全年一次性奖金"]).optional(),
    explain: z.string().optional(),
  })
  .strict();

const formulaOrConst = z.union([z.string(), z.number(), z.boolean()]);

/**
 * Statutory lines the engine adds: employee social insurance, housing fund and income tax, by city and period.
 * @example { city: "上海", housingFund: { rate: "7%" }, tax: "累计预扣" }
 */
const StatutorySchema = z
  .object({
    /** Default insured city; an employee's 参保城市 column overrides it. */
    city: z.string().min(1),
    socialInsurance: z
      .union([
        z.literal(false),
        z
          .object({
            /** Formula for the contribution base when the 缴费基数 column is blank. */
            base: z.string().optional(),
            /** Boolean formula: who is insured (default: everyone but 实习 and 非全日制). */
            applies: formulaOrConst.optional(),
          })
          .strict(),
      ])
      .default({}),
    housingFund: z
      .union([
        z.literal(false),
        z
          .object({
            rate: z.union([z.string(), z.number()]),
            /** Formula for the housing-fund base; default the social-insurance base. */
            base: z.string().optional(),
            applies: formulaOrConst.optional(),
          })
          .strict(),
      ])
      .default(false),
    /** 累计预扣: wages, cumulative withholding; 劳务报酬: per payment; 不计税: no tax line. */
    tax: z.enum(["累计预扣", "劳务报酬", "不计税"]).default("累计预扣"),
    /** Adds an info line with the employer's social insurance and housing fund (cost reports). */
    employerCost: z.boolean().default(false),
    /** Per-employee minimum-wage check in the run (warnings, never a changed amount). */
    minimumWage: z
      .union([
        z.literal(false),
        z
          .object({
            /** Pay compared with the minimum (default 应发工资 minus overtime-named items). */
            wage: z.string().optional(),
            /** Boolean formula: who is checked (default full-time staff who worked the whole month). */
            applies: formulaOrConst.optional(),
          })
          .strict(),
      ])
      .default({}),
  })
  .strict();

export const PolicySchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, { message: "id 只能用小写字母、数字和连字符 | lowercase, digits, -" }),
    name: z.string().min(1),
    version: z.number().int().min(1),
    effectiveFrom: isoDate,
    effectiveTo: isoDate.optional(),
    description: z.string().min(1),
    seedSection: z.string().optional(),
    payDay: z.number().int().min(1).max(31).optional(),
    /** How often pay is settled: 月 monthly (default), 半月, 周, 日 (非全日制 staff: at most every 15 days). */
    payCycle: z.enum(["月", "半月", "周", "日"]).optional(),
    params: z.record(z.string(), ParamSchema).default({}),
    tables: z.record(z.string(), TableSchema).default({}),
    inputs: z.record(z.string(), InputSchema).default({}),
    calcs: z.record(z.string(), CalcSchema).default({}),
    scorecards: z.record(z.string(), ScorecardSchema).default({}),
    state: z.record(z.string(), StateSchema).default({}),
    items: z.array(ItemSchema).min(1),
    register: z.array(z.string()).optional(),
    checks: z.array(CheckSchema).default([]),
    statutory: StatutorySchema.optional(),
  })
  .strict();

export type PolicyDoc = z.infer<typeof PolicySchema>;
export type ParamDoc = z.infer<typeof ParamSchema>;
export type TableDoc = z.infer<typeof TableSchema>;
export type InputDoc = z.infer<typeof InputSchema>;
export type CalcDoc = z.infer<typeof CalcSchema>;
export type ScorecardDoc = z.infer<typeof ScorecardSchema>;
export type StateDoc = z.infer<typeof StateSchema>;
export type ItemDoc = z.infer<typeof ItemSchema>;
export type CheckDoc = z.infer<typeof CheckSchema>;
export type StatutoryDoc = z.infer<typeof StatutorySchema>;
export type DisplayDoc = z.infer<typeof display>;
