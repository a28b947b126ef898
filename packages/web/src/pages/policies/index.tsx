/**
 * 薪酬方案 /policies: the template gallery and the company's policies with their versions; /policies/edit is the
 * structured editor, /policies/view a version read-only, /policies/diff two versions compared. HR and admins
 * edit; finance reads.
 * @example <Route path="policies/*" element={<PoliciesPage />} />
 */
import { FileAddOutlined } from "@ant-design/icons";
import { Button, Flex, Tabs, Typography } from "antd";
import { Route, Routes, useNavigate } from "react-router-dom";
import { useMe } from "../../auth/auth-provider";
import { useT } from "../../i18n";
import EditorPage from "./editor-page";
import { PolicyList } from "./policy-list";
import { TemplateGallery } from "./template-gallery";
import VersionDiffPage from "./version-diff-page";

function PoliciesHome() {
  const t = useT();
  const nav = useNavigate();
  const me = useMe();
  const canEdit = me.role === "hr" || me.role === "admin";
  return (
    <div style={{ maxWidth: 1280 }}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t("policies.title")}
        </Typography.Title>
        {canEdit && (
          <Button icon={<FileAddOutlined />} onClick={() => nav("/policies/edit")} data-testid="policy-blank">
            {t("policies.newBlank")}
          </Button>
        )}
      </Flex>
      <Typography.Paragraph type="secondary">{t("policies.intro")}</Typography.Paragraph>
      <Tabs
        items={[
          { key: "list", label: t("policies.tab.list"), children: <PolicyList canEdit={canEdit} /> },
          {
            key: "templates",
            label: t("policies.tab.templates"),
            children: <TemplateGallery canEdit={canEdit} />,
          },
        ]}
      />
    </div>
  );
}

/** The policies area. @example <PoliciesPage /> */
export default function PoliciesPage() {
  return (
    <Routes>
      <Route index element={<PoliciesHome />} />
      <Route path="edit" element={<EditorPage mode="edit" />} />
      <Route path="view" element={<EditorPage mode="view" />} />
      <Route path="diff" element={<VersionDiffPage />} />
    </Routes>
  );
}
