/**
 * 项目 tab: the payslip lines in order — name, kind, formula (with name completion) and the explanation.
 * @example <ItemsTab {...tabProps} />
 */
import { Flex } from "antd";
import { EditableRows } from "../../components/editable-rows";
import { useT } from "../../i18n";
import { focusRow, type TabProps } from "./editor-types";
import { formulaColumn, inputColumn, readSeqRows, type SeqRow, selectColumn } from "./row-columns";
import { appendItem, removeAt, setScalar } from "./yaml-edit";

const KINDS = ["earning", "deduction", "withholding", "info"] as const;
const FIELDS = ["name", "kind", "formula", "explain"] as const;

type Row = SeqRow<(typeof FIELDS)[number]>;

/** The items grid. @example <ItemsTab {...props} /> */
export function ItemsTab({ doc, text, onText, readOnly, names, focus }: TabProps) {
  const t = useT();
  const rows: Row[] = readSeqRows(doc, ["items"], FIELDS);
  const set = (field: string) => (r: Row, raw: string) =>
    onText(setScalar(text, ["items", r.index, field], raw, "string"));

  return (
    <Flex vertical gap={8}>
      <EditableRows<Row>
        rows={rows}
        readOnly={readOnly}
        add={{
          named: false,
          label: t("policies.addItem"),
          onAdd: () =>
            onText(
              appendItem(text, ["items"], {
                name: t("policies.newItem", { n: rows.length + 1 }),
                kind: "earning",
                formula: "0",
              }),
            ),
        }}
        onRow={focusRow(focus, "items")}
        nameOf={(r) => r.name}
        onRemove={(r) => onText(removeAt(text, ["items", r.index]))}
        columns={[
          inputColumn<Row>({
            title: t("policies.col.name"),
            field: "name",
            width: 150,
            readOnly,
            onCommit: set("name"),
          }),
          selectColumn<Row>({
            title: t("policies.col.kind"),
            field: "kind",
            width: 100,
            readOnly,
            options: KINDS.map((k) => ({ value: k, label: t(`payslip.kind.${k}`) })),
            onChange: set("kind"),
          }),
          formulaColumn<Row>({
            title: t("policies.col.formula"),
            field: "formula",
            names,
            readOnly,
            testId: (r) => `item-formula-${r.index}`,
            onCommit: set("formula"),
          }),
          inputColumn<Row>({
            title: t("policies.col.explain"),
            field: "explain",
            width: "30%",
            readOnly,
            onCommit: set("explain"),
          }),
        ]}
      />
    </Flex>
  );
}
