/**
 * 工资薪金（累计预扣）tab: a year of monthly income, 社保公积金个人部分 and 专项附加扣除 → each month's cumulative
 * figures and the tax withheld, computed with core's withholdWages.
 * @example <WagesTab />
 */
import { Dec, isTaxProblem, type WageMonthResult, withholdWages } from "@xinsuan/core";
import { Alert, Button, Card, Checkbox, Flex, Form, InputNumber, Select, Statistic, Typography } from "antd";
import { useState } from "react";
import { formatMoney } from "../../components/format";
import { useLang, useT } from "../../i18n";
import { problemText, shortProblemText } from "./problem-text";
import {
  initialRows,
  locateProblem,
  toWageInput,
  type WageField,
  type WageRow,
  type WageSettings,
} from "./wage-rows";
import { WageTable } from "./wage-table";

/** The wage calculator. @example <WagesTab /> */
export function WagesTab() {
  const t = useT();
  const { lang } = useLang();
  const [s, setS] = useState<WageSettings>(() => ({
    taxYear: Math.min(2100, Math.max(2019, new Date().getFullYear())),
    hireMonth: 1,
    firstWage: false,
    lowIncome: false,
  }));
  const [rows, setRows] = useState<WageRow[]>(initialRows);

  const result = withholdWages(toWageInput(s, rows));
  const problem = isTaxProblem(result) ? result : null;
  const at = problem ? locateProblem(problem, s.hireMonth) : null;
  const byMonth = new Map<number, WageMonthResult>();
  if (!isTaxProblem(result)) for (const m of result.months) byMonth.set(m.month, m);

  const setCell = (month: number, field: WageField, value: string) =>
    setRows((prev) => prev.map((r, i) => (i === month - 1 ? { ...r, [field]: value } : r)));
  const fillDown = () =>
    setRows((prev) => {
      const first = prev[s.hireMonth - 1];
      return first ? prev.map((r, i) => (i >= s.hireMonth ? { ...first } : r)) : prev;
    });

  let totalAfterTax: Dec | null = null;
  if (!isTaxProblem(result)) {
    totalAfterTax = result.months.reduce((sum, m) => {
      const r = rows[m.month - 1];
      const special = r?.special.trim() ? Dec.parse(r.special.trim()) : Dec.ZERO;
      return sum
        .add(Dec.parse(r?.income.trim() ?? "0"))
        .sub(special)
        .sub(m.taxWithheld);
    }, Dec.ZERO);
  }
  const monthOptions = Array.from({ length: 12 }, (_, i) => ({
    value: i + 1,
    label: t("tax.monthN", { n: i + 1 }),
  }));

  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Form layout="inline" style={{ rowGap: 8 }}>
          <Form.Item label={t("tax.year")}>
            <InputNumber
              min={2019}
              max={2100}
              precision={0}
              value={s.taxYear}
              onChange={(v) => typeof v === "number" && setS({ ...s, taxYear: v })}
              data-testid="tax-wages-year"
            />
          </Form.Item>
          <Form.Item label={t("tax.hireMonth")} tooltip={t("tax.hireMonthHint")}>
            <Select
              style={{ width: 100 }}
              value={s.hireMonth}
              options={monthOptions}
              onChange={(v) => setS({ ...s, hireMonth: v })}
              data-testid="tax-wages-hire-month"
            />
          </Form.Item>
          <Form.Item style={{ maxWidth: "100%" }}>
            <Checkbox
              style={{ whiteSpace: "normal" }}
              checked={s.firstWage}
              onChange={(e) => setS({ ...s, firstWage: e.target.checked })}
            >
              {t("tax.firstWage")}
            </Checkbox>
          </Form.Item>
          <Form.Item style={{ maxWidth: "100%" }}>
            <Checkbox
              style={{ whiteSpace: "normal" }}
              checked={s.lowIncome}
              onChange={(e) => setS({ ...s, lowIncome: e.target.checked })}
            >
              {t("tax.lowIncome")}
            </Checkbox>
          </Form.Item>
        </Form>
        {problem && !at && (
          <Alert
            type="error"
            showIcon
            title={problemText(problem, lang)}
            style={{ marginTop: 8 }}
            data-testid="tax-problem"
          />
        )}
      </Card>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Button size="small" onClick={fillDown}>
          {t("tax.fillDown", { month: t("tax.monthN", { n: s.hireMonth }) })}
        </Button>
      </Flex>
      <WageTable
        hireMonth={s.hireMonth}
        rows={rows}
        results={byMonth}
        problem={problem && at ? { ...at, text: shortProblemText(problem, lang) } : null}
        onChange={setCell}
      />
      {!isTaxProblem(result) && (
        <Card size="small">
          <Flex gap={32} wrap>
            <Statistic
              title={t("tax.total")}
              value={formatMoney(result.totalWithheld.toFixed(2))}
              styles={{ content: { fontSize: 22 } }}
              data-testid="tax-wages-total"
            />
            <Statistic
              title={t("tax.totalAfterTax")}
              value={totalAfterTax ? formatMoney(totalAfterTax.toFixed(2)) : "—"}
              styles={{ content: { fontSize: 22 } }}
            />
            <div style={{ flex: "1 1 280px", minWidth: 0 }}>
              <Typography.Text type="secondary">{t("tax.rule")}</Typography.Text>
              <div>{t(`tax.rule.${result.basicDeductionRule}`)}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {result.basicDeductionSource}
              </Typography.Text>
            </div>
          </Flex>
        </Card>
      )}
    </Flex>
  );
}
