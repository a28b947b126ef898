/**
 * 计算项 tab: the named intermediate formulas (calcs) — name, formula with completion, description.
 * @example <CalcsTab {...tabProps} />
 */
import { Empty, Table } from "antd";
import { useT } from "../../i18n";
import { CommitInput, FormulaInput } from "./commit-input";
import { focusRow, type TabProps } from "./editor-types";
import { isMapAt, mapKeys, setScalar, textAt } from "./yaml-edit";

type Row = { key: string; formula: string; description: string; map: boolean };

/** The calcs grid. @example <CalcsTab {...props} /> */
export function CalcsTab({ doc, text, onText, readOnly, names, focus }: TabProps) {
  const t = useT();
  const rows: Row[] = mapKeys(doc, ["calcs"]).map((k) => {
    const map = isMapAt(doc, ["calcs", k]);
    return {
      key: k,
      map,
      formula: map ? textAt(doc, ["calcs", k, "formula"]) : textAt(doc, ["calcs", k]),
      description: map ? textAt(doc, ["calcs", k, "description"]) : "",
    };
  });
  if (rows.length === 0) return <Empty description={t("policies.noCalcs")} />;
  return (
    <Table<Row>
      size="small"
      rowKey="key"
      dataSource={rows}
      pagination={false}
      onRow={focusRow(focus, "calcs")}
      columns={[
        { title: t("policies.col.name"), dataIndex: "key", width: 160 },
        {
          title: t("policies.col.formula"),
          dataIndex: "formula",
          render: (_, r) => (
            <FormulaInput
              value={r.formula}
              names={names}
              readOnly={readOnly}
              onCommit={(v) =>
                onText(setScalar(text, r.map ? ["calcs", r.key, "formula"] : ["calcs", r.key], v, "string"))
              }
            />
          ),
        },
        {
          title: t("policies.col.description"),
          dataIndex: "description",
          width: "30%",
          render: (_, r) =>
            r.map ? (
              <CommitInput
                value={r.description}
                readOnly={readOnly}
                onCommit={(v) => onText(setScalar(text, ["calcs", r.key, "description"], v, "string"))}
              />
            ) : null,
        },
      ]}
    />
  );
}
