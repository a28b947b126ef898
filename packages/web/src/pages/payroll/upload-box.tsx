/**
 * A drag-and-drop box that posts one xlsx/csv file as multipart (`file` plus extra fields) to an API URL; the
 * caller gets the JSON result or the error (e.g. a 422 with row details).
 * @example <UploadBox url="/api/v1/employees/import" hint="…" onDone={…} onError={…} />
 */
import { InboxOutlined } from "@ant-design/icons";
import { Upload } from "antd";
import { useState } from "react";
import { api } from "../../api/client";
import { useT } from "../../i18n";

type Props<T> = {
  url: string;
  fields?: Record<string, string>;
  hint?: string;
  disabled?: boolean;
  testId?: string;
  onStart?: () => void;
  onDone: (result: T, fileName: string) => void;
  onError: (e: unknown) => void;
};

/** The upload box. @example <UploadBox<{rows:number}> url={u} fields={{ kind: "kpi" }} onDone={…} onError={…} /> */
export function UploadBox<T>({ url, fields, hint, disabled, testId, onStart, onDone, onError }: Props<T>) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  return (
    <div data-testid={testId}>
      <Upload.Dragger
        accept=".xlsx,.csv"
        multiple={false}
        showUploadList={false}
        disabled={disabled || busy}
        customRequest={async ({ file }) => {
          if (!(file instanceof Blob)) return;
          const form = new FormData();
          for (const [k, v] of Object.entries(fields ?? {})) form.append(k, v);
          const name = file instanceof File ? file.name : "upload";
          form.append("file", file, name);
          setBusy(true);
          onStart?.();
          try {
            onDone(await api.upload<T>(url, form), name);
          } catch (e) {
            onError(e);
          } finally {
            setBusy(false);
          }
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{busy ? t("import.uploading") : t("import.drop")}</p>
        {hint && <p className="ant-upload-hint">{hint}</p>}
      </Upload.Dragger>
    </div>
  );
}
