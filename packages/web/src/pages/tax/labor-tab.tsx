/**
 * 劳务报酬 tab: one payment → deduction, taxable amount, rate and the tax withheld.
 * @example <LaborTab />
 */
import { isTaxProblem, withholdLaborRemuneration } from "@xinsuan/core";
import { Card, Descriptions, Form, Input, Typography } from "antd";
import { useState } from "react";
import { formatMoney, formatNumber } from "../../components/format";
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
        <Form.Item
          label={t("tax.labor.amount")}
          validateStatus={problem ? "error" : undefined}
          help={problem ? shortProblemText(problem, lang) : undefined}
        >
          <Input
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            inputMode="decimal"
            prefix="¥"
            placeholder={t("tax.enterAmount")}
            style={{ maxWidth: 240 }}
            data-testid="tax-labor-amount"
          />
        </Form.Item>
      </Form>
      {ok && (
        <>
          <Descriptions column={{ xs: 1, sm: 2 }} size="small" bordered>
            <Descriptions.Item label={t("tax.labor.deduction")}>
              {formatMoney(ok.deduction.toFixed(2))}
            </Descriptions.Item>
            <Descriptions.Item label={t("tax.labor.taxable")}>
              {formatNumber(ok.taxable.toString())}
            </Descriptions.Item>
            <Descriptions.Item label={t("tax.rate")}>{ok.rate}</Descriptions.Item>
            <Descriptions.Item label={t("tax.quickDeduction")}>
              {ok.quickDeduction.toString()}
            </Descriptions.Item>
            <Descriptions.Item label={t("tax.labor.tax")}>
              <Typography.Text strong data-testid="tax-labor-tax">
                {formatMoney(ok.tax.toFixed(2))}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t("tax.labor.net")}>
              {formatMoney(ok.amount.sub(ok.tax).toFixed(2))}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph style={{ marginTop: 16 }}>
            <Typography.Text type="secondary">{t("tax.explain")}：</Typography.Text>
            {ok.zh}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t("tax.source")}：{ok.source}
          </Typography.Paragraph>
        </>
      )}
    </Card>
  );
}
