/**
 * The centred card of the signed-out pages, with the product name and the language switch.
 * @example <AuthCard title={t("login.title")}>…</AuthCard>
 */
import { Card, Flex, Typography } from "antd";
import type { ReactNode } from "react";
import { LangSwitch, useT } from "../../i18n";

/** A centred card for login/setup. @example <AuthCard title="登录">{form}</AuthCard> */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  const t = useT();
  return (
    <Flex vertical align="center" style={{ minHeight: "100vh", background: "#f5f7fa", padding: "48px 16px" }}>
      <Flex justify="space-between" align="center" style={{ width: "100%", maxWidth: 400, marginBottom: 16 }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t("app.name")}
        </Typography.Title>
        <LangSwitch size="small" />
      </Flex>
      <Card title={title} style={{ width: "100%", maxWidth: 400 }}>
        {children}
      </Card>
    </Flex>
  );
}
