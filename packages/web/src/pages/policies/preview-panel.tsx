/**
 * 预览: computes one employee's payslip for a period with the text being edited (POST /policies/preview, not
 * stored) and shows it with the shared payslip view, read-only.
 * @example <PreviewPanel text={text} />
 */
import { Alert, Button, Empty, Flex, Select, Spin } from "antd";
import { useEffect, useRef, useState } from "react";
import { api, query } from "../../api/client";
import { ErrorDetails } from "../../api/show-error";
import type { ItemsOf, Payslip } from "../../api/types";
import type { EmployeeBrief, PeriodBrief } from "../../api/types-policies";
import { formatPeriod } from "../../components/format";
import { PayslipBody } from "../../components/payslip-view";
import { useLang, useT } from "../../i18n";

type Props = { text: string; hasErrors: boolean };

/** Employee search for the preview (debounced). */
function useEmployeeSearch(): [EmployeeBrief[], boolean, (q: string) => void] {
  const [items, setItems] = useState<EmployeeBrief[]>([]);
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const seq = useRef(0);
  const search = (q: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const mine = ++seq.current;
      setLoading(true);
      api
        .get<{ total: number; items: EmployeeBrief[] }>(
          `/api/v1/employees${query({ q, status: "active", limit: 20 })}`,
        )
        .then((r) => mine === seq.current && setItems(r.items))
        .catch(() => mine === seq.current && setItems([]))
        .finally(() => mine === seq.current && setLoading(false));
    }, 250);
  };
  return [items, loading, search];
}

/** The preview form and result. @example <PreviewPanel text={text} hasErrors={false} /> */
export function PreviewPanel({ text, hasErrors }: Props) {
  const t = useT();
  const { lang } = useLang();
  const [employees, searching, search] = useEmployeeSearch();
  const [periods, setPeriods] = useState<string[]>([]);
  const [employeeNo, setEmployeeNo] = useState<string | undefined>();
  const [period, setPeriod] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Payslip | null>(null);
  const [error, setError] = useState<unknown>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: load the first choices once
  useEffect(() => {
    search("");
    api
      .get<ItemsOf<PeriodBrief>>("/api/v1/periods")
      .then((r) => {
        const list = r.items
          .map((p) => p.period)
          .sort()
          .reverse();
        setPeriods(list);
        setPeriod((cur) => cur ?? list[0]);
      })
      .catch(() => setPeriods([]));
  }, []);

  const run = async () => {
    if (!employeeNo || !period) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await api.post<Payslip>("/api/v1/policies/preview", { yaml: text, employeeNo, period }));
    } catch (e) {
      setResult(null);
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap={12} data-testid="policy-preview">
      <Flex gap={8} wrap>
        <Select
          showSearch={{ filterOption: false, onSearch: search }}
          style={{ width: 260 }}
          placeholder={t("policies.preview.employee")}
          value={employeeNo}
          onChange={setEmployeeNo}
          notFoundContent={searching ? <Spin size="small" /> : t("policies.preview.noEmployee")}
          options={employees.map((e) => ({
            value: e.no,
            label: `${e.name}（${e.no}）${e.team ? ` · ${e.team}` : ""}`,
          }))}
          data-testid="preview-employee"
        />
        <Select
          style={{ width: 160 }}
          placeholder={t("policies.preview.period")}
          value={period}
          onChange={setPeriod}
          options={periods.map((p) => ({ value: p, label: formatPeriod(p, lang) }))}
          data-testid="preview-period"
        />
        <Button
          type="primary"
          onClick={run}
          loading={busy}
          disabled={!employeeNo || !period}
          data-testid="preview-run"
        >
          {t("policies.preview.run")}
        </Button>
      </Flex>
      {hasErrors && <Alert type="warning" showIcon title={t("policies.preview.hasErrors")} />}
      {error !== null && (
        <Alert
          type="error"
          showIcon
          title={t("policies.preview.failed")}
          description={<ErrorDetails error={error} />}
        />
      )}
      {result ? (
        <PayslipBody payslip={result} readOnly preview />
      ) : (
        !error && <Empty description={t("policies.preview.hint")} />
      )}
    </Flex>
  );
}
