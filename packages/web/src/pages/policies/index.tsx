/**
 * TEMPORARY placeholder of the policies page; another engineer is writing the real one and will replace this file.
 * @example <PoliciesPage />
 */
import { Card, Empty, Typography } from "antd";
import { useT } from "../../i18n";

/** Placeholder: the page title and an empty state. @example <PoliciesPage /> */
export default function PoliciesPage() {
  const t = useT();
  return (
    <Card>
      <Typography.Title level={3}>{t("nav.policies")}</Typography.Title>
      <Empty description={t("common.placeholderPage")} />
    </Card>
  );
}
