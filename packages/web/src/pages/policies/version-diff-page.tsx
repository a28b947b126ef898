/**
 * /policies/diff?name=&a=&b=: two stored versions of a policy compared (summary and line diff), with pickers to
 * choose other versions.
 * @example <Route path="diff" element={<VersionDiffPage />} />
 */
import { ArrowLeftOutlined } from "@ant-design/icons";
import { Button, Flex, Select, Skeleton, Typography } from "antd";
import { useEffect, useState } from "react";
import { useNavigate, useSearchParams } from "react-router-dom";
import { api } from "../../api/client";
import { ErrorDetails } from "../../api/show-error";
import type { ItemsOf } from "../../api/types";
import type { PolicySummary, PolicyVersionText } from "../../api/types-policies";
import { useT } from "../../i18n";
import { DiffView } from "./diff-view";

const enc = encodeURIComponent;

/** The version comparison page. @example <VersionDiffPage /> */
export default function VersionDiffPage() {
  const t = useT();
  const nav = useNavigate();
  const [params, setParams] = useSearchParams();
  const name = params.get("name") ?? "";
  const a = params.get("a") ?? "";
  const b = params.get("b") ?? "";
  const [versions, setVersions] = useState<number[]>([]);
  const [texts, setTexts] = useState<[string, string] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    api
      .get<ItemsOf<PolicySummary>>("/api/v1/policies")
      .then((r) =>
        setVersions(
          (r.items.find((p) => p.name === name)?.versions ?? []).map((v) => v.version).sort((x, y) => x - y),
        ),
      )
      .catch(() => setVersions([]));
  }, [name]);

  useEffect(() => {
    if (!name || !a || !b) return;
    setTexts(null);
    setError(null);
    const get = (v: string) => api.get<PolicyVersionText>(`/api/v1/policies/${enc(name)}/versions/${enc(v)}`);
    Promise.all([get(a), get(b)])
      .then(([x, y]) => setTexts([x.yaml, y.yaml]))
      .catch(setError);
  }, [name, a, b]);

  const pick = (key: "a" | "b", v: number) => {
    const next = new URLSearchParams(params);
    next.set(key, String(v));
    setParams(next);
  };
  const options = versions.map((v) => ({ value: v, label: `v${v}` }));

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} align="center" wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => nav("/policies")}>
          {t("common.back")}
        </Button>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("policies.diff.title", { name })}
        </Typography.Title>
        <Select
          style={{ width: 90 }}
          value={Number(a) || undefined}
          options={options}
          onChange={(v: number) => pick("a", v)}
        />
        →
        <Select
          style={{ width: 90 }}
          value={Number(b) || undefined}
          options={options}
          onChange={(v: number) => pick("b", v)}
        />
      </Flex>
      {error !== null ? (
        <ErrorDetails error={error} />
      ) : texts ? (
        <DiffView before={texts[0]} after={texts[1]} beforeLabel={`v${a}`} afterLabel={`v${b}`} />
      ) : (
        <Skeleton active />
      )}
    </Flex>
  );
}
