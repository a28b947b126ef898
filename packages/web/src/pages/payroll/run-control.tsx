/**
 * 开始算薪: POST /periods/:p/run, then poll GET /jobs/:id every 500 ms with a progress bar; reloads the period
 * when done and shows the error with its details when the run fails.
 * @example <RunControl period="2026-10" rerun={false} onDone={reload} />
 */
import { PlayCircleOutlined } from "@ant-design/icons";
import { Alert, App, Button, Flex, Popconfirm, Progress } from "antd";
import { useEffect, useRef, useState } from "react";
import { api, isApiError } from "../../api/client";
import type { Job } from "../../api/types-payroll";
import { useT } from "../../i18n";

type Failure = { message: string; details: string[] };

type Props = { period: string; rerun: boolean; onDone: () => void };

/** The run button, its progress and its failure. @example <RunControl period="2026-10" rerun onDone={reload} /> */
export function RunControl({ period, rerun, onDone }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [job, setJob] = useState<Job | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const poll = (id: string) => {
    timer.current = setTimeout(async () => {
      try {
        const j = await api.get<Job>(`/api/v1/jobs/${encodeURIComponent(id)}`);
        setJob(j);
        if (j.state === "running") return poll(id);
        setJob(null);
        if (j.state === "done") {
          const r = j.result;
          message.success(
            r
              ? t("payroll.runDone", { n: r.employeeCount, errors: r.errorCount })
              : t("payroll.runDoneShort"),
          );
          onDone();
        } else {
          setFailure({
            message: j.error?.message ?? t("payroll.runFailed"),
            details: j.error?.details ?? [],
          });
          onDone();
        }
      } catch (e) {
        setJob(null);
        setFailure({
          message: isApiError(e) ? e.message : t("error.title"),
          details: isApiError(e) ? e.details : [],
        });
      }
    }, 500);
  };

  const start = async () => {
    setFailure(null);
    setJob({ state: "running", done: 0, total: 0 });
    try {
      const r = await api.post<{ jobId: string }>(`/api/v1/periods/${encodeURIComponent(period)}/run`);
      poll(r.jobId);
    } catch (e) {
      setJob(null);
      setFailure({
        message: isApiError(e) ? e.message : t("error.title"),
        details: isApiError(e) ? e.details : [],
      });
    }
  };

  const running = job !== null;
  const percent = job && job.total > 0 ? Math.floor((job.done / job.total) * 100) : 0;
  const button = (
    <Button
      type="primary"
      icon={<PlayCircleOutlined />}
      loading={running}
      data-testid="run-start"
      onClick={rerun ? undefined : start}
    >
      {t(rerun ? "payroll.rerun" : "payroll.run")}
    </Button>
  );

  return (
    <Flex vertical gap={8} style={{ minWidth: 220 }}>
      {rerun && !running ? (
        <Popconfirm title={t("payroll.rerunConfirm")} onConfirm={start} okText={t("payroll.rerun")}>
          {button}
        </Popconfirm>
      ) : (
        button
      )}
      {running && (
        <div data-testid="run-progress">
          <Progress
            percent={percent}
            status="active"
            format={() => (job.total > 0 ? `${job.done}/${job.total}` : t("payroll.runStarting"))}
          />
        </div>
      )}
      {failure && (
        <Alert
          type="error"
          showIcon
          closable
          data-testid="run-error"
          onClose={() => setFailure(null)}
          title={failure.message}
          description={
            failure.details.length > 0 ? (
              <ul style={{ margin: 0, paddingInlineStart: 18, maxHeight: 200, overflowY: "auto" }}>
                {failure.details.map((d, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: detail lines may repeat
                  <li key={i}>{d}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
    </Flex>
  );
}
