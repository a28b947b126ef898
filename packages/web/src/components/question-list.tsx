/**
 * The questions on a payslip with HR's answers.
 * @example <QuestionList questions={p.questions} />
 */
import { Card, Empty, Flex, Tag, Typography } from "antd";
import type { Question } from "../api/types";
import { useLang, useT } from "../i18n";
import { formatDateTime } from "./format";

/** A card listing questions and answers. @example <QuestionList questions={qs} title="我的提问" /> */
export function QuestionList({ questions, title }: { questions: Question[]; title: string }) {
  const t = useT();
  const { lang } = useLang();
  return (
    <Card title={title} size="small" data-testid="payslip-questions">
      {questions.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("payslip.noQuestions")} />
      ) : (
        <Flex vertical gap={12}>
          {questions.map((q) => (
            <div key={q.id} data-testid={`question-${q.id}`}>
              <Flex justify="space-between" align="center" gap={8} wrap>
                <Typography.Text strong>{q.line}</Typography.Text>
                <Tag color={q.status === "answered" ? "green" : "orange"}>
                  {t(q.status === "answered" ? "payslip.qAnswered" : "payslip.qOpen")}
                </Tag>
              </Flex>
              <Typography.Paragraph style={{ margin: "4px 0", whiteSpace: "pre-wrap" }}>
                {q.text}
              </Typography.Paragraph>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t("payslip.askedAt", { time: formatDateTime(q.askedAt, lang) })}
              </Typography.Text>
              {q.answer && (
                <div
                  style={{ marginTop: 8, padding: "8px 12px", background: "#f6ffed", borderRadius: 6 }}
                  data-testid="question-answer"
                >
                  <Typography.Paragraph style={{ margin: 0, whiteSpace: "pre-wrap" }}>
                    {q.answer}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t("payslip.answeredBy", {
                      name: q.answeredBy ?? "",
                      time: formatDateTime(q.answeredAt, lang),
                    })}
                  </Typography.Text>
                </div>
              )}
            </div>
          ))}
        </Flex>
      )}
    </Card>
  );
}
