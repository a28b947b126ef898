/**
 * Shared props of the structured editor's tabs.
 * @example function ParamsTab(props: TabProps) { … }
 */
import type { Document } from "yaml";
import type { FormulaName } from "./policy-names";

/** The field a problem points at: a section and the row key inside it. @example { section: "items", key: "0" } */
export type EditorFocus = { section: string; key: string };

/** What every structured tab gets. @example <ParamsTab {...props} /> */
export type TabProps = {
  doc: Document.Parsed;
  text: string;
  onText: (text: string) => void;
  readOnly: boolean;
  names: FormulaName[];
  focus: EditorFocus | null;
};

/** The antd Table row props that mark the focused row. @example onRow={focusRow(focus, "params")} */
export function focusRow(focus: EditorFocus | null, section: string) {
  return (record: { key: string }) =>
    focus && focus.section === section && focus.key === record.key
      ? { style: { background: "#fffbe6" }, "data-focused": "true" }
      : {};
}

/** The value types a param, table or calc may display as. @example DISPLAY_TYPES.includes("money") */
export const DISPLAY_TYPES = ["money", "ratio", "number", "integer", "text", "date", "boolean"] as const;
