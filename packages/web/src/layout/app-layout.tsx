/**
 * The signed-in shell: side menu with the role's entries (a drawer on phones), header with company, user, role,
 * language switch and account menu, and the page in the content area.
 * @example <Route element={<AppLayout />}>…</Route>
 */
import { LogoutOutlined, MenuOutlined, SettingOutlined, UserOutlined } from "@ant-design/icons";
import { Button, Drawer, Dropdown, Grid, Layout, Menu, type MenuProps, Space, Typography } from "antd";
import { Suspense, useState } from "react";
import { Outlet, useLocation, useNavigate } from "react-router-dom";
import { useShowError } from "../api/show-error";
import { useAuth, useMe } from "../auth/auth-provider";
import { PageSpinner } from "../auth/require-auth";
import { menuFor } from "../auth/roles";
import { LangSwitch, useT } from "../i18n";
import { iconOf } from "./menu-icons";

/** The menu key that matches a path (longest prefix). */
function selectedKey(paths: string[], pathname: string): string[] {
  const hit = paths
    .filter((p) => (p === "/" ? pathname === "/" : pathname === p || pathname.startsWith(`${p}/`)))
    .sort((a, b) => b.length - a.length)[0];
  return hit ? [hit] : [];
}

/** The app shell around every signed-in page. @example <AppLayout /> */
export function AppLayout() {
  const me = useMe();
  const { logout } = useAuth();
  const t = useT();
  const nav = useNavigate();
  const loc = useLocation();
  const showError = useShowError();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);

  const entries = menuFor(me.role);
  const items: MenuProps["items"] = entries.map((e) => ({
    key: e.path,
    icon: iconOf(e.icon),
    label: t(e.labelKey),
  }));
  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selectedKey(
        entries.map((e) => e.path),
        loc.pathname,
      )}
      onClick={({ key }) => {
        setDrawerOpen(false);
        nav(key);
      }}
      style={{ borderInlineEnd: 0 }}
      data-testid="side-menu"
    />
  );

  const accountItems: MenuProps["items"] = [
    { key: "account", icon: <SettingOutlined />, label: t("nav.account") },
    { type: "divider" },
    { key: "logout", icon: <LogoutOutlined />, label: t("nav.logout"), danger: true },
  ];
  const onAccount: MenuProps["onClick"] = ({ key }) => {
    if (key === "account") nav("/account");
    if (key === "logout") logout().then(() => nav("/login"), showError);
  };

  return (
    <Layout style={{ minHeight: "100vh" }}>
      {!phone && (
        <Layout.Sider
          theme="light"
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          breakpoint="lg"
          width={200}
          style={{ borderInlineEnd: "1px solid rgba(5,5,5,0.06)" }}
        >
          <div style={{ padding: "16px 20px", fontWeight: 600, fontSize: 18, whiteSpace: "nowrap" }}>
            {collapsed ? "薪" : t("app.name")}
          </div>
          {menu}
        </Layout.Sider>
      )}
      {phone && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={240}
          title={t("app.name")}
          styles={{ body: { padding: 0 } }}
        >
          {menu}
        </Drawer>
      )}
      <Layout>
        <Layout.Header
          style={{
            background: "#fff",
            padding: phone ? "0 12px" : "0 24px",
            display: "flex",
            alignItems: "center",
            gap: 12,
            borderBottom: "1px solid rgba(5,5,5,0.06)",
            position: "sticky",
            top: 0,
            zIndex: 10,
          }}
        >
          {phone && (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t("nav.menu")}
              onClick={() => setDrawerOpen(true)}
              data-testid="menu-toggle"
            />
          )}
          <Typography.Text strong ellipsis style={{ flex: 1, minWidth: 0 }} data-testid="header-company">
            {me.company}
          </Typography.Text>
          <Space size={phone ? 4 : 12}>
            <LangSwitch size="small" />
            <Dropdown menu={{ items: accountItems, onClick: onAccount }} trigger={["click"]}>
              <Button type="text" icon={<UserOutlined />} data-testid="account-menu">
                {phone ? null : (
                  <span>
                    {me.name}
                    <Typography.Text type="secondary" style={{ marginInlineStart: 6 }}>
                      {t(`role.${me.role}`)}
                    </Typography.Text>
                  </span>
                )}
              </Button>
            </Dropdown>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: phone ? 12 : 24, minWidth: 0 }}>
          <Suspense fallback={<PageSpinner />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
