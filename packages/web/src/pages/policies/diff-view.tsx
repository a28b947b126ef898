/**
 * The difference between two policy texts: a summary of params / tables / inputs / calcs / scorecards / items
 * added, removed or changed, then a unified line diff of the YAML with both line numbers.
 * @example <DiffView before={baseText} after={text} beforeLabel="v2" afterLabel="编辑中" />
 */
import { Alert, Card, Empty, Flex, Table, Tag, Typography } from "antd";
import { useMemo } from "react";
import { useT } from "../../i18n";
import { countChanges, diffLines, toHunks } from "./line-diff";
import { type PolicyChange, summarizePolicyChanges } from "./structured-diff";

type Props = { before: string; after: string; beforeLabel: string; afterLabel: string };

const COLORS = { added: "green", removed: "red", changed: "gold" } as const;
const BG = { same: undefined, add: "#f6ffed", del: "#fff1f0" } as const;
const SIGN = { same: " ", add: "+", del: "-" } as const;
const MONO = "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace";

/** The summary and the line diff. @example <DiffView before={a} after={b} beforeLabel="v1" afterLabel="v2" /> */
export function DiffView({ before, after, beforeLabel, afterLabel }: Props) {
  const t = useT();
  const lines = useMemo(() => diffLines(before, after), [before, after]);
  const hunks = useMemo(() => toHunks(lines, 3), [lines]);
  const changes = useMemo(() => summarizePolicyChanges(before, after), [before, after]);
  const { added, removed } = countChanges(lines);

  return (
    <Flex vertical gap={12} data-testid="policy-diff">
      <Typography.Text type="secondary">
        {t("policies.diff.between", { a: beforeLabel, b: afterLabel })} ·{" "}
        {t("policies.diff.counts", { added, removed })}
      </Typography.Text>
      <Card size="small" title={t("policies.diff.summary")}>
        {changes === null ? (
          <Alert type="warning" showIcon title={t("policies.diff.unparsable")} />
        ) : changes.length === 0 ? (
          <Typography.Text type="secondary">{t("policies.diff.noNamedChanges")}</Typography.Text>
        ) : (
          <Table<PolicyChange>
            size="small"
            pagination={false}
            rowKey={(c) => `${c.section}:${c.name}:${c.change}`}
            dataSource={changes}
            data-testid="policy-diff-summary"
            columns={[
              {
                title: t("policies.diff.section"),
                dataIndex: "section",
                width: 90,
                render: (s: string) => t(`policies.tab.${s}`),
              },
              { title: t("policies.col.name"), dataIndex: "name", width: 160 },
              {
                title: t("policies.diff.change"),
                dataIndex: "change",
                width: 80,
                render: (c: PolicyChange["change"]) => <Tag color={COLORS[c]}>{t(`policies.diff.${c}`)}</Tag>,
              },
              {
                title: beforeLabel,
                dataIndex: "before",
                render: (v?: string) => <code style={{ fontSize: 12 }}>{v}</code>,
              },
              {
                title: afterLabel,
                dataIndex: "after",
                render: (v?: string) => <code style={{ fontSize: 12 }}>{v}</code>,
              },
            ]}
          />
        )}
      </Card>
      <Card
        size="small"
        title={t("policies.diff.lines")}
        styles={{ body: { padding: 0, overflowX: "auto" } }}
      >
        {hunks.length === 0 ? (
          <Empty description={t("policies.diff.same")} style={{ padding: 16 }} />
        ) : (
          <div style={{ fontFamily: MONO, fontSize: 12, lineHeight: "18px" }}>
            {hunks.map((h) => (
              <div key={`${h.aStart}-${h.bStart}`}>
                <div style={{ background: "#f0f5ff", color: "#1d39c4", padding: "2px 8px" }}>
                  @@ -{h.aStart} +{h.bStart} @@
                </div>
                {h.lines.map((l) => (
                  <div
                    key={`${l.op}${l.a ?? ""}-${l.b ?? ""}`}
                    style={{ display: "flex", background: BG[l.op], whiteSpace: "pre" }}
                  >
                    <span style={{ width: 44, textAlign: "right", color: "#aaa", paddingRight: 6 }}>
                      {l.a ?? ""}
                    </span>
                    <span style={{ width: 44, textAlign: "right", color: "#aaa", paddingRight: 6 }}>
                      {l.b ?? ""}
                    </span>
                    <span
                      style={{
                        width: 14,
                        color: l.op === "add" ? "#389e0d" : l.op === "del" ? "#cf1322" : "#aaa",
                      }}
                    >
                      {SIGN[l.op]}
                    </span>
                    <span>{l.text}</span>
                  </div>
                ))}
              </div>
            ))}
          </div>
        )}
      </Card>
    </Flex>
  );
}
