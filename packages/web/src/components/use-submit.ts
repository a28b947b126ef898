/**
 * The busy flag and last error of a dialog's submit: `run` marks it busy, clears the error, awaits the work and
 * keeps (or hands to `onError`) what it threw.
 * @example const { busy, error, run } = useSubmit(); <Modal confirmLoading={busy} onOk={() => run(save)} />
 */
import { useCallback, useState } from "react";

/** What useSubmit gives a dialog. @example const s: Submit = useSubmit(); */
export type Submit = {
  busy: boolean;
  error: unknown;
  setError: (error: unknown) => void;
  run: (work: () => Promise<void>) => Promise<void>;
};

/** Tracks one submit at a time; `onError` instead of keeping the error (e.g. a toast). @example useSubmit(showError) */
export function useSubmit(onError?: (error: unknown) => void): Submit {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(
    async (work: () => Promise<void>) => {
      setBusy(true);
      setError(null);
      try {
        await work();
      } catch (e) {
        if (onError) onError(e);
        else setError(e);
      } finally {
        setBusy(false);
      }
    },
    [onError],
  );
  return { busy, error, setError, run };
}
