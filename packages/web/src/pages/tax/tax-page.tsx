/**
 * /tax: 个税计算器 computed in the browser with @xinsuan/core — wages (cumulative withholding month by month),
 * the annual one-off bonus (with the tax-trap warning) and labour remuneration.
 * @example <Route path="tax" element={<TaxPage />} />
 */
import { Tabs, Typography } from "antd";
import { useT } from "../../i18n";
import { BonusTab } from "./bonus-tab";
import { LaborTab } from "./labor-tab";
import { WagesTab } from "./wages-tab";

/** The tax calculator page. @example <TaxPage /> */
export default function TaxPage() {
  const t = useT();
  return (
    <div style={{ maxWidth: 1280 }}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t("tax.title")}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t("tax.intro")}</Typography.Paragraph>
      <Tabs
        items={[
          { key: "wages", label: t("tax.tab.wages"), children: <WagesTab /> },
          { key: "bonus", label: t("tax.tab.bonus"), children: <BonusTab /> },
          { key: "labor", label: t("tax.tab.labor"), children: <LaborTab /> },
        ]}
      />
    </div>
  );
}
