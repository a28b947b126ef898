/**
 * The claims queue: pending claims first (oldest first), then decided ones (newest first), with 通过 / 驳回 on
 * each pending claim.
 * @example <ClaimsTable items={claims} onDecide={(c, d) => open(c, d)} />
 */
import { Button, Space, Table, Tag, Typography } from "antd";
import type { Claim } from "../../api/types-policies";
import { formatDateTime, formatNumber, formatPeriod } from "../../components/format";
import { useLang, useT } from "../../i18n";
import type { Decision } from "./decide-modal";

const COLORS: Record<string, string> = { pending: "gold", approved: "green", rejected: "red" };

/** Pending first (oldest submitted first), the rest newest first. @example sortClaims(list)[0]?.status === "pending" */
export function sortClaims(items: Claim[]): Claim[] {
  const pending = items
    .filter((c) => c.status === "pending")
    .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
  const rest = items
    .filter((c) => c.status !== "pending")
    .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
  return [...pending, ...rest];
}

type Props = {
  items: Claim[] | null;
  onDecide: (c: Claim, d: Decision) => void;
  /** The signed-in user's own 工号: their own claims are decided by someone else (the server refuses). */
  selfNo?: string | null;
};

/** The table. @example <ClaimsTable items={list} onDecide={f} /> */
export function ClaimsTable({ items, onDecide, selfNo = null }: Props) {
  const t = useT();
  const { lang } = useLang();
  const statusLabel = (s: string) => {
    const key = `claims.status.${s}`;
    const text = t(key);
    return text === key ? s : text;
  };
  return (
    <Table<Claim>
      size="small"
      rowKey="id"
      loading={items === null}
      dataSource={sortClaims(items ?? [])}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      scroll={{ x: "max-content" }}
      data-testid="claims-table"
      locale={{ emptyText: t("claims.empty") }}
      columns={[
        {
          title: t("claims.col.employee"),
          key: "employee",
          render: (_, c) => `${c.employeeName}（${c.employeeNo}）`,
        },
        { title: t("claims.col.period"), dataIndex: "period", render: (p: string) => formatPeriod(p, lang) },
        { title: t("claims.col.input"), dataIndex: "input" },
        {
          title: t("claims.col.quantity"),
          dataIndex: "quantity",
          align: "right",
          render: (q: string) => formatNumber(String(q)),
        },
        { title: t("claims.col.evidence"), dataIndex: "evidence" },
        { title: t("claims.col.note"), dataIndex: "note", render: (n: string | null) => n ?? "" },
        {
          title: t("claims.col.status"),
          dataIndex: "status",
          render: (s: string, c) => (
            <Space direction="vertical" size={0}>
              <Tag color={COLORS[s] ?? "default"}>{statusLabel(s)}</Tag>
              {c.comment && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {c.comment}
                </Typography.Text>
              )}
            </Space>
          ),
        },
        {
          title: t("claims.col.submitted"),
          key: "submitted",
          render: (_, c) => (
            <Space direction="vertical" size={0}>
              <span>{formatDateTime(c.submittedAt, lang)}</span>
              {c.decidedAt && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t("claims.decidedBy", {
                    name: c.decidedBy ?? "",
                    time: formatDateTime(c.decidedAt, lang),
                  })}
                </Typography.Text>
              )}
            </Space>
          ),
        },
        {
          title: "",
          key: "actions",
          fixed: "right",
          render: (_, c) =>
            c.status === "pending" && c.employeeNo === selfNo ? (
              <Typography.Text type="secondary" data-testid={`claim-own-${c.id}`}>
                {t("claims.ownClaim")}
              </Typography.Text>
            ) : c.status === "pending" ? (
              <Space>
                <Button
                  size="small"
                  type="primary"
                  onClick={() => onDecide(c, "approve")}
                  data-testid={`claim-approve-${c.id}`}
                >
                  {t("claims.approve")}
                </Button>
                <Button
                  size="small"
                  danger
                  onClick={() => onDecide(c, "reject")}
                  data-testid={`claim-reject-${c.id}`}
                >
                  {t("claims.reject")}
                </Button>
              </Space>
            ) : null,
        },
      ]}
    />
  );
}
