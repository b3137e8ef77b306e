// The demo's sign-in where a visitor looks (the welcome and sign-in pages): the accounts to try
// and, in the tab that opened the demo, their shared password, each with a copy button.
import { Button, Flex, Table, Typography } from "antd";
import type { ReactNode } from "react";
import type { DemoAccount } from "../api/types";
import { useI18n } from "../i18n";
import { roleLabel } from "./labels";

const KEY = "dayclear.demoPassword";

/** Keeps the password POST /demo gave for this tab (the server keeps only its hash). */
export function rememberDemoPassword(password: string): void {
  try {
    sessionStorage.setItem(KEY, password);
  } catch {
    // Storage refused (private mode): the password shows until the page is left.
  }
}

export function rememberedDemoPassword(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function DemoAccounts({
  accounts,
  password,
  hint,
  action,
}: {
  accounts: DemoAccount[];
  password: string | null;
  /** Shown instead of the password when this tab does not know it. */
  hint?: ReactNode;
  action?: { label: string; run: (a: DemoAccount) => void; pending?: string | null };
}) {
  const { t } = useI18n();
  return (
    <div data-testid="demo-accounts">
      {password ? (
        <Flex wrap gap={4} align="center" style={{ marginBottom: 12 }}>
          <Typography.Text>{t("demo.password")}:</Typography.Text>
          <Typography.Text
            code
            copyable
            strong
            style={{ whiteSpace: "nowrap" }}
            data-testid="demo-password"
          >
            {password}
          </Typography.Text>
        </Flex>
      ) : (
        hint
      )}
      <Table<DemoAccount>
        size="small"
        rowKey="email"
        pagination={false}
        dataSource={accounts}
        onRow={() => ({ "data-testid": "demo-account" }) as object}
        columns={[
          {
            title: t("demo.account"),
            render: (_, a) => (
              <div>
                <Typography.Text strong>{a.name}</Typography.Text>{" "}
                <Typography.Text type="secondary">
                  {roleLabel(t, a.role)}
                  {a.department ? ` · ${a.department}` : ""}
                </Typography.Text>
                <div>
                  <Typography.Text copyable style={{ overflowWrap: "anywhere" }}>
                    {a.email}
                  </Typography.Text>
                </div>
              </div>
            ),
          },
          ...(action
            ? [
                {
                  key: "action",
                  width: 1,
                  render: (_: unknown, a: DemoAccount) => (
                    <Button
                      size="small"
                      loading={action.pending === a.email}
                      onClick={() => action.run(a)}
                      data-testid={`demo-use-${a.email.split("@")[0]}`}
                    >
                      {action.label}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}
