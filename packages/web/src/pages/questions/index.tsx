/**
 * TEMPORARY placeholder of the questions page; another engineer is writing the real one and will replace this file.
 * @example <QuestionsPage />
 */
import { Card, Empty, Typography } from "antd";
import { useT } from "../../i18n";

/** Placeholder: the page title and an empty state. @example <QuestionsPage /> */
export default function QuestionsPage() {
  const t = useT();
  return (
    <Card>
      <Typography.Title level={3}>{t("nav.questions")}</Typography.Title>
      <Empty description={t("common.placeholderPage")} />
    </Card>
  );
}
