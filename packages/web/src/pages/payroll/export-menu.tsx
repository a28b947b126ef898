/**
 * 导出 of a calculated run: 工资表 xlsx/csv, 工资条, PDF工资条 (zip), 银行代发 and 个税申报 (finance), 社保汇总 —
 * only the entries the role may download.
 * @example <ExportMenu period="2026-09" />
 */
import { DownloadOutlined, DownOutlined } from "@ant-design/icons";
import { Button, Dropdown } from "antd";
import { useState } from "react";
import { api } from "../../api/client";
import { useShowError } from "../../api/show-error";
import { useMe } from "../../auth/auth-provider";
import { useT } from "../../i18n";
import { mayDo, type UiPermission } from "./permissions";

type Entry = {
  key: string;
  kind: string;
  format: "xlsx" | "csv";
  label: string;
  needs: UiPermission;
  ext: string;
};

const ENTRIES: Entry[] = [
  {
    key: "register-xlsx",
    kind: "register",
    format: "xlsx",
    label: "payroll.export.registerXlsx",
    needs: "exports.register",
    ext: "xlsx",
  },
  {
    key: "register-csv",
    kind: "register",
    format: "csv",
    label: "payroll.export.registerCsv",
    needs: "exports.register",
    ext: "csv",
  },
  {
    key: "payslips",
    kind: "payslips",
    format: "xlsx",
    label: "payroll.export.payslips",
    needs: "exports.register",
    ext: "xlsx",
  },
  {
    key: "payslips-pdf",
    kind: "payslips-pdf",
    format: "xlsx",
    label: "payroll.export.payslipsPdf",
    needs: "exports.register",
    ext: "zip",
  },
  {
    key: "bank",
    kind: "bank",
    format: "xlsx",
    label: "payroll.export.bank",
    needs: "exports.bank",
    ext: "xlsx",
  },
  { key: "iit", kind: "iit", format: "xlsx", label: "payroll.export.iit", needs: "exports.iit", ext: "xlsx" },
  { key: "si", kind: "si", format: "xlsx", label: "payroll.export.si", needs: "exports.si", ext: "xlsx" },
];

/** The export dropdown (nothing when the role may export nothing). @example <ExportMenu period="2026-09" /> */
export function ExportMenu({ period }: { period: string }) {
  const t = useT();
  const me = useMe();
  const showError = useShowError();
  const [busy, setBusy] = useState(false);
  const entries = ENTRIES.filter((e) => mayDo(me, e.needs));
  if (entries.length === 0) return null;

  const run = async (key: string) => {
    const e = entries.find((x) => x.key === key);
    if (!e) return;
    setBusy(true);
    try {
      const fmt = e.kind === "payslips-pdf" ? "" : `?format=${e.format}`;
      await api.download(
        `/api/v1/periods/${encodeURIComponent(period)}/exports/${e.kind}${fmt}`,
        `${period}-${e.kind}.${e.ext}`,
      );
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dropdown
      trigger={["click"]}
      menu={{
        items: entries.map((e) => ({ key: e.key, label: t(e.label), "data-testid": `export-${e.key}` })),
        onClick: ({ key }) => void run(key),
      }}
    >
      <Button icon={<DownloadOutlined />} loading={busy} data-testid="export-menu">
        {t("payroll.export")} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
