/**
 * Building blocks of the structured editor's grids: column builders for a committed text cell, a formula cell and a
 * select cell, the reader of a list section into rows, and the frame that marks a focused card.
 * @example const cols = [inputColumn<Row>({ title: "名称", field: "name", readOnly, onCommit: save })];
 */
import { Select } from "antd";
import type { ColumnType } from "antd/es/table";
import type { ReactNode } from "react";
import { CommitInput, FormulaInput } from "./commit-input";
import type { EditorFocus, TabProps } from "./editor-types";
import type { FormulaName } from "./policy-names";
import { seqLength, textAt, type YamlPath } from "./yaml-edit";

/** The keys of a row whose values are text. @example type K = TextField<{ key: string; n: number }> // "key" */
export type TextField<R> = { [K in keyof R]: R[K] extends string ? K : never }[keyof R] & string;

/** What every cell column needs. @example { title: "名称", field: "name", width: 150, readOnly: false } */
export type CellSpec<R> = {
  title: string;
  field: TextField<R>;
  width?: number | string;
  readOnly: boolean;
  /** The cell's data-testid, when the row's cell is looked up by tests. */
  testId?: (row: R) => string;
};

/** A column whose cells are drawn from the row's text by `cell`. */
function cellColumn<R>(spec: CellSpec<R>, cell: (text: string, row: R) => ReactNode): ColumnType<R> {
  return {
    title: spec.title,
    dataIndex: spec.field,
    width: spec.width,
    render: (_: unknown, r: R) => cell(String(r[spec.field] ?? ""), r),
  };
}

/** A column of text cells that commit on blur/Enter. @example inputColumn<Row>({ title, field: "unit", readOnly, onCommit }) */
export function inputColumn<R>(
  spec: CellSpec<R> & { onCommit: (row: R, value: string) => void },
): ColumnType<R> {
  return cellColumn(spec, (value, r) => (
    <CommitInput
      value={value}
      readOnly={spec.readOnly}
      testId={spec.testId?.(r)}
      onCommit={(v) => spec.onCommit(r, v)}
    />
  ));
}

/** A column of formula cells with name completion. @example formulaColumn<Row>({ title, field: "formula", names, readOnly, onCommit }) */
export function formulaColumn<R>(
  spec: CellSpec<R> & { names: FormulaName[]; onCommit: (row: R, value: string) => void },
): ColumnType<R> {
  return cellColumn(spec, (value, r) => (
    <FormulaInput
      value={value}
      names={spec.names}
      readOnly={spec.readOnly}
      testId={spec.testId?.(r)}
      onCommit={(v) => spec.onCommit(r, v)}
    />
  ));
}

/** A column of selects; with allowClear a cleared select reports "". @example selectColumn<Row>({ title, field: "kind", options, readOnly, onChange }) */
export function selectColumn<R>(
  spec: CellSpec<R> & {
    options: { value: string; label: string }[];
    allowClear?: boolean;
    onChange: (row: R, value: string) => void;
  },
): ColumnType<R> {
  return cellColumn(spec, (value, r) => (
    <Select
      size="small"
      value={value || undefined}
      disabled={spec.readOnly}
      allowClear={spec.allowClear}
      style={{ width: "100%" }}
      options={spec.options}
      onChange={(v?: string) => spec.onChange(r, v ?? "")}
    />
  ));
}

/** A row of a list section: its position and the text of the named fields. @example { key: "0", index: 0, name: "底薪" } */
export type SeqRow<F extends string> = { key: string; index: number } & Record<F, string>;

/** Reads each element of a list (e.g. `items`) into a row of the named fields. @example readSeqRows(doc, ["items"], ["name", "formula"]) */
export function readSeqRows<F extends string>(
  doc: TabProps["doc"],
  path: YamlPath,
  fields: readonly F[],
): SeqRow<F>[] {
  return Array.from({ length: seqLength(doc, path) }, (_, i) => {
    const cells = Object.fromEntries(fields.map((f) => [f, textAt(doc, [...path, i, f])])) as Record<
      F,
      string
    >;
    return { key: String(i), index: i, ...cells };
  });
}

type FrameProps = {
  focus: EditorFocus | null;
  section: string;
  name: string;
  sectionKey?: string;
  children: ReactNode;
};

/** Outlines a card (a scorecard, a table) when a problem points at it. @example <FocusFrame focus={f} section="tables" name="档位">…</FocusFrame> */
export function FocusFrame({ focus, section, name, sectionKey, children }: FrameProps) {
  const focused = focus?.section === section && focus.key === name;
  return (
    <div
      data-section-key={sectionKey}
      data-focused={focused ? "true" : undefined}
      style={focused ? { outline: "2px solid #faad14", borderRadius: 8 } : undefined}
    >
      {children}
    </div>
  );
}
