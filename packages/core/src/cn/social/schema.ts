/**
 * Zod schemas of the versioned social-insurance / housing-fund data (data/si-hf.json) and minimum-wage data
 * (data/min-wage.json). Amounts and rates are decimal text ("7460", "0.08"); every figure names a source id from
 * the file's `sources` table and a confidence tag A/B/C. Figures may be absent: the calculator reports them as
 * not configured. Tenant overrides use the same schema.
 * @example SiHfDataSchema.safeParse(json).success
 */
import { z } from "zod";
import { Dec } from "../../money/decimal.js";
import { isIsoDate, overlaps } from "./dates.js";

/** A: statute or national rule; B: official notice confirmed by two copies; C: single secondary copy / unverified. @example ConfidenceSchema.parse("B") */
export const ConfidenceSchema = z.enum(["A", "B", "C"]);
/** A confidence tag. @example const c: Confidence = "A" */
export type Confidence = z.infer<typeof ConfidenceSchema>;

const isoDate = z
  .string()
  .refine(isIsoDate, { message: "日期应为 YYYY-MM-DD 且真实存在 | date must be a real YYYY-MM-DD" });
const decimalText = z.string().regex(/^\d+(\.\d+)?$/, {
  message: '应为非负十进制数字文本，如 "7460" | must be non-negative decimal text like "7460"',
});
const sourceId = z.string().min(1, { message: "缺少来源编号 | source id missing" });
const notes = z.array(z.string()).optional();

/** One entry of a file's `sources` table. @example SourceSchema.parse({ doc: "京人社发〔2026〕7号" }) */
export const SourceSchema = z
  .object({ doc: z.string().min(1), url: z.url().optional(), note: z.string().optional() })
  .strict();
/** A source-table entry. @example const s: Source = { doc: "沪人社规〔2025〕10号" } */
export type Source = z.infer<typeof SourceSchema>;

const figureFields = {
  value: decimalText,
  source: sourceId,
  confidence: ConfidenceSchema,
  note: z.string().optional(),
  /** Set by the employer / assigned per employer (e.g. work-injury rate): expected to be overridden. */
  configurable: z.boolean().optional(),
};

/** An amount in yuan with its source. @example AmountFigureSchema.parse({ value: "7460", source: "sh-si-2025", confidence: "B" }) */
export const AmountFigureSchema = z.object(figureFields).strict();
/** A rate as a fraction (0.08 = 8%) with its source. @example RateFigureSchema.parse({ value: "0.08", source: "national-pension-employee", confidence: "A" }) */
export const RateFigureSchema = z
  .object(figureFields)
  .strict()
  .refine((f) => Dec.tryParse(f.value)?.lte(Dec.ONE) ?? true, {
    message: "费率应为 0 到 1 之间的小数（0.08 表示 8%）| rate must be a fraction between 0 and 1",
    path: ["value"],
  });
/** A figure: decimal text, source id, confidence. @example const f: Figure = { value: "7460", source: "sh-si-2025", confidence: "B" } */
export type Figure = z.infer<typeof AmountFigureSchema>;

function ordered(
  lo: { value: string } | undefined,
  hi: { value: string } | undefined,
  names: [string, string],
  ctx: z.RefinementCtx,
): void {
  const a = lo ? Dec.tryParse(lo.value) : null;
  const b = hi ? Dec.tryParse(hi.value) : null;
  if (a && b && a.gt(b))
    ctx.addIssue({
      code: "custom",
      path: [names[1], "value"],
      message: `${names[1]} 小于 ${names[0]} | ${names[1]} is below ${names[0]}`,
    });
}

/** Base floor and cap (元). @example RangeSchema.parse({ floor: fig, cap: fig }) */
export const RangeSchema = z
  .object({ floor: AmountFigureSchema.optional(), cap: AmountFigureSchema.optional() })
  .strict()
  .superRefine((r, ctx) => ordered(r.floor, r.cap, ["floor", "cap"], ctx));
/** Allowed rate range. @example RateRangeSchema.parse({ min: fig5, max: fig12 }) */
export const RateRangeSchema = z
  .object({ min: RateFigureSchema.optional(), max: RateFigureSchema.optional() })
  .strict()
  .superRefine((r, ctx) => ordered(r.min, r.max, ["min", "max"], ctx));
/** A floor/cap pair, either side possibly missing. @example const r: Range = { floor: f, cap: g } */
export type Range = z.infer<typeof RangeSchema>;

const dated = { effectiveFrom: isoDate, effectiveTo: isoDate.optional() };
const startBeforeEnd = (e: {
  effectiveFrom?: string | undefined;
  effectiveTo?: string | undefined;
}): boolean =>
  e.effectiveFrom === undefined || e.effectiveTo === undefined || e.effectiveFrom <= e.effectiveTo;
const endMsg = {
  message: "effectiveTo 早于 effectiveFrom | effectiveTo is before effectiveFrom",
  path: ["effectiveTo"],
};

/** Social-insurance base bounds in force for a period: `all` items, or per item where the city differs. @example SiBasesEntrySchema.parse({ effectiveFrom: "2025-07-01", all: { floor, cap } }) */
export const SiBasesEntrySchema = z
  .object({
    ...dated,
    all: RangeSchema.optional(),
    pension: RangeSchema.optional(),
    medical: RangeSchema.optional(),
    unemployment: RangeSchema.optional(),
    injury: RangeSchema.optional(),
    /** Confidence of the effective dates themselves, when they are inferred. */
    datesConfidence: ConfidenceSchema.optional(),
    notes,
  })
  .strict()
  .refine(startBeforeEnd, endMsg);

/** Contribution rates in force for a period. @example SiRatesEntrySchema.parse({ effectiveFrom: "2026-01-01", employee: { pension } }) */
export const SiRatesEntrySchema = z
  .object({
    ...dated,
    employee: z
      .object({
        pension: RateFigureSchema.optional(),
        medical: RateFigureSchema.optional(),
        /** Fixed monthly amount added to the employee's medical contribution (Beijing: 3 元). */
        medicalFixed: AmountFigureSchema.optional(),
        unemployment: RateFigureSchema.optional(),
      })
      .strict()
      .optional(),
    employer: z
      .object({
        pension: RateFigureSchema.optional(),
        medical: RateFigureSchema.optional(),
        unemployment: RateFigureSchema.optional(),
        injury: RateFigureSchema.optional(),
      })
      .strict()
      .optional(),
    notes,
  })
  .strict()
  .refine(startBeforeEnd, endMsg);

/** Housing-fund base bounds and allowed rate range for an HF year. @example HfEntrySchema.parse({ effectiveFrom: "2025-07-01", base: { floor, cap }, rate: { min, max } }) */
export const HfEntrySchema = z
  .object({
    ...dated,
    base: RangeSchema.optional(),
    rate: RateRangeSchema.optional(),
    datesConfidence: ConfidenceSchema.optional(),
    notes,
  })
  .strict()
  .refine(startBeforeEnd, endMsg);

/** How contributions are rounded, with its source. @example RoundingRuleSchema.parse({ unit: "元", mode: "half-up", source: "rounding-practice", confidence: "B" }) */
export const RoundingRuleSchema = z
  .object({
    unit: z.enum(["分", "角", "元"]),
    mode: z.enum(["half-up", "half-even", "down", "up", "floor", "ceiling"]),
    source: sourceId,
    confidence: ConfidenceSchema,
  })
  .strict();

/** Entries of one list may not overlap within one file. */
function noOverlap<
  T extends z.ZodType<{ effectiveFrom?: string | undefined; effectiveTo?: string | undefined }>,
>(entry: T) {
  return z.array(entry).superRefine((list, ctx) => {
    for (const [, j] of overlaps(list))
      ctx.addIssue({
        code: "custom",
        path: [j, "effectiveFrom"],
        message: "与同一列表中另一条的有效期重叠 | overlaps another entry of the same list",
      });
  });
}

const cityFields = {
  /** Pinyin id, the key overrides merge on. */
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, { message: "id 应为小写拼音 | id must be lowercase pinyin" }),
  name: z.string().min(1).optional(),
  /** Administrative division code (GB/T 2260), e.g. 310000. */
  adminCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  aliases: z.array(z.string()).optional(),
  notes,
};

/** One city's social-insurance and housing-fund parameters. @example SiHfCitySchema.parse({ id: "chengdu", name: "成都" }) */
export const SiHfCitySchema = z
  .object({
    ...cityFields,
    rounding: z
      .object({ socialInsurance: RoundingRuleSchema.optional(), housingFund: RoundingRuleSchema.optional() })
      .strict()
      .optional(),
    siBases: noOverlap(SiBasesEntrySchema).optional(),
    siRates: noOverlap(SiRatesEntrySchema).optional(),
    housingFund: noOverlap(HfEntrySchema).optional(),
    /** Why a figure is missing, keyed like `siBase.medical`, `employee.unemployment`, `employer.pension`, `housingFund`. */
    notConfigured: z.record(z.string(), z.string()).optional(),
  })
  .strict();
/** One city of si-hf.json. @example builtinSiHf().cities[0]?.id === "beijing" */
export type SiHfCity = z.infer<typeof SiHfCitySchema>;

function uniqueIds(list: { id: string }[], ctx: z.RefinementCtx): void {
  list.forEach((c, i) => {
    if (list.findIndex((o) => o.id === c.id) !== i)
      ctx.addIssue({
        code: "custom",
        path: [i, "id"],
        message: `城市 id “${c.id}” 重复 | duplicate city id`,
      });
  });
}

/** The social-insurance / housing-fund data file (built-in or tenant override). @example SiHfDataSchema.safeParse(json).success */
export const SiHfDataSchema = z
  .object({
    version: z.string().min(1),
    description: z.string().optional(),
    sources: z.record(z.string(), SourceSchema).default({}),
    cities: z.array(SiHfCitySchema).superRefine(uniqueIds),
  })
  .strict();
/** The si-hf.json document. @example const d: SiHfData = builtinSiHf() */
export type SiHfData = z.infer<typeof SiHfDataSchema>;

/** One minimum-wage standard; a missing start means "start not recorded" and needs a note. @example MinWageEntrySchema.parse({ effectiveFrom: "2025-07-01", monthly: "2740", source: "sh-mw-2025", confidence: "B" }) */
export const MinWageEntrySchema = z
  .object({
    effectiveFrom: isoDate.optional(),
    effectiveTo: isoDate.optional(),
    monthly: decimalText,
    hourly: decimalText.optional(),
    /** Beijing: hourly minimum for statutory holidays. */
    holidayHourly: decimalText.optional(),
    source: sourceId,
    confidence: ConfidenceSchema,
    note: z.string().optional(),
  })
  .strict()
  .refine(startBeforeEnd, endMsg)
  .refine((e) => e.effectiveFrom !== undefined || e.note !== undefined, {
    message: "起始日期未知的标准须有 note 说明 | an entry without effectiveFrom needs a note",
    path: ["note"],
  });

/** One city's minimum wages and whether employee SI/HF count toward the minimum. @example MinWageCitySchema.safeParse(city).success */
export const MinWageCitySchema = z
  .object({
    ...cityFields,
    employeeSiHf: z
      .object({
        countsTowardMinimum: z.boolean(),
        source: sourceId,
        confidence: ConfidenceSchema,
        note: z.string(),
      })
      .strict(),
    entries: noOverlap(MinWageEntrySchema),
  })
  .strict();
/** One city of min-wage.json. @example builtinMinWage().cities[1]?.name === "上海" */
export type MinWageCity = z.infer<typeof MinWageCitySchema>;

/** The minimum-wage data file. @example MinWageDataSchema.safeParse(json).success */
export const MinWageDataSchema = z
  .object({
    version: z.string().min(1),
    description: z.string().optional(),
    sources: z.record(z.string(), SourceSchema),
    notes,
    cities: z.array(MinWageCitySchema).superRefine(uniqueIds),
  })
  .strict();
/** The min-wage.json document. @example const d: MinWageData = builtinMinWage() */
export type MinWageData = z.infer<typeof MinWageDataSchema>;
