// The chat accounts and who they belong to: the owner and the customer_service leads change it here (the
// server moves the account's days after the last locked pay run); everyone else reads.
import { App, Button, Card, Flex, Grid, Input, Select, Table, Typography } from "antd";
import { useState } from "react";
import { useApiErrors } from "../../components/errors";
import { useCsAccounts, useLinkAccounts, type CsAccount } from "./cs.api";
import { useI18n } from "../../i18n";
import type { MemberOption } from "./CsUpload";

export function CsAccounts({
  canManage,
  members,
}: {
  canManage: boolean;
  members: MemberOption[];
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const onError = useApiErrors();
  const accounts = useCsAccounts();
  const link = useLinkAccounts();
  const phone = !Grid.useBreakpoint().md;
  const [account, setAccount] = useState("");
  const [memberId, setMemberId] = useState<string | undefined>();
  const save = (a: string, m: string | null, after?: () => void) =>
    link.mutate([{ account: a, memberId: m }], {
      onSuccess: (r) => {
        void message.success(t("cs.accounts.saved", { n: r.movedDays }));
        after?.();
      },
      onError: (e) => onError(e),
    });

  return (
    <Card size="small" title={t("cs.accounts.title")} data-testid="cs-accounts">
      <Flex vertical gap={8}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("cs.accounts.hint")}
        </Typography.Text>
        <Table<CsAccount>
          size="small"
          rowKey="account"
          pagination={false}
          loading={accounts.isPending}
          dataSource={accounts.data?.items ?? []}
          scroll={phone ? undefined : { x: 420 }}
          locale={{ emptyText: t("cs.accounts.empty") }}
          columns={[
            {
              title: t("cs.accounts.account"),
              dataIndex: "account",
              render: (a: string) => (
                <Typography.Text style={{ wordBreak: "break-all" }}>{a}</Typography.Text>
              ),
            },
            {
              title: t("cs.accounts.member"),
              dataIndex: "memberId",
              width: phone ? 150 : 170,
              render: (id: string | null, r) =>
                canManage ? (
                  <Select
                    size="small"
                    style={{ width: "100%" }}
                    showSearch={{ optionFilterProp: "label" }}
                    allowClear
                    placeholder={t("cs.accounts.none")}
                    options={members}
                    value={id ?? undefined}
                    aria-label={r.account}
                    data-testid={`cs-account-${r.account}`}
                    onChange={(v?: string) => save(r.account, v ?? null)}
                  />
                ) : (
                  (r.memberName ?? (
                    <Typography.Text type="secondary">{t("cs.accounts.none")}</Typography.Text>
                  ))
                ),
            },
            { title: t("cs.accounts.days"), dataIndex: "days", width: 56, align: "right" },
            // On a phone the date range gives way, so account, member and days fit.
            ...(phone
              ? []
              : [
                  {
                    title: t("cs.accounts.range"),
                    key: "range",
                    width: 120,
                    render: (_: unknown, r: CsAccount) =>
                      r.firstDate ? (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {r.firstDate}
                          <br />
                          {r.lastDate}
                        </Typography.Text>
                      ) : (
                        "—"
                      ),
                  },
                ]),
          ]}
        />
        {canManage ? (
          <Flex wrap gap={8} data-testid="cs-account-add">
            <Input
              style={{ flex: "1 1 180px", minWidth: 0 }}
              placeholder={t("cs.accounts.new")}
              value={account}
              onChange={(e) => setAccount(e.target.value)}
              maxLength={100}
              aria-label={t("cs.accounts.new")}
            />
            <Select
              style={{ flex: "1 1 160px", minWidth: 0 }}
              showSearch={{ optionFilterProp: "label" }}
              placeholder={t("cs.upload.chooseMember")}
              options={members}
              value={memberId}
              onChange={(v: string) => setMemberId(v)}
              aria-label={t("cs.accounts.member")}
            />
            <Button
              disabled={!account.trim() || !memberId}
              loading={link.isPending}
              onClick={() =>
                save(account.trim(), memberId!, () => {
                  setAccount("");
                  setMemberId(undefined);
                })
              }
            >
              {t("cs.accounts.add")}
            </Button>
          </Flex>
        ) : null}
      </Flex>
    </Card>
  );
}
