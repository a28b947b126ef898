/**
 * 全年一次性奖金 tab: separate taxation of the annual bonus, with core's warning when the amount falls in a
 * 多发少得 range just above a bracket boundary, and the table of those ranges.
 * @example <BonusTab />
 */
import { bonusDeadZones, isTaxProblem, taxAnnualBonus } from "@xinsuan/core";
import { Alert, Card, Descriptions, Flex, Form, Input, Table, Typography } from "antd";
import { useState } from "react";
import { formatMoney } from "../../components/format";
import { useLang, useT } from "../../i18n";
import { shortProblemText } from "./problem-text";

/** The 6 dead zones as table rows. */
function zoneRows() {
  return bonusDeadZones().map((z) => ({
    key: z.boundary.toFixed(2),
    boundary: formatMoney(z.boundary.toFixed(2)),
    zoneEnd: formatMoney(z.zoneEnd.toFixed(2)),
    netAtBoundary: formatMoney(z.netAtBoundary.toFixed(2)),
  }));
}

/** The annual-bonus calculator. @example <BonusTab /> */
export function BonusTab() {
  const t = useT();
  const { lang } = useLang();
  const [amount, setAmount] = useState("38000");
  const [paidOn, setPaidOn] = useState("");
  const r =
    amount.trim() === ""
      ? null
      : taxAnnualBonus(amount.trim(), { paidOn: paidOn.trim() ? paidOn.trim() : null });
  const problem = isTaxProblem(r) ? r : null;
  const amountProblem = problem && problem.path !== "paidOn" ? problem : null;
  const dateProblem = problem && problem.path === "paidOn" ? problem : null;
  const ok = r && !isTaxProblem(r) ? r : null;

  return (
    <Flex vertical gap={16} style={{ maxWidth: 720 }}>
      <Card>
        <Form layout="vertical">
          <Flex gap={16} wrap>
            <Form.Item
              label={t("tax.bonus.amount")}
              validateStatus={amountProblem ? "error" : undefined}
              help={amountProblem ? shortProblemText(amountProblem, lang) : undefined}
              style={{ minWidth: 220 }}
            >
              <Input
                value={amount}
                onChange={(e) => setAmount(e.target.value)}
                inputMode="decimal"
                prefix="¥"
                placeholder={t("tax.enterAmount")}
                data-testid="tax-bonus-amount"
              />
            </Form.Item>
            <Form.Item
              label={t("tax.bonus.paidOn")}
              validateStatus={dateProblem ? "error" : undefined}
              help={dateProblem ? shortProblemText(dateProblem, lang) : undefined}
              style={{ minWidth: 220 }}
            >
              <Input
                value={paidOn}
                onChange={(e) => setPaidOn(e.target.value)}
                placeholder="YYYY-MM-DD"
                data-testid="tax-bonus-paid-on"
              />
            </Form.Item>
          </Flex>
        </Form>
        {ok && (
          <>
            {ok.trap && (
              <Alert
                type="warning"
                showIcon
                title={t("tax.bonus.trap")}
                description={
                  <>
                    <div>{ok.trap.zh}</div>
                    <Typography.Text strong>
                      {t("tax.bonus.payInstead", { amount: formatMoney(ok.trap.payInstead.toFixed(2)) })}
                    </Typography.Text>
                  </>
                }
                style={{ marginBottom: 16 }}
                data-testid="tax-bonus-trap"
              />
            )}
            <Descriptions column={{ xs: 1, sm: 2 }} size="small" bordered>
              <Descriptions.Item label={t("tax.bonus.monthly")}>
                {ok.monthlyEquivalent.toFixed(2)}
              </Descriptions.Item>
              <Descriptions.Item label={t("tax.rate")}>{ok.rate}</Descriptions.Item>
              <Descriptions.Item label={t("tax.quickDeduction")}>
                {ok.quickDeduction.toString()}
              </Descriptions.Item>
              <Descriptions.Item label={t("tax.bonus.tax")}>
                <Typography.Text strong data-testid="tax-bonus-tax">
                  {formatMoney(ok.tax.toFixed(2))}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t("tax.bonus.net")}>
                {formatMoney(ok.net.toFixed(2))}
              </Descriptions.Item>
            </Descriptions>
            <Typography.Paragraph style={{ marginTop: 16 }}>
              <Typography.Text type="secondary">{t("tax.explain")}：</Typography.Text>
              {ok.zh}
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t("tax.source")}：{ok.source}；{t("tax.bonus.validUntil", { date: ok.validUntil })}
            </Typography.Paragraph>
          </>
        )}
      </Card>
      <Card title={t("tax.bonus.zones")} size="small">
        <Table
          size="small"
          pagination={false}
          dataSource={zoneRows()}
          columns={[
            { title: t("tax.bonus.boundary"), dataIndex: "boundary", align: "right" },
            { title: t("tax.bonus.zoneEnd"), dataIndex: "zoneEnd", align: "right" },
            { title: t("tax.bonus.netAtBoundary"), dataIndex: "netAtBoundary", align: "right" },
          ]}
        />
      </Card>
    </Flex>
  );
}
