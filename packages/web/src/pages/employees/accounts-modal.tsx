/**
 * The accounts just created for employees with their initial passwords — shown once, with a copy button.
 * @example <AccountsModal accounts={created} onClose={() => setCreated(null)} />
 */
import { CopyOutlined } from "@ant-design/icons";
import { Alert, App, Button, Flex, Modal, Table, Typography } from "antd";
import type { CreatedAccount } from "../../api/types-hr";
import { useT } from "../../i18n";

type Props = { accounts: CreatedAccount[] | null; onClose: () => void };

/** Tab-separated text of the accounts, ready to paste into a sheet. @example accountsText([{ login: "A001", name: "张三", initialPassword: "x" }]) */
export function accountsText(accounts: CreatedAccount[], header: string[]): string {
  return [header, ...accounts.map((a) => [a.login, a.name, a.initialPassword])]
    .map((r) => r.join("\t"))
    .join("\n");
}

/** The one-time password list. @example <AccountsModal accounts={list} onClose={close} /> */
export function AccountsModal({ accounts, onClose }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const copy = async () => {
    if (!accounts) return;
    const text = accountsText(accounts, [
      t("employees.login"),
      t("employees.name"),
      t("employees.initialPassword"),
    ]);
    try {
      await navigator.clipboard.writeText(text);
      message.success(t("employees.copied"));
    } catch {
      message.error(t("employees.copyFailed"));
    }
  };
  return (
    <Modal
      open={accounts !== null}
      onCancel={onClose}
      width={640}
      title={t("employees.accountsTitle", { n: accounts?.length ?? 0 })}
      maskClosable={false}
      footer={
        <Flex justify="end" gap={8}>
          <Button
            icon={<CopyOutlined />}
            onClick={copy}
            disabled={!accounts?.length}
            data-testid="accounts-copy"
          >
            {t("employees.copyAll")}
          </Button>
          <Button type="primary" onClick={onClose}>
            {t("employees.done")}
          </Button>
        </Flex>
      }
    >
      {accounts && accounts.length === 0 ? (
        <Alert type="info" showIcon title={t("employees.noNewAccounts")} />
      ) : (
        <Flex vertical gap={12} data-testid="accounts-created">
          <Alert type="warning" showIcon title={t("employees.passwordsOnce")} />
          <Table<CreatedAccount>
            size="small"
            rowKey="login"
            dataSource={accounts ?? []}
            pagination={false}
            scroll={{ y: 360 }}
            columns={[
              { title: t("employees.login"), dataIndex: "login" },
              { title: t("employees.name"), dataIndex: "name" },
              {
                title: t("employees.initialPassword"),
                dataIndex: "initialPassword",
                render: (v: string) => (
                  <Typography.Text code copyable>
                    {v}
                  </Typography.Text>
                ),
              },
            ]}
          />
        </Flex>
      )}
    </Modal>
  );
}
