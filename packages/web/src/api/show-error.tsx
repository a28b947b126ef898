/**
 * Showing API errors: <ErrorDetails/> renders the server's message and its details list; useShowError() pops an
 * antd notification with it (nothing for 401, which already sends the user to /login).
 * @example const showError = useShowError(); try { … } catch (e) { showError(e); }
 */
import { App, Typography } from "antd";
import { useCallback } from "react";
import { type TFunction, useT } from "../i18n";
import { type ApiError, isApiError } from "./client";

/** A title for an error by its code. @example titleOf(e, t) === "操作过于频繁，请稍后再试" */
export function titleOf(e: ApiError, t: TFunction): string {
  if (e.code === "ACCOUNT_LOCKED" || e.status === 423) return t("error.locked");
  if (e.code === "RATE_LIMITED" || e.status === 429) return t("error.rateLimited");
  if (e.status === 403) return t("error.forbidden");
  if (e.status === 404) return t("error.notFound");
  if (e.status === 0) return t("error.network");
  return t("error.title");
}

/** The message and details of an error. @example <ErrorDetails error={e} /> */
export function ErrorDetails({ error }: { error: unknown }) {
  const t = useT();
  if (!isApiError(error)) return <Typography.Text>{t("error.boundary")}</Typography.Text>;
  return (
    <div data-testid="error-details">
      <Typography.Text>{error.message}</Typography.Text>
      {error.details.length > 0 && (
        <ul style={{ margin: "8px 0 0", paddingInlineStart: 20, maxHeight: 240, overflowY: "auto" }}>
          {error.details.map((d, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: details are plain lines that may repeat
            <li key={i}>{d}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A function that shows any thrown error as a notification. @example useShowError()(e) */
export function useShowError(): (e: unknown) => void {
  const { notification } = App.useApp();
  const t = useT();
  return useCallback(
    (e: unknown) => {
      if (isApiError(e) && e.status === 401) return;
      if (!isApiError(e)) console.error(e);
      notification.error({
        title: isApiError(e) ? titleOf(e, t) : t("error.title"),
        description: <ErrorDetails error={e} />,
        duration: isApiError(e) && e.details.length > 0 ? 0 : 6,
      });
    },
    [notification, t],
  );
}
