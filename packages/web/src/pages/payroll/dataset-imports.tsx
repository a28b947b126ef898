/**
 * 数据导入 of one period: a drop box per dataset kind (考勤, KPI, 订单, 评分, 其他) posting to /periods/:p/datasets,
 * the row errors of a rejected file, the imported datasets and the 下载输入模板 button.
 * @example <DatasetImports period="2026-10" datasets={d} closed={false} editable onImported={reload} />
 */
import { DownloadOutlined } from "@ant-design/icons";
import { App, Button, Card, Col, Flex, Row, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { type ApiError, api, isApiError } from "../../api/client";
import { useShowError } from "../../api/show-error";
import {
  DATASET_KINDS,
  type Dataset,
  type DatasetImportResult,
  type DatasetKind,
} from "../../api/types-payroll";
import { formatDateTime } from "../../components/format";
import { useLang, useT } from "../../i18n";
import { ImportErrors } from "./import-errors";
import { UploadBox } from "./upload-box";

function diffVars(d: NonNullable<DatasetImportResult["diff"]>): Record<string, string | number> {
  return { files: d.replaced.join("、"), added: d.addedCount, removed: d.removedCount, cells: d.cellCount };
}

type Props = {
  period: string;
  datasets: Dataset[];
  /** The run is approved (or later): imports are closed for everyone. */
  closed: boolean;
  /** The user may import (and the month is open). */
  editable: boolean;
  onImported: () => void;
};

/** The imports panel. @example <DatasetImports period="2026-10" datasets={[]} closed={false} editable onImported={reload} /> */
export function DatasetImports({ period, datasets, closed, editable, onImported }: Props) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const showError = useShowError();
  const [failure, setFailure] = useState<{ kind: DatasetKind; error: ApiError } | null>(null);
  const [downloading, setDownloading] = useState(false);
  const base = `/api/v1/periods/${encodeURIComponent(period)}`;

  const template = async () => {
    setDownloading(true);
    try {
      await api.download(`${base}/input-template`, `${period}-input-template.xlsx`);
    } catch (e) {
      showError(e);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">
          {closed ? t("payroll.importClosed") : editable ? t("payroll.importIntro") : ""}
        </Typography.Text>
        <Button
          icon={<DownloadOutlined />}
          loading={downloading}
          onClick={template}
          data-testid="input-template"
        >
          {t("payroll.inputTemplate")}
        </Button>
      </Flex>
      {editable && (
        <Row gutter={[12, 12]}>
          {DATASET_KINDS.map((kind) => (
            <Col key={kind} xs={24} sm={12} xl={8}>
              <Card
                size="small"
                title={t(`payroll.kind.${kind}`)}
                extra={
                  datasets.some((d) => d.kind === kind) && (
                    <Tag color="green">
                      {t("payroll.hasData", {
                        rows: datasets.filter((d) => d.kind === kind).reduce((n, d) => n + d.rows, 0),
                      })}
                    </Tag>
                  )
                }
              >
                <UploadBox<DatasetImportResult>
                  url={`${base}/datasets`}
                  fields={datasets.some((d) => d.kind === kind) ? { kind, replace: "true" } : { kind }}
                  hint={t(datasets.some((d) => d.kind === kind) ? "payroll.dropReplace" : "payroll.dropHint")}
                  testId={`dataset-upload-${kind}`}
                  onStart={() => setFailure(null)}
                  onDone={(r, name) => {
                    message.success(t("payroll.imported", { file: name, rows: r.rows }));
                    if (r.diff) message.info(t("payroll.replaced", diffVars(r.diff)), 8);
                    for (const w of r.warnings ?? []) message.warning(w, 8);
                    onImported();
                  }}
                  onError={(e) => {
                    if (isApiError(e) && e.status === 422) setFailure({ kind, error: e });
                    else showError(e);
                  }}
                />
              </Card>
            </Col>
          ))}
        </Row>
      )}
      {failure && (
        <Card size="small" title={t("payroll.importFailed", { kind: t(`payroll.kind.${failure.kind}`) })}>
          <ImportErrors error={failure.error} testId="import-errors" onClose={() => setFailure(null)} />
        </Card>
      )}
      <Card size="small" title={t("payroll.importedDatasets")} styles={{ body: { padding: 0 } }}>
        <Table<Dataset>
          size="small"
          rowKey="id"
          dataSource={datasets}
          pagination={false}
          data-testid="dataset-list"
          locale={{ emptyText: t("payroll.noDatasets") }}
          columns={[
            {
              title: t("payroll.kind"),
              dataIndex: "kind",
              render: (k: string) => {
                const label = t(`payroll.kind.${k}`);
                return label === `payroll.kind.${k}` ? k : label;
              },
            },
            { title: t("payroll.fileName"), dataIndex: "fileName" },
            { title: t("payroll.rows"), dataIndex: "rows", align: "right" },
            {
              title: t("payroll.importedAt"),
              dataIndex: "importedAt",
              render: (v: string) => formatDateTime(v, lang),
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
