/**
 * 新建申报: an employee of the lead's team, the period, the number input it adds to, the quantity and the
 * evidence (e.g. the recording number); POST /claims. Team members come from GET /employees?teamId= (or, when
 * the role may not list employees, from the team's scorecard rows).
 * @example <NewClaimModal open teams={teams} periods={periods} inputs={["电话成交单数_已审批"]} onClose={f} onCreated={g} />
 */
import { Alert, AutoComplete, Form, Input, Modal, Select } from "antd";
import { useEffect, useState } from "react";
import { api, query } from "../../api/client";
import { ErrorDetails } from "../../api/show-error";
import type { Claim, EmployeeBrief, TeamInfo, TeamScores } from "../../api/types-policies";
import { formatPeriod } from "../../components/format";
import { useLang, useT } from "../../i18n";

type Props = {
  open: boolean;
  teams: TeamInfo[];
  periods: string[];
  defaultPeriod: string | undefined;
  inputs: string[];
  onClose: () => void;
  onCreated: (c: Claim) => void;
};

type Values = {
  employeeNo: string;
  period: string;
  input: string;
  quantity: string;
  evidence: string;
  note?: string;
};

/** Members of the given teams. */
async function loadMembers(teams: TeamInfo[], period: string): Promise<EmployeeBrief[]> {
  const out: EmployeeBrief[] = [];
  for (const tm of teams) {
    try {
      const r = await api.get<{ items: EmployeeBrief[] }>(
        `/api/v1/employees${query({ teamId: tm.id, status: "active", limit: 500 })}`,
      );
      out.push(...r.items.map((e) => ({ ...e, team: e.team ?? tm.name })));
    } catch {
      const s = await api.get<TeamScores>(
        `/api/v1/teams/${encodeURIComponent(tm.id)}/scores${query({ period })}`,
      );
      out.push(...s.rows.map((r) => ({ no: r.employeeNo, name: r.name, team: tm.name })));
    }
  }
  return out;
}

/** The dialog. @example <NewClaimModal {...props} /> */
export function NewClaimModal({ open, teams, periods, defaultPeriod, inputs, onClose, onCreated }: Props) {
  const t = useT();
  const { lang } = useLang();
  const [form] = Form.useForm<Values>();
  const [members, setMembers] = useState<EmployeeBrief[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!open) return;
    setError(null);
    const period = defaultPeriod ?? periods[0] ?? "";
    form.setFieldsValue({ period, input: inputs[0] ?? "" });
    loadMembers(teams, period)
      .then(setMembers)
      .catch(() => setMembers([]));
  }, [open, teams, periods, defaultPeriod, inputs, form]);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      onCreated(await api.post<Claim>("/api/v1/claims", { ...v, note: v.note?.trim() || undefined }));
      form.resetFields();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t("claims.new")}
      okText={t("common.submit")}
      cancelText={t("common.cancel")}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ "data-testid": "claim-new-ok" }}
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="employeeNo"
          label={t("claims.col.employee")}
          rules={[{ required: true, message: t("claims.required") }]}
        >
          <Select
            showSearch={{ optionFilterProp: "label" }}
            options={members.map((m) => ({
              value: m.no,
              label: `${m.name}（${m.no}）${m.team ? ` · ${m.team}` : ""}`,
            }))}
            data-testid="claim-employee"
          />
        </Form.Item>
        <Form.Item
          name="period"
          label={t("claims.col.period")}
          rules={[{ required: true, message: t("claims.required") }]}
        >
          <Select
            options={periods.map((p) => ({ value: p, label: formatPeriod(p, lang) }))}
            data-testid="claim-period"
          />
        </Form.Item>
        <Form.Item
          name="input"
          label={t("claims.col.input")}
          extra={t("claims.inputHint")}
          rules={[{ required: true, message: t("claims.required") }]}
        >
          <AutoComplete options={inputs.map((i) => ({ value: i }))} data-testid="claim-input" />
        </Form.Item>
        <Form.Item
          name="quantity"
          label={t("claims.col.quantity")}
          rules={[{ required: true, pattern: /^\d+(\.\d+)?$/, message: t("claims.quantityInvalid") }]}
        >
          <Input inputMode="decimal" data-testid="claim-quantity" />
        </Form.Item>
        <Form.Item
          name="evidence"
          label={t("claims.col.evidence")}
          extra={t("claims.evidenceHint")}
          rules={[{ required: true, message: t("claims.required") }]}
        >
          <Input data-testid="claim-evidence" />
        </Form.Item>
        <Form.Item name="note" label={t("claims.col.note")}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
      {error !== null && (
        <Alert
          type="error"
          showIcon
          title={t("claims.createFailed")}
          description={<ErrorDetails error={error} />}
        />
      )}
    </Modal>
  );
}
