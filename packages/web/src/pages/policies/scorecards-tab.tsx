/**
 * 评分卡 tab: each scorecard's maximum and description and its items (name, label, points, formula).
 * @example <ScorecardsTab {...tabProps} />
 */
import { Card, Empty, Flex, Space, Typography } from "antd";
import { EditableRows } from "../../components/editable-rows";
import { useT } from "../../i18n";
import { CommitInput } from "./commit-input";
import type { TabProps } from "./editor-types";
import { FocusFrame, formulaColumn, inputColumn, readSeqRows, type SeqRow } from "./row-columns";
import { appendItem, mapKeys, removeAt, setScalar, textAt } from "./yaml-edit";

const FIELDS = ["name", "label", "points", "formula"] as const;

type Row = SeqRow<(typeof FIELDS)[number]>;

function Scorecard({ doc, text, onText, readOnly, names, card }: TabProps & { card: string }) {
  const t = useT();
  const base = ["scorecards", card];
  const rows: Row[] = readSeqRows(doc, [...base, "items"], FIELDS);
  const set =
    (field: string, mode: "string" | "scalar" = "string") =>
    (r: Row, raw: string) =>
      onText(setScalar(text, [...base, "items", r.index, field], raw, mode));
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
      <EditableRows<Row>
        rows={rows}
        readOnly={readOnly}
        add={{
          named: false,
          label: t("policies.addScoreItem"),
          style: { marginTop: 8 },
          onAdd: () =>
            onText(
              appendItem(text, [...base, "items"], {
                name: t("policies.newScoreItem", { n: rows.length + 1 }),
                points: 10,
                formula: "0",
              }),
            ),
        }}
        nameOf={(r) => r.name}
        onRemove={(r) => onText(removeAt(text, [...base, "items", r.index]))}
        columns={[
          inputColumn<Row>({
            title: t("policies.col.name"),
            field: "name",
            width: 140,
            readOnly,
            onCommit: set("name"),
          }),
          inputColumn<Row>({
            title: t("policies.col.label"),
            field: "label",
            width: "25%",
            readOnly,
            onCommit: set("label"),
          }),
          inputColumn<Row>({
            title: t("policies.col.points"),
            field: "points",
            width: 70,
            readOnly,
            onCommit: set("points", "scalar"),
          }),
          formulaColumn<Row>({
            title: t("policies.col.formula"),
            field: "formula",
            names,
            readOnly,
            onCommit: set("formula"),
          }),
        ]}
      />
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
        <FocusFrame key={c} focus={props.focus} section="scorecards" name={c}>
          <Scorecard {...props} card={c} />
        </FocusFrame>
      ))}
    </Flex>
  );
}
