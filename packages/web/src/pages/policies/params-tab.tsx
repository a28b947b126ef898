/**
 * 参数 tab: the policy's named constants as a name / value / type / description grid.
 * @example <ParamsTab {...tabProps} />
 */
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Flex, Input, Popconfirm, Select, Table, Tag } from "antd";
import { useState } from "react";
import { isMap } from "yaml";
import { useT } from "../../i18n";
import { CommitInput } from "./commit-input";
import { DISPLAY_TYPES, focusRow, type TabProps } from "./editor-types";
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
  const [newName, setNewName] = useState("");
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
      <Table<Row>
        size="small"
        rowKey="key"
        dataSource={rows}
        pagination={false}
        onRow={focusRow(focus, "params")}
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
          {
            title: t("policies.col.value"),
            dataIndex: "value",
            width: 140,
            render: (_, r) => (
              <CommitInput
                value={r.value}
                readOnly={readOnly}
                testId={`param-value-${r.name}`}
                onCommit={(v) => onText(setScalar(text, valuePath(r.name), v, "scalar"))}
              />
            ),
          },
          {
            title: t("policies.col.type"),
            dataIndex: "type",
            width: 120,
            render: (_, r) => (
              <Select
                size="small"
                value={r.type || undefined}
                disabled={readOnly}
                allowClear
                style={{ width: "100%" }}
                options={DISPLAY_TYPES.map((d) => ({ value: d, label: t(`policies.type.${d}`) }))}
                onChange={(v?: string) => onText(setParamField(text, r.name, "type", v ?? ""))}
              />
            ),
          },
          {
            title: t("policies.col.description"),
            dataIndex: "description",
            render: (_, r) => (
              <CommitInput
                value={r.description}
                readOnly={readOnly}
                onCommit={(v) => onText(setParamField(text, r.name, "description", v))}
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
                      onConfirm={() => onText(removeAt(text, ["params", r.name]))}
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
        <Flex gap={8}>
          <Input
            size="small"
            style={{ width: 200 }}
            value={newName}
            placeholder={t("policies.newName")}
            onChange={(e) => setNewName(e.target.value)}
          />
          <Button
            size="small"
            icon={<PlusOutlined />}
            disabled={!newName.trim() || rows.some((r) => r.name === newName.trim())}
            onClick={() => {
              onText(addEntry(text, ["params"], newName.trim(), { value: 0, description: "" }));
              setNewName("");
            }}
          >
            {t("policies.addParam")}
          </Button>
        </Flex>
      )}
    </Flex>
  );
}
