/**
 * 输入 tab: the columns of the monthly import — name, type, required, default and description.
 * @example <InputsTab {...tabProps} />
 */
import { Checkbox, Flex } from "antd";
import { EditableRows } from "../../components/editable-rows";
import { useT } from "../../i18n";
import { focusRow, type TabProps } from "./editor-types";
import { inputColumn, selectColumn } from "./row-columns";
import { addEntry, editDoc, mapKeys, removeAt, renameKey, setScalar, textAt } from "./yaml-edit";

const INPUT_TYPES = ["money", "number", "integer", "ratio", "text", "date", "boolean"] as const;

type Row = {
  key: string;
  type: string;
  required: boolean;
  default: string;
  unit: string;
  description: string;
};

/** The inputs grid. @example <InputsTab {...props} /> */
export function InputsTab({ doc, text, onText, readOnly, focus }: TabProps) {
  const t = useT();
  const rows: Row[] = mapKeys(doc, ["inputs"]).map((k) => ({
    key: k,
    type: textAt(doc, ["inputs", k, "type"]),
    required: textAt(doc, ["inputs", k, "required"]) === "true",
    default: textAt(doc, ["inputs", k, "default"]),
    unit: textAt(doc, ["inputs", k, "unit"]),
    description: textAt(doc, ["inputs", k, "description"]),
  }));
  const set = (field: string, mode: "string" | "scalar") => (r: Row, raw: string) =>
    onText(setScalar(text, ["inputs", r.key, field], raw, mode));
  const setRequired = (k: string, on: boolean) =>
    onText(
      editDoc(text, (d) => {
        if (on) d.setIn(["inputs", k, "required"], true);
        else d.deleteIn(["inputs", k, "required"]);
      }),
    );

  return (
    <Flex vertical gap={8}>
      <EditableRows<Row>
        rows={rows}
        readOnly={readOnly}
        add={{
          label: t("policies.addInput"),
          isTaken: (name) => rows.some((r) => r.key === name),
          onAdd: (name) => onText(addEntry(text, ["inputs"], name, { type: "number", default: 0 })),
        }}
        onRow={focusRow(focus, "inputs")}
        nameOf={(r) => r.key}
        onRemove={(r) => onText(removeAt(text, ["inputs", r.key]))}
        columns={[
          inputColumn<Row>({
            title: t("policies.col.name"),
            field: "key",
            width: 180,
            readOnly,
            onCommit: (r, v) => onText(renameKey(text, ["inputs"], r.key, v)),
          }),
          selectColumn<Row>({
            title: t("policies.col.type"),
            field: "type",
            width: 110,
            readOnly,
            options: INPUT_TYPES.map((d) => ({ value: d, label: t(`policies.type.${d}`) })),
            onChange: set("type", "string"),
          }),
          {
            title: t("policies.col.required"),
            dataIndex: "required",
            width: 70,
            align: "center",
            render: (_, r) => (
              <Checkbox
                checked={r.required}
                disabled={readOnly}
                onChange={(e) => setRequired(r.key, e.target.checked)}
              />
            ),
          },
          inputColumn<Row>({
            title: t("policies.col.default"),
            field: "default",
            width: 100,
            readOnly,
            onCommit: set("default", "scalar"),
          }),
          inputColumn<Row>({
            title: t("policies.col.unit"),
            field: "unit",
            width: 70,
            readOnly,
            onCommit: set("unit", "string"),
          }),
          inputColumn<Row>({
            title: t("policies.col.description"),
            field: "description",
            readOnly,
            onCommit: set("description", "string"),
          }),
        ]}
      />
    </Flex>
  );
}
