/**
 * The company's policies with their versions (GET /policies): effective from/to, open a version read-only, start
 * a new version from it, compare it with the version before.
 * @example <PolicyList canEdit />
 */
import { Button, Card, Empty, Skeleton, Space, Table, Tag } from "antd";
import { useEffect, useState } from "react";
import { useNavigate } from "react-router-dom";
import { api } from "../../api/client";
import { ErrorDetails } from "../../api/show-error";
import type { ItemsOf } from "../../api/types";
import type { PolicySummary, PolicyVersionInfo } from "../../api/types-policies";
import { formatDateTime } from "../../components/format";
import { useLang, useT } from "../../i18n";

const enc = encodeURIComponent;

/** The list. @example <PolicyList canEdit={false} /> */
export function PolicyList({ canEdit }: { canEdit: boolean }) {
  const t = useT();
  const { lang } = useLang();
  const nav = useNavigate();
  const [items, setItems] = useState<PolicySummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api
      .get<ItemsOf<PolicySummary>>("/api/v1/policies")
      .then((r) => setItems(r.items))
      .catch(setError);
  }, []);
  if (error !== null) return <ErrorDetails error={error} />;
  if (!items) return <Skeleton active />;
  if (items.length === 0) return <Empty description={t("policies.noPolicies")} />;

  return (
    <Space direction="vertical" style={{ width: "100%" }} size={12} data-testid="policy-list">
      {items.map((p) => {
        const versions = [...p.versions].sort((a, b) => b.version - a.version);
        return (
          <Card key={p.name} size="small" title={p.name}>
            <Table<PolicyVersionInfo>
              size="small"
              rowKey="version"
              pagination={false}
              dataSource={versions}
              columns={[
                {
                  title: t("policies.version"),
                  dataIndex: "version",
                  width: 80,
                  render: (v: number) => `v${v}`,
                },
                { title: t("policies.effectiveFrom"), dataIndex: "effectiveFrom", width: 130 },
                {
                  title: t("policies.effectiveTo"),
                  dataIndex: "effectiveTo",
                  width: 130,
                  render: (v: string | null) => v ?? <Tag color="green">{t("policies.current")}</Tag>,
                },
                {
                  title: t("policies.createdAt"),
                  dataIndex: "createdAt",
                  render: (v: string) => formatDateTime(v, lang),
                },
                {
                  title: "",
                  key: "actions",
                  render: (_, v) => {
                    const older = versions.find((o) => o.version < v.version);
                    return (
                      <Space size={0} wrap>
                        <Button
                          type="link"
                          size="small"
                          onClick={() => nav(`/policies/view?name=${enc(p.name)}&version=${v.version}`)}
                          data-testid={`policy-open-${p.name}-${v.version}`}
                        >
                          {t("policies.open")}
                        </Button>
                        {canEdit && (
                          <Button
                            type="link"
                            size="small"
                            onClick={() => nav(`/policies/edit?name=${enc(p.name)}&version=${v.version}`)}
                            data-testid={`policy-branch-${p.name}-${v.version}`}
                          >
                            {t("policies.newVersion")}
                          </Button>
                        )}
                        {older && (
                          <Button
                            type="link"
                            size="small"
                            onClick={() =>
                              nav(`/policies/diff?name=${enc(p.name)}&a=${older.version}&b=${v.version}`)
                            }
                          >
                            {t("policies.compareWith", { v: older.version })}
                          </Button>
                        )}
                      </Space>
                    );
                  },
                },
              ]}
            />
          </Card>
        );
      })}
    </Space>
  );
}
