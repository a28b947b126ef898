/**
 * Where the editor's text comes from, read from the URL: ?template=<id> (a gallery template), ?name=&version=
 * (a stored version: the base of a new version, or read-only in view mode) or nothing (a blank policy).
 * @example const src = useEditorSource(params); src.text
 */
import { useEffect, useState } from "react";
import { api } from "../../api/client";
import type { PolicyVersionText, TemplateText } from "../../api/types-policies";

/** The loaded base of an edit. @example { kind: "version", name: "默认方案", version: 2, text: "…", label: "默认方案 v2" } */
export type EditorSource = {
  kind: "template" | "version" | "blank";
  text: string;
  /** The policy name a new version is saved under by default. */
  name: string;
  version: number | null;
  label: string;
};

/** A small valid policy to start from. @example BLANK_POLICY.includes("items:") */
export const BLANK_POLICY = `id: new-policy
name: 新方案
version: 1
effectiveFrom: 2026-01-01
params:
  基本工资标准: { value: 3000, type: money, description: 每月基本工资 }
inputs:
  出勤天数: { type: number, required: true, min: 0, max: 31, description: 本月出勤天数 }
items:
  - name: 基本工资
    kind: earning
    formula: 基本工资标准 * MIN(1, 出勤天数 / 本月工作日)
    explain: 基本工资标准 × 出勤比例
`;

/** Loads the editor's starting text for the URL's parameters. @example useEditorSource(new URLSearchParams("template=welfare-6tier")) */
export function useEditorSource(params: URLSearchParams): {
  source: EditorSource | null;
  error: unknown;
} {
  const template = params.get("template");
  const name = params.get("name");
  const version = params.get("version");
  const [source, setSource] = useState<EditorSource | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    setSource(null);
    setError(null);
    const load = async (): Promise<EditorSource> => {
      if (template) {
        const tpl = await api.get<TemplateText>(`/api/v1/templates/${encodeURIComponent(template)}`);
        return { kind: "template", text: tpl.yaml, name: tpl.name, version: null, label: tpl.name };
      }
      if (name && version) {
        const v = await api.get<PolicyVersionText>(
          `/api/v1/policies/${encodeURIComponent(name)}/versions/${encodeURIComponent(version)}`,
        );
        return {
          kind: "version",
          text: v.yaml,
          name: v.name,
          version: v.version,
          label: `${v.name} v${v.version}`,
        };
      }
      return { kind: "blank", text: BLANK_POLICY, name: "", version: null, label: "" };
    };
    load()
      .then((s) => live && setSource(s))
      .catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [template, name, version]);

  return { source, error };
}
