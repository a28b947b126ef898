/**
 * 计算项 tab: the named intermediate formulas (calcs) — name, formula with completion, description.
 * @example <CalcsTab {...tabProps} />
 */
import { Empty } from "antd";
import { EditableRows } from "../../components/editable-rows";
import { useT } from "../../i18n";
import { CommitInput } from "./commit-input";
import { focusRow, type TabProps } from "./editor-types";
import { formulaColumn } from "./row-columns";
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
    <EditableRows<Row>
      rows={rows}
      readOnly={readOnly}
      onRow={focusRow(focus, "calcs")}
      columns={[
        { title: t("policies.col.name"), dataIndex: "key", width: 160 },
        formulaColumn<Row>({
          title: t("policies.col.formula"),
          field: "formula",
          names,
          readOnly,
          onCommit: (r, v) =>
            onText(setScalar(text, r.map ? ["calcs", r.key, "formula"] : ["calcs", r.key], v, "string")),
        }),
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
