/**
 * TEMPORARY placeholder of the claims page; another engineer is writing the real one and will replace this file.
 * @example <ClaimsPage />
 */
import { Card, Empty, Typography } from "antd";
import { useT } from "../../i18n";

/** Placeholder: the page title and an empty state. @example <ClaimsPage /> */
export default function ClaimsPage() {
  const t = useT();
  return (
    <Card>
      <Typography.Title level={3}>{t("nav.claims")}</Typography.Title>
      <Empty description={t("common.placeholderPage")} />
    </Card>
  );
}
