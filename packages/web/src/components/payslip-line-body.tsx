/**
 * The expanded part of one explained payslip line: sentence, formula with values, sources and notes.
 * @example <PayslipLineBody line={line} />
 */
import { Flex, Typography } from "antd";
import type { CSSProperties } from "react";
import type { PayslipLine } from "../api/types";
import { useT } from "../i18n";
import { formatNumber } from "./format";

const LABEL: CSSProperties = { minWidth: 72, flexShrink: 0 };

/** Sentence, formula, substituted values, refs and notes of a line. @example <PayslipLineBody line={l} /> */
export function PayslipLineBody({ line }: { line: PayslipLine }) {
  const t = useT();
  const notes = line.notes ?? [];
  return (
    <Flex vertical gap={8} style={{ fontSize: 14 }}>
      {line.sentence && (
        <Typography.Paragraph style={{ margin: 0 }} data-testid="payslip-line-sentence">
          {line.sentence}
        </Typography.Paragraph>
      )}
      {line.description && (
        <Typography.Text type="secondary" style={{ whiteSpace: "pre-wrap" }}>
          {line.description}
        </Typography.Text>
      )}
      {line.formula && (
        <Flex gap={8} wrap>
          <Typography.Text type="secondary" style={LABEL}>
            {t("payslip.formula")}
          </Typography.Text>
          <Typography.Text code style={{ wordBreak: "break-all" }}>
            {line.formula}
          </Typography.Text>
        </Flex>
      )}
      {line.substituted && line.substituted !== line.formula && (
        <Flex gap={8} wrap>
          <Typography.Text type="secondary" style={LABEL}>
            {t("payslip.substituted")}
          </Typography.Text>
          <Typography.Text code style={{ wordBreak: "break-all" }}>
            {line.substituted}
          </Typography.Text>
        </Flex>
      )}
      {line.refs.length > 0 && (
        <div>
          <Typography.Text type="secondary">{t("payslip.refs")}</Typography.Text>
          <ul style={{ margin: "4px 0 0", paddingInlineStart: 20 }}>
            {line.refs.map((r) => (
              <li key={`${r.label}|${r.source}`}>
                <Typography.Text>
                  {r.label} = <Typography.Text strong>{formatNumber(r.value)}</Typography.Text>
                </Typography.Text>
                {r.source && (
                  <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                    {r.source}
                  </Typography.Text>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {notes.length > 0 && (
        <div>
          <Typography.Text type="secondary">{t("payslip.notes")}</Typography.Text>
          <ul style={{ margin: "4px 0 0", paddingInlineStart: 20 }}>
            {notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      )}
    </Flex>
  );
}
