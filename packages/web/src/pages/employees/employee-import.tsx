/**
 * 导入员工表: a modal with a drop box posting the roster (xlsx/csv) to /employees/import; shows the created/updated
 * counts, or the 422's row errors as a table.
 * @example <EmployeeImport open={open} onClose={() => setOpen(false)} onImported={reload} />
 */
import { Alert, Flex, Modal, Typography } from "antd";
import { useState } from "react";
import { type ApiError, isApiError } from "../../api/client";
import { useShowError } from "../../api/show-error";
import type { EmployeeImportResult } from "../../api/types-hr";
import { useT } from "../../i18n";
import { ImportErrors } from "../payroll/import-errors";
import { UploadBox } from "../payroll/upload-box";

type Props = { open: boolean; onClose: () => void; onImported: () => void };

/** The import modal. @example <EmployeeImport open onClose={close} onImported={reload} /> */
export function EmployeeImport({ open, onClose, onImported }: Props) {
  const t = useT();
  const showError = useShowError();
  const [result, setResult] = useState<EmployeeImportResult | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);

  const close = () => {
    setResult(null);
    setFailure(null);
    onClose();
  };

  return (
    <Modal
      open={open}
      onCancel={close}
      footer={null}
      width={760}
      title={t("employees.import")}
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t("employees.importHint")}
        </Typography.Paragraph>
        <UploadBox<EmployeeImportResult>
          url="/api/v1/employees/import"
          testId="employee-import-upload"
          hint={t("employees.importDrop")}
          onStart={() => {
            setResult(null);
            setFailure(null);
          }}
          onDone={(r) => {
            setResult(r);
            onImported();
          }}
          onError={(e) => {
            if (isApiError(e) && e.status === 422) setFailure(e);
            else showError(e);
          }}
        />
        {result && (
          <Alert
            type="success"
            showIcon
            data-testid="employee-import-result"
            title={t("employees.importDone", { created: result.created ?? 0, updated: result.updated ?? 0 })}
          />
        )}
        {failure && <ImportErrors error={failure} testId="import-errors" />}
      </Flex>
    </Modal>
  );
}
