/**
 * An inline error for forms: a clear title for locked / rate-limited accounts, then the server's message and details.
 * @example <FormError error={error} />
 */
import { Alert } from "antd";
import { isApiError } from "../../api/client";
import { ErrorDetails, titleOf } from "../../api/show-error";
import { useT } from "../../i18n";

/** Shows a caught error above a form, or nothing. @example <FormError error={e} testId="login-error" /> */
export function FormError({ error, testId }: { error: unknown; testId?: string }) {
  const t = useT();
  if (!error) return null;
  const title = isApiError(error) ? titleOf(error, t) : t("error.title");
  return (
    <Alert
      type="error"
      showIcon
      title={title}
      description={<ErrorDetails error={error} />}
      style={{ marginBottom: 16 }}
      data-testid={testId}
    />
  );
}
