/**
 * The checker's findings next to the editor: errors and warnings from core's checker in the browser (each with
 * line:column, a click goes to the field), and the server's labour-law warnings as alerts.
 * @example <ProblemsPanel check={check} onJump={(p) => goTo(p)} />
 */
import { CheckCircleOutlined, CloseCircleOutlined, WarningOutlined } from "@ant-design/icons";
import type { Problem } from "@xinsuan/core";
import { Alert, Card, Flex, Spin, Typography } from "antd";
import { useLang, useT } from "../../i18n";
import type { PolicyCheckState } from "./use-policy-check";

type Props = { check: PolicyCheckState; onJump: (p: Problem) => void };

/** Text of a problem in the UI language, without the position (shown apart). */
function messageOf(p: Problem, en: boolean): string {
  const base = en ? p.en : p.zh;
  return p.ref ? `${base}${en ? ` (see ${p.ref.en})` : `（依据：${p.ref.zh}）`}` : base;
}

/** The problems list and the labour-law alerts. @example <ProblemsPanel check={c} onJump={jump} /> */
export function ProblemsPanel({ check, onJump }: Props) {
  const t = useT();
  const { lang } = useLang();
  const en = lang === "en-US";
  const all = check.problems ?? [];
  // Labour-law warnings come from the server when it answers; the local ones are the fallback.
  const labor = all.filter((p) => p.code === "LABOR");
  const listed = all.filter((p) => p.code !== "LABOR");
  const warnings =
    check.serverWarnings ??
    (check.serverFailed ? labor.map((p) => ({ code: p.code, message: messageOf(p, en) })) : []);

  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center">
          {t("policies.checker")}
          {check.checking && <Spin size="small" />}
        </Flex>
      }
      data-testid="policy-problems"
      styles={{ body: { maxHeight: "60vh", overflowY: "auto" } }}
    >
      {check.problems !== null && listed.length === 0 && (
        <Typography.Text type="success" data-testid="policy-ok">
          <CheckCircleOutlined /> {t("policies.noProblems")}
        </Typography.Text>
      )}
      <Flex vertical gap={4}>
        {listed.map((p, i) => (
          <button
            // biome-ignore lint/suspicious/noArrayIndexKey: problems have no id and may repeat
            key={i}
            type="button"
            className="policy-problem"
            data-testid="policy-problem"
            onClick={() => onJump(p)}
            style={{
              all: "unset",
              cursor: "pointer",
              display: "flex",
              gap: 6,
              padding: "4px 2px",
              borderBottom: "1px dashed #f0f0f0",
            }}
          >
            {p.severity === "error" ? (
              <CloseCircleOutlined style={{ color: "#ff4d4f", marginTop: 4 }} />
            ) : (
              <WarningOutlined style={{ color: "#faad14", marginTop: 4 }} />
            )}
            <span>
              {p.at && (
                <Typography.Text code style={{ fontSize: 12 }}>
                  {p.at.line}:{p.at.column}
                </Typography.Text>
              )}{" "}
              {messageOf(p, en)}
            </span>
          </button>
        ))}
      </Flex>
      {warnings.length > 0 && (
        <Flex vertical gap={8} style={{ marginTop: 12 }} data-testid="policy-labor-warnings">
          {[...new Set(warnings.map((w) => w.message))].map((msg) => (
            <Alert key={msg} type="warning" showIcon title={t("policies.laborWarning")} description={msg} />
          ))}
        </Flex>
      )}
    </Card>
  );
}
