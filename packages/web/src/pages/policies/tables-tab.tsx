/**
 * 表格 tab: every lookup / tier table of the policy as an editable grid (rows by key, or [下限, 值] rows).
 * @example <TablesTab {...tabProps} />
 */
import { Card, Empty, Flex, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { EditableRows } from "../../components/editable-rows";
import { useT } from "../../i18n";
import { CommitInput } from "./commit-input";
import type { TabProps } from "./editor-types";
import { FocusFrame } from "./row-columns";
import {
  addEntry,
  appendItem,
  isMapAt,
  isSeqAt,
  mapKeys,
  rawMapKeys,
  removeAt,
  seqLength,
  setScalar,
  textAt,
  type YamlPath,
} from "./yaml-edit";

type Row = { key: string; path: YamlPath; label: string; cells: Record<string, string> };

type Grid = { columns: string[]; rows: Row[]; seq: boolean };

/** Reads one table's rows into a grid. */
function readGrid(doc: TabProps["doc"], name: string): Grid {
  const base: YamlPath = ["tables", name, "rows"];
  if (isSeqAt(doc, base)) {
    const n = seqLength(doc, base);
    let width = 2;
    for (let i = 0; i < n; i++) width = Math.max(width, seqLength(doc, [...base, i]));
    const columns = Array.from({ length: width }, (_, j) => String(j));
    const rows = Array.from({ length: n }, (_, i) => ({
      key: String(i),
      path: [...base, i],
      label: String(i + 1),
      cells: Object.fromEntries(columns.map((c) => [c, textAt(doc, [...base, i, Number(c)])])),
    }));
    return { columns, rows, seq: true };
  }
  const columns: string[] = [];
  const rows: Row[] = rawMapKeys(doc, base).map((k) => {
    const path = [...base, k];
    if (!isMapAt(doc, path))
      return { key: String(k), path, label: String(k), cells: { "": textAt(doc, path) } };
    const cells: Record<string, string> = {};
    for (const c of mapKeys(doc, path)) {
      if (!columns.includes(c)) columns.push(c);
      cells[c] = textAt(doc, [...path, c]);
    }
    return { key: String(k), path, label: String(k), cells };
  });
  if (columns.length === 0) columns.push("");
  return { columns, rows, seq: false };
}

type OneProps = TabProps & { name: string };

function TableCard({ doc, text, onText, readOnly, name }: OneProps) {
  const t = useT();
  const grid = readGrid(doc, name);
  const kind = textAt(doc, ["tables", name, "kind"]) || "lookup";
  const keyNames = [0, 1].map((i) => textAt(doc, ["tables", name, "keys", i, "name"])).filter(Boolean);
  const colTitle = (c: string, j: number) => {
    if (grid.seq)
      return kind === "tier" ? t(j === 0 ? "policies.table.lower" : "policies.table.value") : `#${j + 1}`;
    return c === "" ? t("policies.table.value") : c;
  };
  const cellPath = (r: Row, c: string): YamlPath =>
    grid.seq ? [...r.path, Number(c)] : c === "" ? r.path : [...r.path, c];
  const columns: ColumnsType<Row> = [
    ...(grid.seq
      ? []
      : [{ title: keyNames.join(" × ") || t("policies.table.key"), dataIndex: "label", width: 160 }]),
    ...grid.columns.map((c, j) => ({
      title: colTitle(c, j),
      key: `c${j}`,
      render: (_: unknown, r: Row) => (
        <CommitInput
          value={r.cells[c] ?? ""}
          readOnly={readOnly}
          onCommit={(v) => onText(setScalar(text, cellPath(r, c), v, "scalar"))}
        />
      ),
    })),
  ];
  const addRow = (key: string) => {
    if (grid.seq)
      onText(
        appendItem(
          text,
          ["tables", name, "rows"],
          grid.columns.map(() => 0),
        ),
      );
    else if (key) {
      const scalarRows = grid.columns.length === 1 && grid.columns[0] === "";
      onText(
        addEntry(
          text,
          ["tables", name, "rows"],
          key,
          scalarRows ? 0 : Object.fromEntries(grid.columns.map((c) => [c, 0])),
        ),
      );
    }
  };
  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center">
          {name}
          <Tag>{t(`policies.tableKind.${kind}`)}</Tag>
          <Tag color="blue">{t(`policies.type.${textAt(doc, ["tables", name, "value"]) || "number"}`)}</Tag>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {textAt(doc, ["tables", name, "description"])}
      </Typography.Paragraph>
      <EditableRows<Row>
        rows={grid.rows}
        readOnly={readOnly}
        add={{
          named: !grid.seq,
          label: t("policies.table.addRow"),
          placeholder: t("policies.table.newKey"),
          inputWidth: 160,
          style: { marginTop: 8 },
          onAdd: addRow,
        }}
        columns={columns}
        nameOf={(r) => r.label}
        onRemove={(r) => onText(removeAt(text, r.path))}
      />
    </Card>
  );
}

/** All tables, one card each. @example <TablesTab {...props} /> */
export function TablesTab(props: TabProps) {
  const t = useT();
  const names = mapKeys(props.doc, ["tables"]);
  if (names.length === 0) return <Empty description={t("policies.noTables")} />;
  return (
    <Flex vertical gap={12}>
      {names.map((n) => (
        <FocusFrame key={n} focus={props.focus} section="tables" name={n} sectionKey={`tables:${n}`}>
          <TableCard {...props} name={n} />
        </FocusFrame>
      ))}
    </Flex>
  );
}
