/**
 * 确认 / 驳回 of one grade review with an optional comment (required to reject).
 * @example <DecideModal review={r} decision="confirm" onClose={close} onDecided={reload} />
 */
import { Input, Modal, Typography } from "antd";
import { useState } from "react";
import { api } from "../../api/client";
import { useShowError } from "../../api/show-error";
import type { Review } from "../../api/types-hr";
import { useT } from "../../i18n";

/** A decision on a review. @example "reject" */
export type ReviewDecision = "confirm" | "reject";

type Props = { review: Review | null; decision: ReviewDecision; onClose: () => void; onDecided: () => void };

/** The decision modal (closed when review is null). @example <DecideModal review={null} decision="confirm" onClose={c} onDecided={r} /> */
export function DecideModal({ review, decision, onClose, onDecided }: Props) {
  const t = useT();
  const showError = useShowError();
  const [comment, setComment] = useState("");
  const [busy, setBusy] = useState(false);
  const needsComment = decision === "reject" && comment.trim() === "";

  const submit = async () => {
    if (!review) return;
    setBusy(true);
    try {
      const body = { decision, ...(comment.trim() ? { comment: comment.trim() } : {}) };
      await api.post(`/api/v1/reviews/${encodeURIComponent(review.id)}/decide`, body);
      setComment("");
      onDecided();
      onClose();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={review !== null}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={busy}
      okButtonProps={{
        disabled: needsComment,
        danger: decision === "reject",
        "data-testid": "review-decide-ok",
      }}
      okText={t(decision === "confirm" ? "reviews.confirm" : "reviews.reject")}
      cancelText={t("common.cancel")}
      title={review ? t(`reviews.${decision}Title`, { name: review.name, no: review.employeeNo }) : ""}
      destroyOnHidden
    >
      {review && (
        <>
          <Typography.Paragraph>
            {t("reviews.change", { from: review.fromGrade ?? "—", to: review.toGrade ?? "—" })} ·{" "}
            {review.reason}
          </Typography.Paragraph>
          <Input.TextArea
            rows={3}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            placeholder={t(decision === "reject" ? "reviews.commentRequired" : "reviews.comment")}
            data-testid="review-comment"
            maxLength={500}
          />
        </>
      )}
    </Modal>
  );
}
