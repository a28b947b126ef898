/**
 * The explained lines of a payslip as a Collapse: name + amount, expanding to the explanation, with the
 * 对此项提问 action for the employee.
 * @example <PayslipLines lines={p.lines} onAsk={(name) => setAsking(name)} />
 */
import { QuestionCircleOutlined } from "@ant-design/icons";
import { Button, Collapse, Flex, Tag, Typography } from "antd";
import type { PayslipLine, Question } from "../api/types";
import { useT } from "../i18n";
import { formatMoney, isNegative } from "./format";
import { PayslipLineBody } from "./payslip-line-body";

const MONEY_KINDS = new Set(["earning", "deduction", "withholding", "total"]);
const KIND_COLORS: Record<string, string> = {
  earning: "green",
  deduction: "orange",
  withholding: "red",
  total: "blue",
};

type Props = {
  lines: PayslipLine[];
  /** Questions, to show a count per line. */
  questions?: Question[];
  /** When given, each line gets a 对此项提问 button. */
  onAsk?: (line: string) => void;
  /** data-testid prefix of each line's header. */
  testIdPrefix?: string;
};

/** The lines as collapsible panels. @example <PayslipLines lines={lines} /> */
export function PayslipLines({ lines, questions = [], onAsk, testIdPrefix = "payslip-line" }: Props) {
  const t = useT();
  const items = lines.map((line, i) => {
    const money = MONEY_KINDS.has(line.kind);
    const asked = questions.filter((q) => q.line === line.name).length;
    const kindKey = `payslip.kind.${line.kind}`;
    const kindLabel = t(kindKey);
    return {
      key: `${i}:${line.name}`,
      label: (
        <Flex justify="space-between" align="center" gap={8} data-testid={`${testIdPrefix}-${line.name}`}>
          <span style={{ minWidth: 0 }}>
            <Typography.Text strong={line.kind === "total"}>{line.name}</Typography.Text>
            {line.kind !== "info" && kindLabel !== kindKey && (
              <Tag color={KIND_COLORS[line.kind]} style={{ marginInlineStart: 8 }} bordered={false}>
                {kindLabel}
              </Tag>
            )}
            {asked > 0 && (
              <Tag color="orange" bordered={false}>
                {t("payslip.lineQuestions", { n: asked })}
              </Tag>
            )}
          </span>
          <Typography.Text
            strong
            type={money && isNegative(line.value) ? "danger" : undefined}
            style={{ whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" }}
          >
            {/* Other values (a year, a count, a ratio) are shown as the engine formatted them: 2026, not 2,026. */}
            {money ? formatMoney(line.value) : line.value}
          </Typography.Text>
        </Flex>
      ),
      children: (
        <Flex vertical gap={12}>
          <PayslipLineBody line={line} />
          {onAsk && (
            <div>
              <Button
                size="small"
                icon={<QuestionCircleOutlined />}
                onClick={() => onAsk(line.name)}
                data-testid={`payslip-ask-${line.name}`}
              >
                {t("payslip.ask")}
              </Button>
            </div>
          )}
        </Flex>
      ),
    };
  });
  return <Collapse items={items} />;
}
