/**
 * 参数 tab: the policy's named constants as a name / value / type / description grid.
 * @example <ParamsTab {...tabProps} />
 */
import { Flex, Tag } from "antd";
import { isMap } from "yaml";
import { EditableRows } from "../../components/editable-rows";
import { useT } from "../../i18n";
import { CommitInput } from "./commit-input";
import { DISPLAY_TYPES, focusRow, type TabProps } from "./editor-types";
import { inputColumn, selectColumn } from "./row-columns";
import {
  addEntry,
  editDoc,
  isMapAt,
  mapKeys,
  parsePolicyDoc,
  removeAt,
  renameKey,
  setScalar,
  textAt,
} from "./yaml-edit";

type Row = { key: string; name: string; value: string; type: string; description: string; example: boolean };

/** Sets a field of a param, turning `名称: 800` into `{ value: 800, … }` when it needs more than the value. */
function setParamField(text: string, name: string, field: string, raw: string): string {
  const parsed = parsePolicyDoc(text);
  if (parsed && isMap(parsed.getIn(["params", name], true)) && raw !== "")
    return setScalar(text, ["params", name, field], raw, "string");
  return editDoc(text, (doc) => {
    const node = doc.getIn(["params", name], true);
    if (!isMap(node)) doc.setIn(["params", name], doc.createNode({ value: doc.getIn(["params", name]) }));
    if (raw === "") doc.deleteIn(["params", name, field]);
    else doc.setIn(["params", name, field], raw);
  });
}

/** The params grid. @example <ParamsTab {...props} /> */
export function ParamsTab({ doc, text, onText, readOnly, focus }: TabProps) {
  const t = useT();
  const rows: Row[] = mapKeys(doc, ["params"]).map((name) => {
    const map = isMapAt(doc, ["params", name]);
    return {
      key: name,
      name,
      value: map ? textAt(doc, ["params", name, "value"]) : textAt(doc, ["params", name]),
      type: map ? textAt(doc, ["params", name, "type"]) : "",
      description: map ? textAt(doc, ["params", name, "description"]) : "",
      example: map && textAt(doc, ["params", name, "example"]) === "true",
    };
  });
  const valuePath = (name: string) =>
    isMapAt(doc, ["params", name]) ? ["params", name, "value"] : ["params", name];

  return (
    <Flex vertical gap={8}>
      <EditableRows<Row>
        rows={rows}
        readOnly={readOnly}
        add={{
          label: t("policies.addParam"),
          isTaken: (name) => rows.some((r) => r.name === name),
          onAdd: (name) => onText(addEntry(text, ["params"], name, { value: 0, description: "" })),
        }}
        onRow={focusRow(focus, "params")}
        nameOf={(r) => r.name}
        onRemove={(r) => onText(removeAt(text, ["params", r.name]))}
        columns={[
          {
            title: t("policies.col.name"),
            dataIndex: "name",
            width: 200,
            render: (_, r) => (
              <Flex gap={4} align="center">
                <CommitInput
                  value={r.name}
                  readOnly={readOnly}
                  onCommit={(v) => onText(renameKey(text, ["params"], r.name, v))}
                />
                {r.example && <Tag color="orange">{t("policies.example")}</Tag>}
              </Flex>
            ),
          },
          inputColumn<Row>({
            title: t("policies.col.value"),
            field: "value",
            width: 140,
            readOnly,
            testId: (r) => `param-value-${r.name}`,
            onCommit: (r, v) => onText(setScalar(text, valuePath(r.name), v, "scalar")),
          }),
          selectColumn<Row>({
            title: t("policies.col.type"),
            field: "type",
            width: 120,
            readOnly,
            allowClear: true,
            options: DISPLAY_TYPES.map((d) => ({ value: d, label: t(`policies.type.${d}`) })),
            onChange: (r, v) => onText(setParamField(text, r.name, "type", v)),
          }),
          inputColumn<Row>({
            title: t("policies.col.description"),
            field: "description",
            readOnly,
            onCommit: (r, v) => onText(setParamField(text, r.name, "description", v)),
          }),
        ]}
      />
    </Flex>
  );
}
