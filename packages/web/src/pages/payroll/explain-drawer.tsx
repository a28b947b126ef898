/**
 * The explanation of one register row in a Drawer: the row's error and warnings on top, then the explained payslip
 * (every line down to its inputs) from /payslips/:period/:employeeNo.
 * @example <ExplainDrawer period="2026-10" row={row} onClose={() => setRow(null)} />
 */
import { Alert, Button, Drawer, Flex } from "antd";
import { Link } from "react-router-dom";
import type { RegisterRow } from "../../api/types-payroll";
import { PayslipView } from "../../components/payslip-view";
import { useT } from "../../i18n";

type Props = { period: string; row: RegisterRow | null; onClose: () => void };

/** The drawer (closed when row is null). @example <ExplainDrawer period="2026-10" row={null} onClose={close} /> */
export function ExplainDrawer({ period, row, onClose }: Props) {
  const t = useT();
  return (
    <Drawer
      open={row !== null}
      onClose={onClose}
      size={880}
      title={row ? t("payroll.explainTitle", { name: row.name, no: row.employeeNo }) : ""}
      extra={
        row && (
          <Link to={`/payslips/${period}/${encodeURIComponent(row.employeeNo)}`}>
            <Button size="small">{t("payroll.openPayslip")}</Button>
          </Link>
        )
      }
      destroyOnHidden
    >
      {row && (
        <Flex vertical gap={12} data-testid="explain-drawer">
          {row.error && <Alert type="error" showIcon title={t("payroll.blocked")} description={row.error} />}
          {row.warnings.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title={t("payroll.rowWarnings", { n: row.warnings.length })}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {row.warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              }
            />
          )}
          <PayslipView period={period} employeeNo={row.employeeNo} readOnly />
        </Flex>
      )}
    </Drawer>
  );
}
