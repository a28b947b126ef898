/**
 * Statutory building blocks for policies: social insurance and housing fund by city and period (from the
 * versioned city data), and income tax on a cumulative taxable amount, an annual one-off bonus or labour
 * remuneration. A city or period without data is that employee's error with the reason, never a zero.
 * @example "SOCIALINSURANCE(参保城市, 期间, 社保基数, \"养老\")"
 */
import type { Contributions, ContributionsProblem } from "../cn/social/contribution-types.js";
import { computeContributions } from "../cn/social/contributions.js";
import { type ContributionPlan, planContributions, planHousingFund, planSiItem } from "../cn/social/plan.js";
import { taxAnnualBonus } from "../cn/tax/bonus.js";
import { withholdLaborRemuneration } from "../cn/tax/labor.js";
import { isTaxProblem } from "../cn/tax/tax-problem.js";
import { CUMULATIVE_WAGE_TABLE, findBracket } from "../cn/tax/tax-tables.js";
import { Dec } from "../money/decimal.js";
import type { Span } from "./ast.js";
import { at } from "./compile.js";
import type { FunctionDef } from "./functions.js";
import { compileArgs, unaryNumber } from "./functions-basic.js";
import { makeProblem } from "./problems.js";
import { CellError, type Compiled } from "./types.js";

type Fn = Compiled["fn"];

const SI_ITEMS: Record<
  string,
  { side: "employee" | "employer"; key: "pension" | "medical" | "unemployment" | "injury" }
> = {
  养老: { side: "employee", key: "pension" },
  医疗: { side: "employee", key: "medical" },
  失业: { side: "employee", key: "unemployment" },
  单位养老: { side: "employer", key: "pension" },
  单位医疗: { side: "employer", key: "medical" },
  单位失业: { side: "employer", key: "unemployment" },
  单位工伤: { side: "employer", key: "injury" },
};

const PLANS = new Map<string, ContributionPlan | ContributionsProblem>();

let last: { city: string; period: string; rate: Dec | undefined; plan: ContributionPlan } | null = null;

/** The city/period/rate plan, resolved once per run-time key (at most a few hundred distinct keys). */
function planOf(city: string, period: string, span: Span, hfRate?: Dec): ContributionPlan {
  // Nearly every row asks for the same city and period as the one before: skip building the key.
  if (
    last &&
    last.city === city &&
    last.period === period &&
    (last.rate === hfRate || (last.rate && hfRate && last.rate.eq(hfRate)))
  )
    return last.plan;
  const key = `${city}\u0000${period}\u0000${hfRate?.toString() ?? ""}`;
  let p = PLANS.get(key);
  if (!p) {
    if (PLANS.size > 10_000) PLANS.clear();
    p = planContributions({ city, period, ...(hfRate ? { hfRate: hfRate.toString() } : {}) });
    PLANS.set(key, p);
  }
  if (!p.ok) throw new CellError("LOOKUP", span, p.zh, p.en);
  last = { city, period, rate: hfRate, plan: p };
  return p;
}

function contributions(city: string, period: string, base: Dec, span: Span, hfRate?: Dec) {
  if (base.sign() < 0)
    throw new CellError("VALUE", span, "缴费基数不能为负数", "the base cannot be negative");
  const r = computeContributions({
    city,
    period,
    base: base.toString(),
    ...(hfRate ? { hfRate: hfRate.toString() } : {}),
  });
  if (!r.ok) throw new CellError("LOOKUP", span, r.zh, r.en);
  return r;
}

const SOCIALINSURANCE: FunctionDef = {
  name: "SOCIALINSURANCE",
  minArgs: 4,
  maxArgs: 4,
  zh: 'SOCIALINSURANCE(城市, 期间, 基数, "养老"|"医疗"|"失业"|"单位养老"|"单位医疗"|"单位失业"|"单位工伤")：按城市当期的基数上下限和费率算一项社保，到分',
  compile: (e, st) => {
    const item = e.args[3]!;
    const spec = item.kind === "string" ? SI_ITEMS[item.value] : undefined;
    if (!spec) {
      st.problems.push(
        makeProblem(
          "VALUE",
          at(item.span),
          `社保项目应写 ${Object.keys(SI_ITEMS)
            .map((k) => `"${k}"`)
            .join("、")}`,
          `the item must be one of ${Object.keys(SI_ITEMS).join(", ")}`,
        ),
      );
      return null;
    }
    const cs = compileArgs({ ...e, args: e.args.slice(0, 3) }, st, ["text", "text", "number"]);
    if (!cs) return null;
    const [city, period, base] = cs.map((c) => c.fn) as [Fn, Fn, Fn];
    const span = e.span;
    return {
      type: "number",
      fn: (c) => {
        const b = base(c) as Dec;
        if (b.sign() < 0)
          throw new CellError("VALUE", span, "缴费基数不能为负数", "the base cannot be negative");
        const plan = planOf(city(c) as string, period(c) as string, span);
        if (c.notes) {
          const r = contributions(city(c) as string, period(c) as string, b, span);
          c.notes.push(...siNotes(r, spec.side, spec.key));
        }
        const v = planSiItem(plan, spec.side, spec.key, b);
        if (v === null || v === undefined) {
          throw new CellError(
            "LOOKUP",
            span,
            `${city(c) as string}的“${item.kind === "string" ? item.value : ""}”费率未配置，可在租户覆盖数据中按官方通知配置`,
            "rate not configured",
          );
        }
        return v;
      },
    };
  },
};

const HOUSINGFUND: FunctionDef = {
  name: "HOUSINGFUND",
  minArgs: 4,
  maxArgs: 4,
  zh: "HOUSINGFUND(城市, 期间, 基数, 比例)：住房公积金个人（= 单位）缴存额，基数按当期上下限，按元四舍五入",
  compile: (e, st) => {
    const cs = compileArgs(e, st, ["text", "text", "number", "number"]);
    if (!cs) return null;
    const [city, period, base, rate] = cs.map((c) => c.fn) as [Fn, Fn, Fn, Fn];
    const span = e.span;
    return {
      type: "number",
      fn: (c) => {
        const b = base(c) as Dec;
        if (b.sign() < 0)
          throw new CellError("VALUE", span, "缴费基数不能为负数", "the base cannot be negative");
        const plan = planOf(city(c) as string, period(c) as string, span, rate(c) as Dec);
        if (c.notes)
          c.notes.push(
            ...hfNotes(contributions(city(c) as string, period(c) as string, b, span, rate(c) as Dec)),
          );
        return planHousingFund(plan, b);
      },
    };
  },
};

const ITEM_LABEL = { pension: "养老保险", medical: "医疗保险", unemployment: "失业保险", injury: "工伤保险" };

/** The calculator's sentences about one social-insurance item: the base (clamped or not), the sum, the source. */
function siNotes(r: Contributions, side: "employee" | "employer", key: keyof typeof ITEM_LABEL): string[] {
  const label = `${side === "employee" ? "个人" : "单位"}${ITEM_LABEL[key]}`;
  const lines = r.zh.filter((l) => l.startsWith("社保缴费基数") || l.startsWith(`${label}：`));
  const src = r.sources.filter(
    (s) => s.item === `${side}.${key}` || (!s.item.startsWith("hf") && /\.(floor|cap)$/.test(s.item)),
  );
  return [...lines, ...src.map((s) => `来源：${s.label} ${s.value}，${s.source}［可信度 ${s.confidence}］`)];
}

function hfNotes(r: Contributions): string[] {
  const lines = r.zh.filter(
    (l) => l.startsWith("公积金缴存基数") || l.startsWith("住房公积金：") || l.startsWith("未指定公积金"),
  );
  const src = r.sources.filter((s) => s.item.startsWith("hf"));
  return [...lines, ...src.map((s) => `来源：${s.label} ${s.value}，${s.source}［可信度 ${s.confidence}］`)];
}

/** Tax on a cumulative taxable amount by the 7-bracket table, rounded to the 分; 0 when not positive. */
function cumulativeTax(taxable: Dec): Dec {
  if (taxable.sign() <= 0) return Dec.ZERO;
  const b = findBracket(CUMULATIVE_WAGE_TABLE, taxable);
  return taxable.mul(b.rate).sub(b.quickDeduction).round(2);
}

export const STATUTORY_FUNCTIONS: FunctionDef[] = [
  SOCIALINSURANCE,
  HOUSINGFUND,
  unaryNumber(
    "TAXCUMULATIVE",
    "TAXCUMULATIVE(累计应纳税所得额)：累计预扣法的累计应纳税额（综合所得税率表，到分）；本月预扣 = 它 − 已预扣",
    (x) => cumulativeTax(x),
  ),
  unaryNumber(
    "TAXRATE",
    "TAXRATE(累计应纳税所得额)：综合所得税率表（按月换算前的年表）中适用的税率，如 10%；不超过 0 时为 3%",
    (x) => findBracket(CUMULATIVE_WAGE_TABLE, x.sign() > 0 ? x : Dec.ZERO).rate,
  ),
  unaryNumber(
    "TAXQUICKDEDUCTION",
    "TAXQUICKDEDUCTION(累计应纳税所得额)：综合所得税率表中适用的速算扣除数，如 2520",
    (x) => findBracket(CUMULATIVE_WAGE_TABLE, x.sign() > 0 ? x : Dec.ZERO).quickDeduction,
  ),
  unaryNumber(
    "TAXBONUS",
    "TAXBONUS(全年一次性奖金)：单独计税的税额（÷12 查月度税率表，减一次速算扣除数）",
    (x, span) => {
      const r = taxAnnualBonus(x.toFixed(2));
      if (isTaxProblem(r)) throw new CellError("VALUE", span, r.zh, r.en);
      return r.tax;
    },
  ),
  unaryNumber(
    "TAXBONUSTRAP",
    "TAXBONUSTRAP(全年一次性奖金)：落在“多发少得”区间时应改发的金额（区间起点），否则 0",
    (x, span) => {
      const r = taxAnnualBonus(x.toFixed(2));
      if (isTaxProblem(r)) throw new CellError("VALUE", span, r.zh, r.en);
      return r.trap ? r.trap.payInstead : Dec.ZERO;
    },
  ),
  unaryNumber(
    "TAXLABOR",
    "TAXLABOR(劳务报酬)：每次劳务报酬预扣税额（≤4000 减 800，>4000 减 20%）",
    (x, span) => {
      const r = withholdLaborRemuneration(x.toFixed(2));
      if (isTaxProblem(r)) throw new CellError("VALUE", span, r.zh, r.en);
      return r.tax;
    },
  ),
];
