/**
 * Expands a policy's `statutory:` section into ordinary policy parts (inputs, params, calcs, state, items) so the
 * engine, the batch path and the explainer treat 社保、公积金 and 个税 like any other line: each line explained
 * step by step, the year-to-date tax ledger carried as employee state. Generated parts point back at the
 * `statutory` lines for positions.
 * @example expandStatutory(loaded).loaded.doc.items.map((i) => i.name) // [..., "个人养老保险", ..., "个人所得税"]
 */
import type { Location, Problem } from "../formula/problems.js";
import type { LoadedPolicy, YamlPath } from "./load.js";
import type { ItemDoc, PolicyDoc, StatutoryDoc } from "./schema.js";
import { SI_ITEMS, taxParts } from "./statutory-parts.js";

type Origin = { path: YamlPath; formula?: YamlPath };

/** Names the statutory section adds; a policy that defines one of them gets a clear error. */
function generate(
  st: StatutoryDoc,
  overtimeItems: string[],
  hasBonus: boolean,
): { doc: Partial<PolicyDoc>; origins: Map<string, Origin> } {
  const origins = new Map<string, Origin>();
  const inputs: PolicyDoc["inputs"] = {};
  const params: PolicyDoc["params"] = {};
  const calcs: PolicyDoc["calcs"] = {};
  const state: PolicyDoc["state"] = {};
  const items: ItemDoc[] = [];
  const S = ["statutory"];
  const mark = (key: string, path: YamlPath, formula?: YamlPath) =>
    origins.set(key, formula ? { path, formula } : { path });

  calcs.参保地 = {
    formula: `IF(参保城市 = "", ${JSON.stringify(st.city)}, 参保城市)`,
    display: "text",
    description: `员工信息“参保城市”；未填时取方案的参保城市 ${st.city}`,
  };
  mark("calcs.参保地", [...S, "city"]);
  const si = st.socialInsurance;
  const hf = st.housingFund;
  const withholdings: string[] = [];
  if (si !== false) {
    const P = [...S, "socialInsurance"];
    const applies = si.applies ?? 'AND(用工类型 <> "实习", 用工类型 <> "非全日制")';
    calcs.参加社保 = {
      formula: String(applies),
      display: "boolean",
      description: si.applies === undefined ? "除实习、非全日制外都参加社保" : "方案规定的参保范围",
    };
    mark("calcs.参加社保", P, si.applies === undefined ? undefined : [...P, "applies"]);
    inputs.缴费基数 = {
      type: "money",
      min: 0,
      description: "社保月缴费基数（通常为上年度月平均工资），计算时按参保地当期上下限调整",
      fallback: si.base ?? 'IF(参加社保, ERROR("参加社保的员工须填写“缴费基数”列"), 0)',
    };
    mark("inputs.缴费基数", P, si.base === undefined ? undefined : [...P, "base"]);
    for (const [name, kind, label] of SI_ITEMS) {
      items.push({
        name,
        kind: "withholding",
        formula: `IF(参加社保, SOCIALINSURANCE(参保地, 期间, 缴费基数, "${kind}"), 0)`,
        explain: `${label}个人部分 = 缴费基数（按参保地当期上下限调整）× 个人费率${kind === "医疗" ? "（北京另加每月 3 元）" : ""}，按分四舍五入`,
      });
      mark(`items.${name}`, P);
      withholdings.push(name);
    }
  }
  if (hf !== false) {
    const P = [...S, "housingFund"];
    const applies =
      hf.applies ?? (si !== false ? "参加社保" : 'AND(用工类型 <> "实习", 用工类型 <> "非全日制")');
    calcs.参加公积金 = { formula: String(applies), display: "boolean", description: "住房公积金缴存范围" };
    mark("calcs.参加公积金", P, hf.applies === undefined ? undefined : [...P, "applies"]);
    params.公积金缴存比例 = {
      value: typeof hf.rate === "number" ? hf.rate : hf.rate,
      type: "ratio",
      description: "住房公积金单位、个人缴存比例（各 5%–12%）",
    };
    mark("params.公积金缴存比例", [...P, "rate"]);
    inputs.公积金基数 = {
      type: "money",
      min: 0,
      description: "住房公积金月缴存基数；不填时同缴费基数（计算时按当期上下限调整）",
      fallback: hf.base ?? (si !== false ? "缴费基数" : 'IF(参加公积金, ERROR("须填写“公积金基数”列"), 0)'),
    };
    mark("inputs.公积金基数", P, hf.base === undefined ? undefined : [...P, "base"]);
    items.push({
      name: "个人住房公积金",
      kind: "withholding",
      formula: "IF(参加公积金, HOUSINGFUND(参保地, 期间, 公积金基数, 公积金缴存比例), 0)",
      explain: "住房公积金个人部分 = 公积金基数（按当期上下限调整）× 缴存比例，单位、个人各自按元四舍五入",
    });
    mark("items.个人住房公积金", P);
    withholdings.push("个人住房公积金");
  }
  if (st.employerCost && (si !== false || hf !== false)) {
    const parts = [
      ...(si !== false
        ? [
            `IF(参加社保, ${["单位养老", "单位医疗", "单位失业", "单位工伤"].map((k) => `SOCIALINSURANCE(参保地, 期间, 缴费基数, "${k}")`).join(" + ")}, 0)`,
          ]
        : []),
      ...(hf !== false ? ["IF(参加公积金, HOUSINGFUND(参保地, 期间, 公积金基数, 公积金缴存比例), 0)"] : []),
    ];
    items.push({
      name: "单位社保公积金",
      kind: "info",
      formula: parts.join(" + "),
      display: "money",
      explain: "单位承担的养老、医疗、失业、工伤保险和住房公积金（人工成本，不从工资中扣）",
    });
    mark("items.单位社保公积金", [...S, "employerCost"]);
  }
  const checks: PolicyDoc["checks"] = [];
  if (st.minimumWage !== false) {
    const P = [...S, "minimumWage"];
    const mw = st.minimumWage;
    calcs.最低工资标准 = {
      formula: "MINWAGE(参保地, 期间)",
      display: "money",
      description: "参保地当期月最低工资标准",
    };
    mark("calcs.最低工资标准", P);
    const minus = [
      ...overtimeItems,
      ...(withholdings.length ? [`IF(MINWAGEEXCLUDESSI(参保地, 期间), ${withholdings.join(" + ")}, 0)`] : []),
    ];
    calcs.最低工资比较额 = {
      formula: mw.wage ?? ["应发工资", ...minus].join(" - "),
      display: "money",
      description: "与最低工资比较的工资：应发工资扣除加班工资；北京、上海等地还扣除个人缴纳的社保和公积金",
    };
    mark("calcs.最低工资比较额", P, mw.wage === undefined ? undefined : [...P, "wage"]);
    calcs.最低工资检查范围 = {
      formula: String(
        mw.applies ??
          'AND(用工类型 <> "非全日制", 用工类型 <> "实习", OR(ISBLANK(入职日期), 入职日期 <= 期间开始), OR(ISBLANK(离职日期), 离职日期 >= 期间结束))',
      ),
      display: "boolean",
      description: "整月在职的全日制员工（非全日制按小时最低工资另行核对）",
    };
    mark("calcs.最低工资检查范围", P, mw.applies === undefined ? undefined : [...P, "applies"]);
    checks.push({
      name: "低于最低工资",
      when: "AND(最低工资检查范围, 最低工资比较额 < 最低工资标准)",
      message:
        "本月工资 {最低工资比较额}（已扣除加班工资等）低于{参保地}当期最低工资标准 {最低工资标准}；如本月有事假、旷工等未提供正常劳动的时间，核对后可忽略",
      ref: "《最低工资规定》第十二条；《劳动法》第四十八条",
    });
    mark("checks.低于最低工资", P);
  }
  const tax = taxParts(st.tax, withholdings, hasBonus);
  Object.assign(params, tax.params);
  Object.assign(inputs, tax.inputs);
  Object.assign(calcs, tax.calcs);
  Object.assign(state, tax.state);
  items.push(...tax.items);
  checks.push(...tax.checks);
  for (const k of [
    ...Object.keys(tax.params).map((n) => `params.${n}`),
    ...Object.keys(tax.inputs).map((n) => `inputs.${n}`),
    ...Object.keys(tax.calcs).map((n) => `calcs.${n}`),
    ...Object.keys(tax.state).map((n) => `state.${n}`),
    ...tax.items.map((i) => `items.${i.name}`),
    ...tax.checks.map((c) => `checks.${c.name}`),
  ])
    mark(k, [...S, "tax"]);
  return { doc: { inputs, params, calcs, state, items, checks }, origins };
}

/**
 * Returns the policy with its statutory parts added and positions mapped back to the `statutory` section, or
 * problems when the policy already uses a name the section needs.
 * @example const { loaded: full, problems } = expandStatutory(loaded)
 */
export function expandStatutory(loaded: LoadedPolicy): { loaded: LoadedPolicy; problems: Problem[] } {
  const st = loaded.doc.statutory;
  if (!st) return { loaded, problems: [] };
  const doc = loaded.doc;
  const overtime = doc.items
    .filter((i) => i.kind === "earning" && i.name.includes("加班"))
    .map((i) => i.name);
  const hasBonus = doc.items.some((i) => i.kind === "earning" && i.tax === "全年一次性奖金");
  const { doc: gen, origins } = generate(st, overtime, hasBonus);
  const problems: Problem[] = [];
  const taken = new Set([
    ...Object.keys(doc.inputs),
    ...Object.keys(doc.params),
    ...Object.keys(doc.tables),
    ...Object.keys(doc.calcs),
    ...Object.keys(doc.state),
    ...Object.keys(doc.scorecards),
    ...doc.items.map((i) => i.name),
    ...doc.checks.map((c) => c.name),
  ]);
  for (const key of origins.keys()) {
    const name = key.slice(key.indexOf(".") + 1);
    if (!taken.has(name)) continue;
    const at = loaded.locate(origins.get(key)!.path) ?? { file: loaded.file, line: 1, column: 1 };
    problems.push({
      code: "DUPLICATE_NAME",
      severity: "error",
      at,
      zh: `“${name}”由法定项目（statutory）自动生成，方案里不能再定义同名的项；请删除或改名`,
      en: `"${name}" is generated by the statutory section; remove or rename the policy's own "${name}"`,
    });
  }
  if (problems.length) return { loaded, problems };
  const last = doc.items.reduce((k, it, i) => (it.kind === "info" ? k : i + 1), 0);
  const items = [...doc.items.slice(0, last), ...gen.items!, ...doc.items.slice(last)];
  const register = doc.register ? withStatutoryColumns(doc.register, gen.items!) : undefined;
  const full: PolicyDoc = {
    ...doc,
    params: { ...doc.params, ...gen.params },
    inputs: { ...doc.inputs, ...gen.inputs },
    calcs: { ...doc.calcs, ...gen.calcs },
    state: { ...doc.state, ...gen.state },
    items,
    checks: [...doc.checks, ...gen.checks!],
    ...(register ? { register } : {}),
  };
  const generatedItems = new Set(gen.items!.map((i) => i.name));
  const originOf = (path: YamlPath): Origin | undefined => {
    if (path[0] === "items" && typeof path[1] === "number") {
      const it = items[path[1]];
      return it && generatedItems.has(it.name) ? origins.get(`items.${it.name}`) : undefined;
    }
    if (path[0] === "checks" && typeof path[1] === "number") {
      const c = full.checks[path[1]];
      return path[1] >= doc.checks.length && c ? origins.get(`checks.${c.name}`) : undefined;
    }
    return origins.get(`${String(path[0])}.${String(path[1])}`);
  };
  // Items after the generated ones moved; map their paths back to the file's indexes.
  const fileIndex = (path: YamlPath): YamlPath => {
    if (path[0] !== "items" || typeof path[1] !== "number" || path[1] < last) return path;
    return ["items", path[1] - gen.items!.length, ...path.slice(2)];
  };
  const isFormula = (path: YamlPath) => ["formula", "fallback"].includes(String(path[path.length - 1]));
  const locate = (path: YamlPath): Location | undefined => {
    const o = originOf(path);
    if (!o) return loaded.locate(fileIndex(path));
    return loaded.locate(isFormula(path) && o.formula ? o.formula : o.path);
  };
  return {
    loaded: {
      ...loaded,
      doc: full,
      locate,
      locateKey: (path) => (originOf(path) ? locate(path) : loaded.locateKey(fileIndex(path))),
      locateInFormula: (path, line, column) => {
        const o = originOf(path);
        if (!o) return loaded.locateInFormula(fileIndex(path), line, column);
        return o.formula ? loaded.locateInFormula(o.formula, line, column) : loaded.locate(o.path);
      },
    },
    problems,
  };
}

function withStatutoryColumns(register: string[], gen: ItemDoc[]): string[] {
  const missing = gen.map((i) => i.name).filter((n) => !register.includes(n));
  const at = register.findIndex((c) => c === "扣款合计" || c === "实发工资");
  return at < 0 ? [...register, ...missing] : [...register.slice(0, at), ...missing, ...register.slice(at)];
}
