/**
 * 劳务报酬 tab: one payment → deduction, taxable amount, rate and the tax withheld.
 * @example <LaborTab />
 */
import { isTaxProblem, withholdLaborRemuneration } from "@xinsuan/core";
import { Card, Form } from "antd";
import { useState } from "react";
import { formatMoney, formatNumber } from "../../components/format";
import { AmountField, rateAndTaxFigures, TaxResult } from "../../components/tax-parts";
import { useLang, useT } from "../../i18n";
import { shortProblemText } from "./problem-text";

/** The labour-remuneration calculator. @example <LaborTab /> */
export function LaborTab() {
  const t = useT();
  const { lang } = useLang();
  const [amount, setAmount] = useState("5000");
  const r = amount.trim() === "" ? null : withholdLaborRemuneration(amount.trim());
  const problem = isTaxProblem(r) ? r : null;
  const ok = r && !isTaxProblem(r) ? r : null;
  return (
    <Card style={{ maxWidth: 720 }}>
      <Form layout="vertical">
        <AmountField
          label={t("tax.labor.amount")}
          error={problem ? shortProblemText(problem, lang) : null}
          value={amount}
          onChange={setAmount}
          inputStyle={{ maxWidth: 240 }}
          testId="tax-labor-amount"
        />
      </Form>
      {ok && (
        <TaxResult
          figures={[
            { label: t("tax.labor.deduction"), value: formatMoney(ok.deduction.toFixed(2)) },
            { label: t("tax.labor.taxable"), value: formatNumber(ok.taxable.toString()) },
            ...rateAndTaxFigures(t, ok, t("tax.labor.tax"), "tax-labor-tax"),
            { label: t("tax.labor.net"), value: formatMoney(ok.amount.sub(ok.tax).toFixed(2)) },
          ]}
          explain={ok.zh}
          source={ok.source}
        />
      )}
    </Card>
  );
}
