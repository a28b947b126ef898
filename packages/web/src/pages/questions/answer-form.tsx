/**
 * 回复 of one open question: a text box and a send button posting /questions/:id/answer.
 * @example <AnswerForm id="q1" onAnswered={(q) => …} />
 */
import { Button, Flex, Input } from "antd";
import { useState } from "react";
import { api } from "../../api/client";
import { useShowError } from "../../api/show-error";
import type { Question } from "../../api/types";
import { useT } from "../../i18n";

type Props = { id: string; onAnswered: (q: Question) => void };

/** The answer form. @example <AnswerForm id={q.id} onAnswered={reload} /> */
export function AnswerForm({ id, onAnswered }: Props) {
  const t = useT();
  const showError = useShowError();
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);

  const send = async () => {
    if (!text.trim()) return;
    setBusy(true);
    try {
      onAnswered(
        await api.post<Question>(`/api/v1/questions/${encodeURIComponent(id)}/answer`, {
          answer: text.trim(),
        }),
      );
      setText("");
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      data-testid={`question-answer-${id}`}
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <Flex vertical gap={8}>
        <Input.TextArea
          rows={2}
          value={text}
          maxLength={2000}
          onChange={(e) => setText(e.target.value)}
          placeholder={t("questions.answerPlaceholder")}
          aria-label={t("questions.answer")}
        />
        <Flex justify="end">
          <Button type="primary" htmlType="submit" loading={busy} disabled={!text.trim()}>
            {t("questions.send")}
          </Button>
        </Flex>
      </Flex>
    </form>
  );
}
