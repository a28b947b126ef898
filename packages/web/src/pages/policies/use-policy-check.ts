/**
 * The live checker of the editor: core's checkPolicyText in the browser 300 ms after the last change, and the
 * server's check (labour-law warnings) 1 s after it. Stale answers are dropped.
 * @example const { problems, serverWarnings } = usePolicyCheck(text);
 */
import { checkPolicyText, type Problem } from "@xinsuan/core";
import { useEffect, useState } from "react";
import { api } from "../../api/client";
import type { PolicyCheckResult } from "../../api/types-policies";

/** What the checker found. @example state.checking */
export type PolicyCheckState = {
  /** Problems found in the browser (errors first, then warnings), null before the first check. */
  problems: Problem[] | null;
  errors: number;
  /** The server's warnings, null until it answered (or when it could not be reached). */
  serverWarnings: PolicyCheckResult["warnings"] | null;
  /** The server's answer failed (e.g. the route is missing); local labour-law warnings are shown instead. */
  serverFailed: boolean;
  checking: boolean;
};

/** Runs core's checker; a crash of the checker is reported as one problem rather than breaking the page. */
function checkLocally(text: string): Problem[] {
  try {
    return checkPolicyText(text, "policy.yaml").problems;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return [{ code: "SCHEMA", severity: "error", zh: `检查失败：${msg}`, en: `check failed: ${msg}` }];
  }
}

/** Checks the text as it changes. @example usePolicyCheck(text).errors === 0 */
export function usePolicyCheck(text: string, serverCheck = true): PolicyCheckState {
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const [serverWarnings, setServerWarnings] = useState<PolicyCheckResult["warnings"] | null>(null);
  const [serverFailed, setServerFailed] = useState(false);
  const [checking, setChecking] = useState(true);

  useEffect(() => {
    setChecking(true);
    const id = setTimeout(() => {
      setProblems(checkLocally(text));
      setChecking(false);
    }, 300);
    return () => clearTimeout(id);
  }, [text]);

  useEffect(() => {
    if (!serverCheck) return;
    let live = true;
    const id = setTimeout(() => {
      api
        .post<PolicyCheckResult>("/api/v1/policies/check", { yaml: text })
        .then((r) => {
          if (!live) return;
          setServerWarnings(Array.isArray(r.warnings) ? r.warnings : []);
          setServerFailed(false);
        })
        .catch(() => {
          if (!live) return;
          setServerWarnings(null);
          setServerFailed(true);
        });
    }, 1000);
    return () => {
      live = false;
      clearTimeout(id);
    };
  }, [text, serverCheck]);

  const errors = problems?.filter((p) => p.severity === "error").length ?? 0;
  return { problems, errors, serverWarnings, serverFailed, checking };
}
