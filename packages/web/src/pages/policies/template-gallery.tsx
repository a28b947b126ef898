/**
 * The template gallery: one card per built-in template (GET /templates) with 用此模板新建.
 * @example <TemplateGallery canEdit />
 */
import { FileAddOutlined } from "@ant-design/icons";
import { Button, Card, Col, Empty, Row, Skeleton, Typography } from "antd";
import { useEffect, useState } from "react";
import { useNavigate } from "react-router-dom";
import { api } from "../../api/client";
import { ErrorDetails } from "../../api/show-error";
import type { ItemsOf } from "../../api/types";
import type { TemplateSummary } from "../../api/types-policies";
import { useT } from "../../i18n";

/** The gallery. @example <TemplateGallery canEdit={false} /> */
export function TemplateGallery({ canEdit }: { canEdit: boolean }) {
  const t = useT();
  const nav = useNavigate();
  const [items, setItems] = useState<TemplateSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api
      .get<ItemsOf<TemplateSummary>>("/api/v1/templates")
      .then((r) => setItems(r.items))
      .catch(setError);
  }, []);
  if (error !== null) return <ErrorDetails error={error} />;
  if (!items) return <Skeleton active />;
  if (items.length === 0) return <Empty description={t("policies.noTemplates")} />;
  return (
    <Row gutter={[12, 12]} data-testid="template-gallery">
      {items.map((tpl) => (
        <Col key={tpl.id} xs={24} md={12} xl={8}>
          <Card
            size="small"
            title={tpl.name}
            style={{ height: "100%" }}
            data-testid={`template-${tpl.id}`}
            actions={
              canEdit
                ? [
                    <Button
                      key="use"
                      type="link"
                      icon={<FileAddOutlined />}
                      onClick={() => nav(`/policies/edit?template=${encodeURIComponent(tpl.id)}`)}
                      data-testid={`template-use-${tpl.id}`}
                    >
                      {t("policies.useTemplate")}
                    </Button>,
                  ]
                : undefined
            }
          >
            <Typography.Paragraph
              type="secondary"
              ellipsis={{ rows: 4, expandable: true, symbol: t("policies.more") }}
              style={{ marginBottom: 0 }}
            >
              {tpl.description}
            </Typography.Paragraph>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
