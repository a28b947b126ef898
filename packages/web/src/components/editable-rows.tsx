/**
 * Editable rows: a compact antd table whose last column (when editable) removes a row after a confirmation, and an
 * "add" bar that asks for the new row's name first. The policy editor's tabs are built from these.
 * @example <EditableRows rows={rows} columns={cols} readOnly={false} nameOf={(r) => r.key} onRemove={drop} />
 */
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Flex, Input, Popconfirm, Table } from "antd";
import type { ColumnsType, TableProps } from "antd/es/table";
import { type CSSProperties, type ReactNode, useState } from "react";
import { useT } from "../i18n";

/** A row of an editable table: a stable key for React and antd. @example { key: "0" } */
export type KeyedRow = { key: string };

type RowsProps<R extends KeyedRow> = {
  rows: R[];
  columns: ColumnsType<R>;
  readOnly: boolean;
  /** The row's name shown in the "remove …?" confirmation. */
  nameOf?: (row: R) => string;
  /** Without it the rows cannot be removed (no remove column). */
  onRemove?: (row: R) => void;
  onRow?: TableProps<R>["onRow"];
  /** The add bar drawn under the table unless read-only. */
  add?: AddProps;
};

/** The table with a remove column added unless read-only. @example <EditableRows rows={rows} columns={cols} readOnly nameOf={(r) => r.key} onRemove={drop} /> */
export function EditableRows<R extends KeyedRow>({
  rows,
  columns,
  readOnly,
  nameOf,
  onRemove,
  onRow,
  add,
}: RowsProps<R>) {
  const t = useT();
  const remove: ColumnsType<R> =
    readOnly || !onRemove
      ? []
      : [
          {
            title: "",
            key: "del",
            width: 48,
            render: (_: unknown, r: R) => (
              <Popconfirm
                title={t("policies.confirmRemove", { name: nameOf?.(r) ?? r.key })}
                onConfirm={() => onRemove(r)}
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
        ];
  return (
    <>
      <Table<R>
        size="small"
        rowKey="key"
        dataSource={rows}
        pagination={false}
        onRow={onRow}
        columns={[...columns, ...remove]}
      />
      {add && !readOnly && <AddRowBar {...add} />}
    </>
  );
}

type AddProps = {
  label: ReactNode;
  onAdd: (name: string) => void;
  /** False when the new row needs no name (a list row): only the button is shown. */
  named?: boolean;
  /** The name input's hint; "新名称" (policies.newName) unless given. */
  placeholder?: string;
  inputWidth?: number;
  /** True for a name already in use: the button stays disabled. */
  isTaken?: (name: string) => boolean;
  style?: CSSProperties;
};

/** The "new name + add" bar; the name is trimmed and cleared after adding. @example <AddRowBar label="添加" onAdd={add} /> */
export function AddRowBar({
  label,
  onAdd,
  named = true,
  placeholder,
  inputWidth = 200,
  isTaken,
  style,
}: AddProps) {
  const t = useT();
  const [name, setName] = useState("");
  const trimmed = name.trim();
  const disabled = named && (!trimmed || Boolean(isTaken?.(trimmed)));
  return (
    <Flex gap={8} style={style}>
      {named && (
        <Input
          size="small"
          style={{ width: inputWidth }}
          value={name}
          placeholder={placeholder ?? t("policies.newName")}
          onChange={(e) => setName(e.target.value)}
        />
      )}
      <Button
        size="small"
        icon={<PlusOutlined />}
        disabled={disabled}
        onClick={() => {
          if (disabled) return;
          onAdd(trimmed);
          setName("");
        }}
      >
        {label}
      </Button>
    </Flex>
  );
}
