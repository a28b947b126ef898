/**
 * /policies/edit and /policies/view: the structured policy editor. The YAML text is the single source of truth;
 * the tabs (参数 表格 输入 计算项 评分卡 项目) edit it through the `yaml` document, 源码 edits it directly, the
 * checker runs in the browser as it changes, and 对比 / 预览 / 保存为新版本 work on the current text.
 * @example <Route path="edit" element={<EditorPage mode="edit" />} />
 */
import { ArrowLeftOutlined, BranchesOutlined, SaveOutlined } from "@ant-design/icons";
import type { Problem } from "@xinsuan/core";
import { Alert, App, Button, Col, Flex, Result, Row, Skeleton, Space, Tabs, Tag, Typography } from "antd";
import { type ReactNode, useEffect, useMemo, useState } from "react";
import { useNavigate, useSearchParams } from "react-router-dom";
import { ErrorDetails } from "../../api/show-error";
import { useMe } from "../../auth/auth-provider";
import { useT } from "../../i18n";
import { CalcsTab } from "./calcs-tab";
import { DiffView } from "./diff-view";
import type { EditorFocus, TabProps } from "./editor-types";
import { InputsTab } from "./inputs-tab";
import { ItemsTab } from "./items-tab";
import { ParamsTab } from "./params-tab";
import { namesOfPolicy } from "./policy-names";
import { PreviewPanel } from "./preview-panel";
import { ProblemsPanel } from "./problems-panel";
import { SaveModal } from "./save-modal";
import { ScorecardsTab } from "./scorecards-tab";
import { type SourceJump, SourceTab } from "./source-tab";
import { TablesTab } from "./tables-tab";
import { type EditorSource, useEditorSource } from "./use-editor-source";
import { usePolicyCheck } from "./use-policy-check";
import { parsePolicyDoc } from "./yaml-edit";

const STRUCTURED = ["params", "tables", "inputs", "calcs", "scorecards", "items"] as const;

/** The tab and row a problem's YAML path points at. @example focusOf("items.0.formula") // { section: "items", key: "0" } */
export function focusOf(path: string | undefined): EditorFocus | null {
  const [section, key] = (path ?? "").split(".");
  if (!section || key === undefined) return null;
  return (STRUCTURED as readonly string[]).includes(section) ? { section, key } : null;
}

/** Whether the signed-in user may change policies (finance reads only). */
function useCanEdit(): boolean {
  const me = useMe();
  return me.role === "hr" || me.role === "admin";
}

/** The editor page. @example <EditorPage mode="view" /> */
export default function EditorPage({ mode }: { mode: "edit" | "view" }) {
  const t = useT();
  const [params] = useSearchParams();
  const { source, error } = useEditorSource(params);
  if (error !== null)
    return (
      <Result status="warning" title={t("policies.loadFailed")} subTitle={<ErrorDetails error={error} />} />
    );
  if (!source) return <Skeleton active />;
  return <Editor key={`${source.kind}:${source.label}`} source={source} mode={mode} />;
}

function Editor({ source, mode }: { source: EditorSource; mode: "edit" | "view" }) {
  const t = useT();
  const nav = useNavigate();
  const { message, notification } = App.useApp();
  const canEdit = useCanEdit();
  const readOnly = mode === "view" || !canEdit;
  const [text, setText] = useState(source.text);
  const [tab, setTab] = useState<string>("params");
  const [focus, setFocus] = useState<EditorFocus | null>(null);
  const [jump, setJump] = useState<SourceJump | null>(null);
  const [saving, setSaving] = useState(false);
  const check = usePolicyCheck(text, canEdit);
  const doc = useMemo(() => parsePolicyDoc(text), [text]);
  const names = useMemo(() => namesOfPolicy(doc), [doc]);

  useEffect(() => {
    if (!focus) return;
    const id = setTimeout(
      () => document.querySelector('[data-focused="true"]')?.scrollIntoView({ block: "center" }),
      80,
    );
    return () => clearTimeout(id);
  }, [focus]);

  const dirty = !readOnly && text !== source.text;
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);
  const leave = () => {
    if (!dirty || window.confirm(t("policies.leaveUnsaved"))) nav("/policies");
  };

  const goTo = (p: Problem) => {
    const f = focusOf(p.at?.path);
    if (f) {
      setFocus(f);
      setTab(f.section);
    } else if (p.at) {
      setTab("source");
      setJump((j) => ({ line: p.at?.line ?? 1, column: p.at?.column ?? 1, seq: (j?.seq ?? 0) + 1 }));
    }
  };

  const tabProps: TabProps | null = doc ? { doc, text, onText: setText, readOnly, names, focus } : null;
  const structured = (node: (p: TabProps) => ReactNode) =>
    tabProps ? node(tabProps) : <Alert type="error" showIcon title={t("policies.yamlBroken")} />;
  const baseLabel = source.kind === "blank" ? t("policies.blank") : source.label;

  const items = [
    { key: "params", label: t("policies.tab.params"), children: structured((p) => <ParamsTab {...p} />) },
    { key: "tables", label: t("policies.tab.tables"), children: structured((p) => <TablesTab {...p} />) },
    { key: "inputs", label: t("policies.tab.inputs"), children: structured((p) => <InputsTab {...p} />) },
    { key: "calcs", label: t("policies.tab.calcs"), children: structured((p) => <CalcsTab {...p} />) },
    {
      key: "scorecards",
      label: t("policies.tab.scorecards"),
      children: structured((p) => <ScorecardsTab {...p} />),
    },
    { key: "items", label: t("policies.tab.items"), children: structured((p) => <ItemsTab {...p} />) },
    {
      key: "source",
      label: t("policies.tab.source"),
      children: <SourceTab text={text} onText={setText} readOnly={readOnly} jump={jump} />,
    },
    ...(mode === "edit"
      ? [
          {
            key: "diff",
            label: t("policies.tab.diff"),
            children: (
              <DiffView
                before={source.text}
                after={text}
                beforeLabel={baseLabel}
                afterLabel={t("policies.editing")}
              />
            ),
          },
        ]
      : []),
    ...(canEdit
      ? [
          {
            key: "preview",
            label: t("policies.tab.preview"),
            children: <PreviewPanel text={text} hasErrors={check.errors > 0} />,
          },
        ]
      : []),
  ];

  return (
    <div data-testid="policy-editor">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Space align="center" wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={leave}>
            {t("common.back")}
          </Button>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {mode === "view" ? t("policies.viewTitle", { name: baseLabel }) : t("policies.editTitle")}
          </Typography.Title>
          {mode === "edit" && <Tag>{t("policies.basedOn", { name: baseLabel })}</Tag>}
          {readOnly && <Tag color="default">{t("policies.readOnly")}</Tag>}
        </Space>
        <Space>
          {mode === "view" && canEdit && source.kind === "version" && (
            <Button
              icon={<BranchesOutlined />}
              onClick={() =>
                nav(`/policies/edit?name=${encodeURIComponent(source.name)}&version=${source.version ?? ""}`)
              }
              data-testid="policy-new-version"
            >
              {t("policies.newVersion")}
            </Button>
          )}
          {!readOnly && (
            <Button
              type="primary"
              icon={<SaveOutlined />}
              onClick={() => setSaving(true)}
              data-testid="policy-save"
            >
              {t("policies.saveVersion")}
            </Button>
          )}
        </Space>
      </Flex>
      <Row gutter={16}>
        <Col xs={24} xl={17}>
          <Tabs activeKey={tab} onChange={setTab} items={items} />
        </Col>
        <Col xs={24} xl={7}>
          <div style={{ position: "sticky", top: 16 }}>
            <ProblemsPanel check={check} onJump={goTo} />
          </div>
        </Col>
      </Row>
      <SaveModal
        open={saving}
        yaml={text}
        defaultName={source.name}
        hasErrors={check.errors > 0}
        onClose={() => setSaving(false)}
        onSaved={(r) => {
          setSaving(false);
          void message.success(t("policies.saved", { name: r.name, version: r.version }));
          if (r.warnings && r.warnings.length > 0)
            notification.warning({
              title: t("policies.savedWithWarnings"),
              description: (
                <ul style={{ paddingInlineStart: 20, margin: 0 }}>
                  {r.warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              ),
              duration: 0,
            });
          nav("/policies");
        }}
      />
    </div>
  );
}
