/**
 * 用户 (admin): every account with its role (changeable), a disable switch, lock state, and 新建用户.
 * @example <Route path="users/*" element={<UsersPage />} />
 */
import { PlusOutlined } from "@ant-design/icons";
import { App, Button, Card, Flex, Input, Select, Switch, Table, Tag, Typography } from "antd";
import { useCallback, useEffect, useMemo, useState } from "react";
import { api } from "../../api/client";
import { useShowError } from "../../api/show-error";
import type { ItemsOf, Role } from "../../api/types";
import type { UserRow } from "../../api/types-hr";
import { useMe } from "../../auth/auth-provider";
import { formatDateTime } from "../../components/format";
import { useLang, useT } from "../../i18n";
import { CreateUserModal, ROLES } from "./create-user-modal";

/** The users page. @example <UsersPage /> */
export default function UsersPage() {
  const t = useT();
  const { lang } = useLang();
  const me = useMe();
  const { message } = App.useApp();
  const showError = useShowError();
  const [items, setItems] = useState<UserRow[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [q, setQ] = useState("");

  const load = useCallback(async () => {
    try {
      setItems((await api.get<ItemsOf<UserRow>>("/api/v1/users")).items);
    } catch (e) {
      setItems([]);
      showError(e);
    }
  }, [showError]);

  useEffect(() => {
    void load();
  }, [load]);

  const patch = async (u: UserRow, body: { role?: Role; disabled?: boolean }) => {
    setBusy(u.id);
    try {
      const next = await api.patch<UserRow>(`/api/v1/users/${encodeURIComponent(u.id)}`, body);
      setItems((cur) => (cur ?? []).map((x) => (x.id === u.id ? { ...x, ...next } : x)));
      message.success(t("users.saved"));
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  };

  const shown = useMemo(() => {
    const s = q.trim().toLowerCase();
    const all = items ?? [];
    return s
      ? all.filter((u) => `${u.login} ${u.name} ${u.employeeNo ?? ""}`.toLowerCase().includes(s))
      : all;
  }, [items, q]);

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("nav.users")}
        </Typography.Title>
        <Flex gap={8}>
          <Input.Search
            allowClear
            placeholder={t("users.search")}
            style={{ width: 220 }}
            onChange={(e) => setQ(e.target.value)}
          />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="user-create"
          >
            {t("users.create")}
          </Button>
        </Flex>
      </Flex>
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Table<UserRow>
          rowKey="id"
          size="small"
          loading={items === null}
          dataSource={shown}
          data-testid="users-table"
          pagination={shown.length > 50 ? { pageSize: 50 } : false}
          columns={[
            { title: t("users.login"), dataIndex: "login", width: 140 },
            { title: t("users.name"), dataIndex: "name", width: 120 },
            {
              title: t("users.employeeNo"),
              dataIndex: "employeeNo",
              width: 110,
              render: (v: string | null) => v ?? "—",
            },
            {
              title: t("users.role"),
              dataIndex: "role",
              width: 170,
              render: (role: Role, u) => (
                <Select<Role>
                  size="small"
                  style={{ width: 150 }}
                  value={role}
                  disabled={busy === u.id || u.id === me.id}
                  data-testid={`user-role-${u.login}`}
                  onChange={(r) => void patch(u, { role: r })}
                  options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
                />
              ),
            },
            {
              title: t("users.enabled"),
              dataIndex: "disabled",
              width: 100,
              render: (disabled: boolean, u) => (
                <Switch
                  size="small"
                  checked={!disabled}
                  loading={busy === u.id}
                  disabled={u.id === me.id}
                  data-testid={`user-enabled-${u.login}`}
                  onChange={(on) => void patch(u, { disabled: !on })}
                />
              ),
            },
            {
              title: t("users.state"),
              key: "state",
              render: (_v, u) => {
                const locked = u.lockedUntil && new Date(u.lockedUntil).getTime() > Date.now();
                if (u.disabled) return <Tag>{t("users.disabled")}</Tag>;
                if (locked)
                  return (
                    <Tag color="orange">
                      {t("users.lockedUntil", { time: formatDateTime(u.lockedUntil, lang) })}
                    </Tag>
                  );
                return <Tag color="green">{t("users.active")}</Tag>;
              },
            },
          ]}
        />
      </Card>
      <CreateUserModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(u) => {
          setItems((cur) => [...(cur ?? []), u]);
          message.success(t("users.created", { login: u.login }));
        }}
      />
    </Flex>
  );
}
