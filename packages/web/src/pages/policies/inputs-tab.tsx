/**
 * 输入 tab: the columns of the monthly import — name, type, required, default and description.
 * @example <InputsTab {...tabProps} />
 */
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Checkbox, Flex, Input, Popconfirm, Select, Table } from "antd";
import { useState } from "react";
import { useT } from "../../i18n";
import { CommitInput } from "./commit-input";
import { focusRow, type TabProps } from "./editor-types";
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
  const [newName, setNewName] = useState("");
  const rows: Row[] = mapKeys(doc, ["inputs"]).map((k) => ({
    key: k,
    type: textAt(doc, ["inputs", k, "type"]),
    required: textAt(doc, ["inputs", k, "required"]) === "true",
    default: textAt(doc, ["inputs", k, "default"]),
    unit: textAt(doc, ["inputs", k, "unit"]),
    description: textAt(doc, ["inputs", k, "description"]),
  }));
  const set = (k: string, field: string, raw: string, mode: "string" | "scalar") =>
    onText(setScalar(text, ["inputs", k, field], raw, mode));
  const setRequired = (k: string, on: boolean) =>
    onText(
      editDoc(text, (d) => {
        if (on) d.setIn(["inputs", k, "required"], true);
        else d.deleteIn(["inputs", k, "required"]);
      }),
    );

  return (
    <Flex vertical gap={8}>
      <Table<Row>
        size="small"
        rowKey="key"
        dataSource={rows}
        pagination={false}
        onRow={focusRow(focus, "inputs")}
        columns={[
          {
            title: t("policies.col.name"),
            dataIndex: "key",
            width: 180,
            render: (_, r) => (
              <CommitInput
                value={r.key}
                readOnly={readOnly}
                onCommit={(v) => onText(renameKey(text, ["inputs"], r.key, v))}
              />
            ),
          },
          {
            title: t("policies.col.type"),
            dataIndex: "type",
            width: 110,
            render: (_, r) => (
              <Select
                size="small"
                value={r.type || undefined}
                disabled={readOnly}
                style={{ width: "100%" }}
                options={INPUT_TYPES.map((d) => ({ value: d, label: t(`policies.type.${d}`) }))}
                onChange={(v: string) => set(r.key, "type", v, "string")}
              />
            ),
          },
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
          {
            title: t("policies.col.default"),
            dataIndex: "default",
            width: 100,
            render: (_, r) => (
              <CommitInput
                value={r.default}
                readOnly={readOnly}
                onCommit={(v) => set(r.key, "default", v, "scalar")}
              />
            ),
          },
          {
            title: t("policies.col.unit"),
            dataIndex: "unit",
            width: 70,
            render: (_, r) => (
              <CommitInput
                value={r.unit}
                readOnly={readOnly}
                onCommit={(v) => set(r.key, "unit", v, "string")}
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
                onCommit={(v) => set(r.key, "description", v, "string")}
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
                      title={t("policies.confirmRemove", { name: r.key })}
                      onConfirm={() => onText(removeAt(text, ["inputs", r.key]))}
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
            disabled={!newName.trim() || rows.some((r) => r.key === newName.trim())}
            onClick={() => {
              onText(addEntry(text, ["inputs"], newName.trim(), { type: "number", default: 0 }));
              setNewName("");
            }}
          >
            {t("policies.addInput")}
          </Button>
        </Flex>
      )}
    </Flex>
  );
}
