/**
 * 全年一次性奖金 tab: separate taxation of the annual bonus, with core's warning when the amount falls in a
 * 多发少得 range just above a bracket boundary, and the table of those ranges.
 * @example <BonusTab />
 */
import { bonusDeadZones, isTaxProblem, taxAnnualBonus } from "@xinsuan/core";
import { Alert, Card, Flex, Form, Input, Table, Typography } from "antd";
import { useState } from "react";
import { formatMoney } from "../../components/format";
import { AmountField, ProblemField, rateAndTaxFigures, TaxResult } from "../../components/tax-parts";
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
            <AmountField
              label={t("tax.bonus.amount")}
              error={amountProblem ? shortProblemText(amountProblem, lang) : null}
              style={{ minWidth: 220 }}
              value={amount}
              onChange={setAmount}
              testId="tax-bonus-amount"
            />
            <ProblemField
              label={t("tax.bonus.paidOn")}
              error={dateProblem ? shortProblemText(dateProblem, lang) : null}
              style={{ minWidth: 220 }}
            >
              <Input
                value={paidOn}
                onChange={(e) => setPaidOn(e.target.value)}
                placeholder="YYYY-MM-DD"
                data-testid="tax-bonus-paid-on"
              />
            </ProblemField>
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
            <TaxResult
              figures={[
                { label: t("tax.bonus.monthly"), value: ok.monthlyEquivalent.toFixed(2) },
                ...rateAndTaxFigures(t, ok, t("tax.bonus.tax"), "tax-bonus-tax"),
                { label: t("tax.bonus.net"), value: formatMoney(ok.net.toFixed(2)) },
              ]}
              explain={ok.zh}
              source={
                <>
                  {ok.source}；{t("tax.bonus.validUntil", { date: ok.validUntil })}
                </>
              }
            />
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
