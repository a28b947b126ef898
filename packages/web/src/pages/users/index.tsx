/**
 * TEMPORARY placeholder of the users page; another engineer is writing the real one and will replace this file.
 * @example <UsersPage />
 */
import { Card, Empty, Typography } from "antd";
import { useT } from "../../i18n";

/** Placeholder: the page title and an empty state. @example <UsersPage /> */
export default function UsersPage() {
  const t = useT();
  return (
    <Card>
      <Typography.Title level={3}>{t("nav.users")}</Typography.Title>
      <Empty description={t("common.placeholderPage")} />
    </Card>
  );
}
