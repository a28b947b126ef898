/**
 * The scorecard entry grid of a team for a period (GET/PUT /teams/:id/scores): one editable cell per column and
 * member; the server's validation lines are shown on the row they name (others above the table).
 * @example <ScoresTable teamId="t1" period="2026-10" readOnly={false} />
 */
import { Alert, App, Button, Card, Empty, Flex, Input, Skeleton, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useEffect, useState } from "react";
import { api, isApiError, query } from "../../api/client";
import { ErrorDetails, useShowError } from "../../api/show-error";
import type { TeamScores } from "../../api/types-policies";
import { useMe } from "../../auth/auth-provider";
import { useT } from "../../i18n";

type Row = TeamScores["rows"][number];

/** The row a "第2行" / "row 2" detail line names (1-based, in the order the rows were sent). */
function rowByNumber(d: string, rows: Row[]): Row | undefined {
  const m = /第\s*(\d+)\s*行|\brow\s+(\d+)/i.exec(d);
  const n = m ? Number(m[1] ?? m[2]) : 0;
  return n > 0 ? rows[n - 1] : undefined;
}

/** Splits the server's detail lines into those naming a row (工号, name or row number) and the rest. @example matchDetails(["A001: 超出范围"], rows) */
export function matchDetails(
  details: string[],
  rows: Row[],
): { byRow: Map<string, string[]>; other: string[] } {
  const byRow = new Map<string, string[]>();
  const other: string[] = [];
  for (const d of details) {
    const row =
      rows.find((r) => d.includes(r.employeeNo)) ??
      rows.find((r) => r.name && d.includes(r.name)) ??
      rowByNumber(d, rows);
    if (row) byRow.set(row.employeeNo, [...(byRow.get(row.employeeNo) ?? []), d]);
    else other.push(d);
  }
  return { byRow, other };
}

/** The grid with its save button. @example <ScoresTable teamId="t1" period="2026-10" readOnly={false} /> */
export function ScoresTable({ teamId, period }: { teamId: string; period: string }) {
  const t = useT();
  // A lead does not score themself (the server refuses it); HR may.
  const me = useMe();
  const ownRow = (no: string) => me.role === "lead" && me.employeeNo === no;
  const { message } = App.useApp();
  const showError = useShowError();
  const [data, setData] = useState<TeamScores | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<{ byRow: Map<string, string[]>; other: string[] } | null>(null);
  const url = `/api/v1/teams/${encodeURIComponent(teamId)}/scores`;

  useEffect(() => {
    let live = true;
    setData(null);
    setLoadError(null);
    setDirty(false);
    setProblems(null);
    api
      .get<TeamScores>(`${url}${query({ period })}`)
      .then((d) => live && setData(d))
      .catch((e) => live && setLoadError(e));
    return () => {
      live = false;
    };
  }, [url, period]);

  if (loadError !== null) return <ErrorDetails error={loadError} />;
  if (!data) return <Skeleton active />;
  if (data.columns.length === 0) return <Empty description={t("team.scores.noColumns")} />;

  const setCell = (no: string, col: string, v: string) => {
    setData({
      ...data,
      rows: data.rows.map((r) => (r.employeeNo === no ? { ...r, values: { ...r.values, [col]: v } } : r)),
    });
    setDirty(true);
  };
  const save = async () => {
    setSaving(true);
    setProblems(null);
    try {
      const rows = data.rows.filter((r) => !ownRow(r.employeeNo));
      const body = { period, rows: rows.map((r) => ({ employeeNo: r.employeeNo, values: r.values })) };
      const res = await api.put<{ rows: Row[] | number }>(url, body);
      if (Array.isArray(res?.rows)) setData({ ...data, rows: res.rows });
      setDirty(false);
      void message.success(t("team.scores.saved"));
    } catch (e) {
      if (isApiError(e) && e.status === 422)
        setProblems(matchDetails(e.details.length ? e.details : [e.message], data.rows));
      else showError(e);
    } finally {
      setSaving(false);
    }
  };

  const columns: ColumnsType<Row> = [
    {
      title: t("team.col.employee"),
      key: "employee",
      fixed: "left",
      width: 160,
      render: (_, r) => (
        <Flex vertical>
          <span>
            {r.name}（{r.employeeNo}）
          </span>
          {problems?.byRow.get(r.employeeNo)?.map((d) => (
            <Typography.Text
              key={d}
              type="danger"
              style={{ fontSize: 12 }}
              data-testid={`scores-error-${r.employeeNo}`}
            >
              {d}
            </Typography.Text>
          ))}
        </Flex>
      ),
    },
    ...data.columns.map((c) => ({
      title: c,
      key: c,
      width: 120,
      render: (_: unknown, r: Row) => (
        <Input
          size="small"
          value={r.values[c] ?? ""}
          status={
            problems?.byRow.get(r.employeeNo)?.some((d) => d.includes(c)) ? ("error" as const) : undefined
          }
          onChange={(e) => setCell(r.employeeNo, c, e.target.value)}
          disabled={ownRow(r.employeeNo)}
          title={ownRow(r.employeeNo) ? t("team.scores.ownRow") : undefined}
          data-testid={`score-${r.employeeNo}-${c}`}
          inputMode="decimal"
        />
      ),
    })),
  ];

  return (
    <Card
      title={t("team.scores.title")}
      extra={
        <Button type="primary" onClick={save} loading={saving} disabled={!dirty} data-testid="scores-save">
          {t("team.scores.save")}
        </Button>
      }
    >
      {problems && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("team.scores.invalid", { n: problems.byRow.size + problems.other.length })}
          description={problems.other.length > 0 ? problems.other.join("；") : undefined}
          data-testid="scores-errors"
        />
      )}
      <Table<Row>
        size="small"
        rowKey="employeeNo"
        pagination={false}
        dataSource={data.rows}
        columns={columns}
        scroll={{ x: "max-content" }}
        onRow={(r) => (problems?.byRow.has(r.employeeNo) ? { style: { background: "#fff1f0" } } : {})}
      />
    </Card>
  );
}
