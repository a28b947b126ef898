/**
 * 评分卡 tab: each scorecard's maximum and description and its items (name, label, points, formula).
 * @example <ScorecardsTab {...tabProps} />
 */
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Empty, Flex, Popconfirm, Space, Table, Typography } from "antd";
import { useT } from "../../i18n";
import { CommitInput, FormulaInput } from "./commit-input";
import type { TabProps } from "./editor-types";
import { appendItem, mapKeys, removeAt, seqLength, setScalar, textAt } from "./yaml-edit";

type Row = { key: string; index: number; name: string; label: string; points: string; formula: string };

function Scorecard({ doc, text, onText, readOnly, names, card }: TabProps & { card: string }) {
  const t = useT();
  const base = ["scorecards", card];
  const rows: Row[] = Array.from({ length: seqLength(doc, [...base, "items"]) }, (_, i) => ({
    key: String(i),
    index: i,
    name: textAt(doc, [...base, "items", i, "name"]),
    label: textAt(doc, [...base, "items", i, "label"]),
    points: textAt(doc, [...base, "items", i, "points"]),
    formula: textAt(doc, [...base, "items", i, "formula"]),
  }));
  const set = (i: number, field: string, raw: string, mode: "string" | "scalar" = "string") =>
    onText(setScalar(text, [...base, "items", i, field], raw, mode));
  return (
    <Card
      size="small"
      title={card}
      extra={
        <Space>
          <Typography.Text type="secondary">{t("policies.scorecard.max")}</Typography.Text>
          <CommitInput
            value={textAt(doc, [...base, "max"])}
            readOnly={readOnly}
            style={{ width: 80 }}
            onCommit={(v) => onText(setScalar(text, [...base, "max"], v, "scalar"))}
          />
        </Space>
      }
    >
      <div style={{ marginBottom: 8 }}>
        <CommitInput
          value={textAt(doc, [...base, "description"])}
          readOnly={readOnly}
          placeholder={t("policies.col.description")}
          onCommit={(v) => onText(setScalar(text, [...base, "description"], v, "string"))}
        />
      </div>
      <Table<Row>
        size="small"
        rowKey="key"
        dataSource={rows}
        pagination={false}
        columns={[
          {
            title: t("policies.col.name"),
            dataIndex: "name",
            width: 140,
            render: (_, r) => (
              <CommitInput value={r.name} readOnly={readOnly} onCommit={(v) => set(r.index, "name", v)} />
            ),
          },
          {
            title: t("policies.col.label"),
            dataIndex: "label",
            width: "25%",
            render: (_, r) => (
              <CommitInput value={r.label} readOnly={readOnly} onCommit={(v) => set(r.index, "label", v)} />
            ),
          },
          {
            title: t("policies.col.points"),
            dataIndex: "points",
            width: 70,
            render: (_, r) => (
              <CommitInput
                value={r.points}
                readOnly={readOnly}
                onCommit={(v) => set(r.index, "points", v, "scalar")}
              />
            ),
          },
          {
            title: t("policies.col.formula"),
            dataIndex: "formula",
            render: (_, r) => (
              <FormulaInput
                value={r.formula}
                names={names}
                readOnly={readOnly}
                onCommit={(v) => set(r.index, "formula", v)}
              />
            ),
          },
          ...(readOnly
            ? []
            : [
                {
                  title: "",
                  key: "del",
                  width: 48,
                  render: (_: unknown, r: Row) => (
                    <Popconfirm
                      title={t("policies.confirmRemove", { name: r.name })}
                      onConfirm={() => onText(removeAt(text, [...base, "items", r.index]))}
                    >
                      <Button
                        size="small"
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t("policies.remove")}
                      />
                    </Popconfirm>
                  ),
                },
              ]),
        ]}
      />
      {!readOnly && (
        <Button
          size="small"
          icon={<PlusOutlined />}
          style={{ marginTop: 8 }}
          onClick={() =>
            onText(
              appendItem(text, [...base, "items"], {
                name: t("policies.newScoreItem", { n: rows.length + 1 }),
                points: 10,
                formula: "0",
              }),
            )
          }
        >
          {t("policies.addScoreItem")}
        </Button>
      )}
    </Card>
  );
}

/** All scorecards. @example <ScorecardsTab {...props} /> */
export function ScorecardsTab(props: TabProps) {
  const t = useT();
  const cards = mapKeys(props.doc, ["scorecards"]);
  if (cards.length === 0) return <Empty description={t("policies.noScorecards")} />;
  return (
    <Flex vertical gap={12}>
      {cards.map((c) => (
        <div
          key={c}
          data-focused={props.focus?.section === "scorecards" && props.focus.key === c ? "true" : undefined}
          style={
            props.focus?.section === "scorecards" && props.focus.key === c
              ? { outline: "2px solid #faad14", borderRadius: 8 }
              : undefined
          }
        >
          <Scorecard {...props} card={c} />
        </div>
      ))}
    </Flex>
  );
}
