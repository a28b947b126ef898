/**
 * 项目 tab: the payslip lines in order — name, kind, formula (with name completion) and the explanation.
 * @example <ItemsTab {...tabProps} />
 */
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Flex, Popconfirm, Select, Table } from "antd";
import { useT } from "../../i18n";
import { CommitInput, FormulaInput } from "./commit-input";
import { focusRow, type TabProps } from "./editor-types";
import { appendItem, removeAt, seqLength, setScalar, textAt } from "./yaml-edit";

const KINDS = ["earning", "deduction", "withholding", "info"] as const;

type Row = { key: string; index: number; name: string; kind: string; formula: string; explain: string };

/** The items grid. @example <ItemsTab {...props} /> */
export function ItemsTab({ doc, text, onText, readOnly, names, focus }: TabProps) {
  const t = useT();
  const rows: Row[] = Array.from({ length: seqLength(doc, ["items"]) }, (_, i) => ({
    key: String(i),
    index: i,
    name: textAt(doc, ["items", i, "name"]),
    kind: textAt(doc, ["items", i, "kind"]),
    formula: textAt(doc, ["items", i, "formula"]),
    explain: textAt(doc, ["items", i, "explain"]),
  }));
  const set = (i: number, field: string, raw: string) =>
    onText(setScalar(text, ["items", i, field], raw, "string"));

  return (
    <Flex vertical gap={8}>
      <Table<Row>
        size="small"
        rowKey="key"
        dataSource={rows}
        pagination={false}
        onRow={focusRow(focus, "items")}
        columns={[
          {
            title: t("policies.col.name"),
            dataIndex: "name",
            width: 150,
            render: (_, r) => (
              <CommitInput value={r.name} readOnly={readOnly} onCommit={(v) => set(r.index, "name", v)} />
            ),
          },
          {
            title: t("policies.col.kind"),
            dataIndex: "kind",
            width: 100,
            render: (_, r) => (
              <Select
                size="small"
                value={r.kind || undefined}
                disabled={readOnly}
                style={{ width: "100%" }}
                options={KINDS.map((k) => ({ value: k, label: t(`payslip.kind.${k}`) }))}
                onChange={(v: string) => set(r.index, "kind", v)}
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
                testId={`item-formula-${r.index}`}
                onCommit={(v) => set(r.index, "formula", v)}
              />
            ),
          },
          {
            title: t("policies.col.explain"),
            dataIndex: "explain",
            width: "30%",
            render: (_, r) => (
              <CommitInput
                value={r.explain}
                readOnly={readOnly}
                onCommit={(v) => set(r.index, "explain", v)}
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
                      onConfirm={() => onText(removeAt(text, ["items", r.index]))}
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
          style={{ alignSelf: "flex-start" }}
          onClick={() =>
            onText(
              appendItem(text, ["items"], {
                name: t("policies.newItem", { n: rows.length + 1 }),
                kind: "earning",
                formula: "0",
              }),
            )
          }
        >
          {t("policies.addItem")}
        </Button>
      )}
    </Flex>
  );
}
