/**
 * The 通过 / 驳回 dialog of a claim: an optional comment (required to reject), POST /claims/:id/decide.
 * @example <DecideModal claim={c} decision="approve" onClose={close} onDecided={update} />
 */
import { Descriptions, Form, Input, Modal } from "antd";
import { useEffect, useState } from "react";
import { api } from "../../api/client";
import { useShowError } from "../../api/show-error";
import type { Claim } from "../../api/types-policies";
import { useT } from "../../i18n";

/** A decision on a claim. @example const d: Decision = "reject"; */
export type Decision = "approve" | "reject";

type Props = {
  claim: Claim | null;
  decision: Decision;
  onClose: () => void;
  onDecided: (c: Claim) => void;
};

/** The dialog. @example <DecideModal claim={c} decision="reject" onClose={f} onDecided={g} /> */
export function DecideModal({ claim, decision, onClose, onDecided }: Props) {
  const t = useT();
  const showError = useShowError();
  const [comment, setComment] = useState("");
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (claim) setComment("");
  }, [claim]);
  const needsComment = decision === "reject" && comment.trim() === "";

  const submit = async () => {
    if (!claim) return;
    setBusy(true);
    try {
      const r = await api.post<Claim>(`/api/v1/claims/${encodeURIComponent(claim.id)}/decide`, {
        decision,
        comment: comment.trim() || undefined,
      });
      onDecided(r);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={claim !== null}
      title={t(decision === "approve" ? "claims.approveTitle" : "claims.rejectTitle")}
      okText={t(decision === "approve" ? "claims.approve" : "claims.reject")}
      okButtonProps={{
        danger: decision === "reject",
        disabled: needsComment,
        "data-testid": "claim-decide-ok",
      }}
      cancelText={t("common.cancel")}
      confirmLoading={busy}
      onOk={submit}
      onCancel={onClose}
    >
      {claim && (
        <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t("claims.col.employee")}>
            {claim.employeeName}（{claim.employeeNo}）
          </Descriptions.Item>
          <Descriptions.Item label={t("claims.col.input")}>
            {claim.input} × {claim.quantity}
          </Descriptions.Item>
          <Descriptions.Item label={t("claims.col.evidence")}>{claim.evidence}</Descriptions.Item>
        </Descriptions>
      )}
      <Form layout="vertical">
        <Form.Item label={t(decision === "reject" ? "claims.commentRequired" : "claims.comment")}>
          <Input.TextArea
            rows={3}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            data-testid="claim-comment"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
