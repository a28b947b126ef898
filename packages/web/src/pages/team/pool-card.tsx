/**
 * The team pool split of a period (GET /teams/:id/pool): each member's share and amount as a table and a pie,
 * or a note when the policy has no team pool.
 * @example <PoolCard teamId="t1" period="2026-10" />
 */
import { Dec } from "@xinsuan/core";
import { Card, Col, Empty, Row, Skeleton, Statistic, Table } from "antd";
import { useEffect, useState } from "react";
import { api, isApiError, query } from "../../api/client";
import { ErrorDetails } from "../../api/show-error";
import type { TeamPool } from "../../api/types-policies";
import { formatMoney } from "../../components/format";
import { useT } from "../../i18n";
import { PoolChart } from "./pool-chart";

type Line = TeamPool["lines"][number];

/** A share "0.2345" as a percentage with two decimals (exact decimal arithmetic). @example shareText("0.23456") === "23.46%" */
export function shareText(share: string): string {
  const d = Dec.tryParse(share.trim());
  return d ? `${d.mul(Dec.HUNDRED).toFixed(2)}%` : share;
}

/** The pool card. @example <PoolCard teamId="t1" period="2026-10" /> */
export function PoolCard({ teamId, period }: { teamId: string; period: string }) {
  const t = useT();
  const [pool, setPool] = useState<TeamPool | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    setPool(null);
    setError(null);
    api
      .get<TeamPool>(`/api/v1/teams/${encodeURIComponent(teamId)}/pool${query({ period })}`)
      .then((p) => live && setPool(p))
      .catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [teamId, period]);

  return (
    <Card title={t("team.pool.title")} data-testid="team-pool">
      {isApiError(error) && error.status === 404 ? (
        <Empty description={error.message} data-testid="team-pool-none" />
      ) : error !== null ? (
        <ErrorDetails error={error} />
      ) : !pool ? (
        <Skeleton active />
      ) : pool.pool === null ? (
        <Empty description={t("team.pool.none")} data-testid="team-pool-none" />
      ) : (
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Statistic
              title={t("team.pool.total")}
              value={formatMoney(pool.pool)}
              style={{ marginBottom: 12 }}
            />
            <Table<Line>
              size="small"
              rowKey="employeeNo"
              pagination={false}
              dataSource={pool.lines}
              columns={[
                {
                  title: t("team.col.employee"),
                  dataIndex: "name",
                  render: (n: string, l) => `${n}（${l.employeeNo}）`,
                },
                {
                  title: t("team.pool.share"),
                  dataIndex: "share",
                  align: "right",
                  render: (s: string) => shareText(s),
                },
                {
                  title: t("team.pool.amount"),
                  dataIndex: "amount",
                  align: "right",
                  render: (a: string) => formatMoney(a),
                },
              ]}
            />
          </Col>
          <Col xs={24} lg={12}>
            {pool.lines.length > 0 ? <PoolChart lines={pool.lines} /> : <Empty />}
          </Col>
        </Row>
      )}
    </Card>
  );
}
