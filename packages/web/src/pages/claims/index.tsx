/**
 * 申报审批 /claims (lead, hr): the claims queue, pending first, with 通过 / 驳回 (and a comment), filters by
 * status and period, and 新建申报 for an employee of the lead's team.
 * @example <Route path="claims/*" element={<ClaimsPage />} />
 */
import { PlusOutlined } from "@ant-design/icons";
import { App, Button, Flex, Select, Typography } from "antd";
import { useCallback, useEffect, useMemo, useState } from "react";
import { api, query } from "../../api/client";
import { ErrorDetails } from "../../api/show-error";
import type { ItemsOf } from "../../api/types";
import type { Claim } from "../../api/types-policies";
import { useMe } from "../../auth/auth-provider";
import { formatPeriod } from "../../components/format";
import { useLang, useT } from "../../i18n";
import { useTeamContext } from "../team/use-team-context";
import { ClaimsTable } from "./claims-table";
import { DecideModal, type Decision } from "./decide-modal";
import { NewClaimModal } from "./new-claim-modal";

const DEFAULT_INPUTS = ["电话成交单数_已审批"];

/** The claims page. @example <ClaimsPage /> */
export default function ClaimsPage() {
  const t = useT();
  const me = useMe();
  const { lang } = useLang();
  const { message } = App.useApp();
  const { teams, periods, defaultPeriod } = useTeamContext();
  const [status, setStatus] = useState<string>("");
  const [period, setPeriod] = useState<string>("");
  const [items, setItems] = useState<Claim[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [deciding, setDeciding] = useState<{ claim: Claim; decision: Decision } | null>(null);
  const [creating, setCreating] = useState(false);

  const load = useCallback(() => {
    setError(null);
    api
      .get<ItemsOf<Claim>>(`/api/v1/claims${query({ status, period })}`)
      .then((r) => setItems(r.items))
      .catch((e) => {
        setItems([]);
        setError(e);
      });
  }, [status, period]);
  useEffect(load, [load]);

  const inputs = useMemo(
    () => [...new Set([...DEFAULT_INPUTS, ...(items ?? []).map((c) => c.input)])],
    [items],
  );
  const replace = (c: Claim) => setItems((list) => (list ?? []).map((x) => (x.id === c.id ? c : x)));

  return (
    <Flex vertical gap={16} style={{ maxWidth: 1400 }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("claims.title")}
        </Typography.Title>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
          disabled={!teams}
          data-testid="claim-new"
        >
          {t("claims.new")}
        </Button>
      </Flex>
      <Flex gap={8} wrap align="center">
        <Select
          style={{ width: 140 }}
          value={status}
          onChange={setStatus}
          options={["", "pending", "approved", "rejected"].map((s) => ({
            value: s,
            label: t(s ? `claims.status.${s}` : "claims.allStatus"),
          }))}
          data-testid="claims-status-filter"
        />
        <Select
          style={{ width: 160 }}
          value={period}
          onChange={setPeriod}
          options={[
            { value: "", label: t("claims.allPeriods") },
            ...periods.map((p) => ({ value: p, label: formatPeriod(p, lang) })),
          ]}
        />
      </Flex>
      {error !== null && <ErrorDetails error={error} />}
      <ClaimsTable
        items={items}
        selfNo={me.employeeNo}
        onDecide={(claim, decision) => setDeciding({ claim, decision })}
      />
      <DecideModal
        claim={deciding?.claim ?? null}
        decision={deciding?.decision ?? "approve"}
        onClose={() => setDeciding(null)}
        onDecided={(c) => {
          replace(c);
          setDeciding(null);
          void message.success(t(c.status === "rejected" ? "claims.rejected" : "claims.approved"));
        }}
      />
      <NewClaimModal
        open={creating}
        teams={teams ?? []}
        periods={periods}
        defaultPeriod={defaultPeriod}
        inputs={inputs}
        onClose={() => setCreating(false)}
        onCreated={(c) => {
          setCreating(false);
          setItems((list) => [c, ...(list ?? [])]);
          void message.success(t("claims.created"));
        }}
      />
    </Flex>
  );
}
