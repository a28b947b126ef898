/**
 * 源码 tab: the policy YAML as monospace text with line numbers; jumping to a problem selects its line.
 * @example <SourceTab text={text} onText={setText} jump={{ line: 3, column: 5, seq: 1 }} />
 */
import { type UIEvent, useEffect, useRef } from "react";

/** A place to jump to; `seq` changes on every jump so the same line can be selected twice. @example { line: 3, column: 1, seq: 2 } */
export type SourceJump = { line: number; column: number; seq: number };

type Props = { text: string; onText: (t: string) => void; readOnly: boolean; jump: SourceJump | null };

const LINE_HEIGHT = 20;
const FONT = "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace";

/** The YAML source editor. @example <SourceTab text={t} onText={setT} readOnly={false} jump={null} /> */
export function SourceTab({ text, onText, readOnly, jump }: Props) {
  const area = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  const lines = text.split("\n").length;

  useEffect(() => {
    const el = area.current;
    if (!el || !jump) return;
    const all = el.value.split("\n");
    let offset = 0;
    for (let i = 0; i < jump.line - 1 && i < all.length; i++) offset += (all[i]?.length ?? 0) + 1;
    const lineText = all[jump.line - 1] ?? "";
    el.focus();
    el.setSelectionRange(offset, offset + lineText.length);
    el.scrollTop = Math.max(0, (jump.line - 5) * LINE_HEIGHT);
  }, [jump]);

  const sync = (e: UIEvent<HTMLTextAreaElement>) => {
    if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop;
  };

  return (
    <div
      style={{
        display: "flex",
        border: "1px solid #d9d9d9",
        borderRadius: 6,
        height: "70vh",
        overflow: "hidden",
      }}
    >
      <div
        ref={gutter}
        aria-hidden
        style={{
          overflow: "hidden",
          padding: "8px 6px",
          background: "#fafafa",
          color: "#999",
          textAlign: "right",
          fontFamily: FONT,
          fontSize: 13,
          lineHeight: `${LINE_HEIGHT}px`,
          userSelect: "none",
          minWidth: 44,
        }}
      >
        {Array.from({ length: lines }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: line numbers are positions
          <div key={i}>{i + 1}</div>
        ))}
      </div>
      <textarea
        ref={area}
        data-testid="policy-source"
        value={text}
        readOnly={readOnly}
        spellCheck={false}
        wrap="off"
        onScroll={sync}
        onChange={(e) => onText(e.target.value)}
        style={{
          flex: 1,
          border: "none",
          outline: "none",
          resize: "none",
          padding: 8,
          fontFamily: FONT,
          fontSize: 13,
          lineHeight: `${LINE_HEIGHT}px`,
          whiteSpace: "pre",
          overflow: "auto",
        }}
      />
    </div>
  );
}
