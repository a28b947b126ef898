/**
 * TEMPORARY placeholder of the team page; another engineer is writing the real one and will replace this file.
 * @example <TeamPage />
 */
import { Card, Empty, Typography } from "antd";
import { useT } from "../../i18n";

/** Placeholder: the page title and an empty state. @example <TeamPage /> */
export default function TeamPage() {
  const t = useT();
  return (
    <Card>
      <Typography.Title level={3}>{t("nav.team")}</Typography.Title>
      <Empty description={t("common.placeholderPage")} />
    </Card>
  );
}
