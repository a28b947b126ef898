/**
 * Inputs of the structured editor: they keep what is typed locally and hand it over on blur or Enter, so the YAML
 * text (and the checker) change once per edit, not once per keystroke. FormulaInput adds name completion.
 * @example <CommitInput value={v} onCommit={(s) => save(s)} />
 */
import { AutoComplete, Input } from "antd";
import { type CSSProperties, useEffect, useMemo, useState } from "react";
import type { FormulaName } from "./policy-names";

type Props = {
  value: string;
  onCommit: (value: string) => void;
  readOnly?: boolean;
  placeholder?: string;
  style?: CSSProperties;
  testId?: string;
};

/** A text cell that commits on blur/Enter. @example <CommitInput value="10" onCommit={save} /> */
export function CommitInput({ value, onCommit, readOnly, placeholder, style, testId }: Props) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (draft !== value) onCommit(draft);
  };
  return (
    <Input
      size="small"
      value={draft}
      readOnly={readOnly}
      variant={readOnly ? "borderless" : "outlined"}
      placeholder={placeholder}
      style={style}
      data-testid={testId}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onPressEnter={commit}
    />
  );
}

const TOKEN = /[\p{L}\p{N}_【】]+$/u;
const MAX_OPTIONS = 30;

/** The options for a draft: the draft with its last word completed to each matching name. */
function completions(draft: string, names: FormulaName[]): { value: string; label: string }[] {
  const m = TOKEN.exec(draft);
  if (!m) return [];
  const word = m[0];
  const head = draft.slice(0, draft.length - word.length);
  const lower = word.toLowerCase();
  return names
    .filter((n) => n.name !== word && n.name.toLowerCase().includes(lower))
    .sort(
      (a, b) =>
        Number(!a.name.toLowerCase().startsWith(lower)) - Number(!b.name.toLowerCase().startsWith(lower)),
    )
    .slice(0, MAX_OPTIONS)
    .map((n) => ({ value: head + n.name, label: n.name }));
}

type FormulaProps = Props & { names: FormulaName[] };

/** A formula cell with completion of the names a formula may use. @example <FormulaInput names={names} value={f} onCommit={save} /> */
export function FormulaInput({ value, onCommit, readOnly, names, placeholder, style, testId }: FormulaProps) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const options = useMemo(() => (readOnly ? [] : completions(draft, names)), [draft, names, readOnly]);
  const commit = (v = draft) => {
    if (v !== value) onCommit(v);
  };
  if (readOnly)
    return (
      <code style={{ whiteSpace: "pre-wrap", fontSize: 12, ...style }} data-testid={testId}>
        {value}
      </code>
    );
  return (
    <AutoComplete
      size="small"
      value={draft}
      options={options}
      style={{ width: "100%", ...style }}
      onChange={(v: string) => setDraft(v)}
      onSelect={(v: string) => {
        setDraft(v);
        commit(v);
      }}
      onBlur={() => commit()}
      placeholder={placeholder}
      data-testid={testId}
      popupMatchSelectWidth={false}
    >
      <Input.TextArea
        autoSize={{ minRows: 1, maxRows: 6 }}
        style={{ fontFamily: "ui-monospace, SFMono-Regular, Menlo, monospace", fontSize: 12 }}
      />
    </AutoComplete>
  );
}
