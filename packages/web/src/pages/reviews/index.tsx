/**
 * 晋升 (hr/admin): pick a period, see the grade review candidates the policy's rules produced (rule, reason,
 * from → to) and 确认 / 驳回 each with a comment.
 * @example <Route path="reviews/*" element={<ReviewsPage />} />
 */
import { ArrowRightOutlined } from "@ant-design/icons";
import { Button, Card, Flex, Select, Space, Table, Tag, Tooltip, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { api, query } from "../../api/client";
import { useShowError } from "../../api/show-error";
import type { ItemsOf } from "../../api/types";
import type { Review } from "../../api/types-hr";
import type { PeriodSummary } from "../../api/types-payroll";
import { formatPeriod } from "../../components/format";
import { useLang, useT } from "../../i18n";
import { DecideModal, type ReviewDecision } from "./decide-modal";

const STATUS_COLOR: Record<string, string> = {
  pending: "processing",
  confirmed: "green",
  confirm: "green",
  rejected: "red",
  reject: "red",
};

/** The reviews page. @example <ReviewsPage /> */
export default function ReviewsPage() {
  const t = useT();
  const { lang } = useLang();
  const showError = useShowError();
  const [periods, setPeriods] = useState<string[]>([]);
  const [period, setPeriod] = useState<string | undefined>(undefined);
  const [items, setItems] = useState<Review[] | null>(null);
  const [deciding, setDeciding] = useState<{ review: Review; decision: ReviewDecision } | null>(null);

  useEffect(() => {
    api
      .get<ItemsOf<PeriodSummary>>("/api/v1/periods")
      .then((r) => {
        const ps = r.items
          .filter((p) => p.status !== null)
          .map((p) => p.period)
          .sort()
          .reverse();
        setPeriods(ps);
        setPeriod((cur) => cur ?? ps[0]);
      })
      .catch(showError);
  }, [showError]);

  const load = useCallback(async () => {
    if (!period) return;
    setItems(null);
    try {
      setItems((await api.get<ItemsOf<Review>>(`/api/v1/reviews${query({ period })}`)).items);
    } catch (e) {
      setItems([]);
      showError(e);
    }
  }, [period, showError]);

  useEffect(() => {
    void load();
  }, [load]);

  const statusLabel = (s: string) => {
    const k = `reviews.status.${s}`;
    return t(k) === k ? s : t(k);
  };

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("nav.reviews")}
        </Typography.Title>
        <Select
          style={{ minWidth: 160 }}
          value={period}
          onChange={setPeriod}
          data-testid="reviews-period"
          placeholder={t("dashboard.period")}
          options={periods.map((p) => ({ value: p, label: formatPeriod(p, lang) }))}
        />
      </Flex>
      <Typography.Text type="secondary">{t("reviews.intro")}</Typography.Text>
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Table<Review>
          rowKey="id"
          size="small"
          loading={items === null && period !== undefined}
          dataSource={items ?? []}
          data-testid="reviews-table"
          pagination={(items?.length ?? 0) > 20 ? { pageSize: 20 } : false}
          locale={{ emptyText: t("reviews.empty") }}
          columns={[
            {
              title: t("employees.no"),
              dataIndex: "employeeNo",
              width: 100,
              render: (no: string) => <Link to={`/employees/${encodeURIComponent(no)}`}>{no}</Link>,
            },
            { title: t("employees.name"), dataIndex: "name", width: 100 },
            { title: t("reviews.rule"), dataIndex: "rule", width: 140 },
            {
              title: t("reviews.grade"),
              key: "grade",
              width: 150,
              render: (_v, r) => (
                <Space size={4}>
                  <Tag>{r.fromGrade ?? "—"}</Tag>
                  <ArrowRightOutlined />
                  <Tag color="blue">{r.toGrade ?? "—"}</Tag>
                </Space>
              ),
            },
            { title: t("reviews.reason"), dataIndex: "reason" },
            {
              title: t("reviews.statusCol"),
              dataIndex: "status",
              width: 100,
              render: (s: string, r) => (
                <Tooltip
                  title={
                    r.comment || r.decidedBy ? `${r.decidedBy ?? ""} ${r.comment ?? ""}`.trim() : undefined
                  }
                >
                  <Tag color={STATUS_COLOR[s] ?? "default"}>{statusLabel(s)}</Tag>
                </Tooltip>
              ),
            },
            {
              title: "",
              key: "actions",
              width: 170,
              render: (_v, r) =>
                r.status === "pending" && (
                  <Space>
                    <Button
                      size="small"
                      type="primary"
                      data-testid={`review-confirm-${r.id}`}
                      onClick={() => setDeciding({ review: r, decision: "confirm" })}
                    >
                      {t("reviews.confirm")}
                    </Button>
                    <Button
                      size="small"
                      danger
                      data-testid={`review-reject-${r.id}`}
                      onClick={() => setDeciding({ review: r, decision: "reject" })}
                    >
                      {t("reviews.reject")}
                    </Button>
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      <DecideModal
        review={deciding?.review ?? null}
        decision={deciding?.decision ?? "confirm"}
        onClose={() => setDeciding(null)}
        onDecided={load}
      />
    </Flex>
  );
}
