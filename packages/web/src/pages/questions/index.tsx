/**
 * 员工提问 (hr/admin): open and answered questions about payslip lines, each with the employee, month, line and
 * text, a 回复 form for open ones and a link to the payslip.
 * @example <Route path="questions/*" element={<QuestionsPage />} />
 */
import { Badge, Card, Empty, Flex, Skeleton, Tabs, Tag, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { api } from "../../api/client";
import { useShowError } from "../../api/show-error";
import type { ItemsOf, Question } from "../../api/types";
import { formatDateTime, formatPeriod } from "../../components/format";
import { useLang, useT } from "../../i18n";
import { AnswerForm } from "./answer-form";

type Status = "open" | "answered";

function QuestionCard({ q, onAnswered }: { q: Question; onAnswered: (q: Question) => void }) {
  const t = useT();
  const { lang } = useLang();
  return (
    <Card
      size="small"
      data-testid={`question-${q.id}`}
      title={
        <Flex gap={8} align="center" wrap>
          <span>{t("payslip.employee", { name: q.employeeName, no: q.employeeNo })}</span>
          <Tag>{formatPeriod(q.period, lang)}</Tag>
          <Tag color="blue">{q.line}</Tag>
        </Flex>
      }
      extra={
        <Link to={`/payslips/${q.period}/${encodeURIComponent(q.employeeNo)}`}>
          {t("questions.openPayslip")}
        </Link>
      }
    >
      <Flex vertical gap={8}>
        <Typography.Paragraph style={{ margin: 0, whiteSpace: "pre-wrap" }}>{q.text}</Typography.Paragraph>
        <Typography.Text type="secondary">
          {t("payslip.askedAt", { time: formatDateTime(q.askedAt, lang) })}
        </Typography.Text>
        {q.status === "answered" ? (
          <Card size="small" type="inner" title={t("payslip.answer")}>
            <Typography.Paragraph style={{ margin: 0, whiteSpace: "pre-wrap" }}>
              {q.answer}
            </Typography.Paragraph>
            <Typography.Text type="secondary">
              {t("payslip.answeredBy", {
                name: q.answeredBy ?? "",
                time: formatDateTime(q.answeredAt, lang),
              })}
            </Typography.Text>
          </Card>
        ) : (
          <AnswerForm id={q.id} onAnswered={onAnswered} />
        )}
      </Flex>
    </Card>
  );
}

/** The questions page. @example <QuestionsPage /> */
export default function QuestionsPage() {
  const t = useT();
  const showError = useShowError();
  const [status, setStatus] = useState<Status>("open");
  const [items, setItems] = useState<Record<Status, Question[] | null>>({ open: null, answered: null });

  const load = useCallback(
    async (s: Status) => {
      try {
        const r = await api.get<ItemsOf<Question>>(`/api/v1/questions?status=${s}`);
        setItems((cur) => ({ ...cur, [s]: r.items }));
      } catch (e) {
        setItems((cur) => ({ ...cur, [s]: [] }));
        showError(e);
      }
    },
    [showError],
  );

  useEffect(() => {
    void load("open");
    void load("answered");
  }, [load]);

  const answered = (q: Question) =>
    setItems((cur) => ({
      open: (cur.open ?? []).filter((x) => x.id !== q.id),
      answered: [q, ...(cur.answered ?? []).filter((x) => x.id !== q.id)],
    }));

  const list = (s: Status) => {
    const qs = items[s];
    if (qs === null) return <Skeleton active />;
    if (qs.length === 0)
      return <Empty description={t(s === "open" ? "questions.noOpen" : "questions.noAnswered")} />;
    return (
      <Flex vertical gap={12}>
        {qs.map((q) => (
          <QuestionCard key={q.id} q={q} onAnswered={answered} />
        ))}
      </Flex>
    );
  };

  return (
    <Flex vertical gap={16} style={{ maxWidth: 960 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("nav.questions")}
      </Typography.Title>
      <Tabs
        activeKey={status}
        onChange={(k) => setStatus(k as Status)}
        items={[
          {
            key: "open",
            label: (
              <Badge count={items.open?.length ?? 0} size="small" offset={[10, -2]}>
                {t("payslip.qOpen")}
              </Badge>
            ),
            children: list("open"),
          },
          { key: "answered", label: t("payslip.qAnswered"), children: list("answered") },
        ]}
      />
    </Flex>
  );
}
