// 合单 proposals: orders of one shop to one recipient, with the reason, each accepted with one click.
import { App, Button, Card, Collapse, Grid, List, Space, Tag, Typography } from "antd";
import { useI18n } from "../../../i18n";
import { messageText } from "../../../i18n/messages";
import { useApiErrors } from "../../../components/errors";
import { useCreateParcels, useProposals, type Proposal } from "./api";

export function MergeProposals({ shopId, canPack }: { shopId?: string; canPack: boolean }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const showError = useApiErrors();
  const phone = !Grid.useBreakpoint().md;
  const proposals = useProposals(shopId);
  const create = useCreateParcels();
  const items = proposals.data?.items ?? [];
  const accept = (p: Proposal) =>
    create
      .mutateAsync({ orderIds: p.orders.map((o) => o.id), merge: true })
      .then(() => message.success(t("logistics.queue.parcelsMade", { count: 1 })))
      .catch((e: unknown) => showError(e));
  return (
    <Card size="small" data-testid="merge-proposals">
      <Collapse
        key={items.length && !phone ? "open" : "closed"}
        ghost
        // Open on a desktop when there is something to merge; on a phone the count shows and a tap opens it.
        defaultActiveKey={items.length && !phone ? ["p"] : []}
        items={[
          {
            key: "p",
            label: (
              <Space>
                <Typography.Text strong>{t("logistics.queue.proposals.title")}</Typography.Text>
                <Tag color={items.length ? "orange" : undefined}>
                  {t("logistics.queue.proposals.count", { count: items.length })}
                </Tag>
              </Space>
            ),
            children: items.length ? (
              <List
                size="small"
                style={{ maxHeight: 320, overflow: "auto" }}
                dataSource={items}
                renderItem={(p) => (
                  <List.Item
                    data-testid="merge-proposal"
                    actions={
                      canPack
                        ? [
                            <Button
                              key="m"
                              size="small"
                              type="primary"
                              loading={create.isPending}
                              onClick={() => void accept(p)}
                              data-testid="merge-accept"
                            >
                              {t("logistics.queue.proposals.accept")}
                            </Button>,
                          ]
                        : []
                    }
                  >
                    <List.Item.Meta
                      title={messageText(locale, p.reason.code, p.reason.params) ?? p.reason.code}
                      description={`${p.shopName} · ${p.orders.map((o) => o.platformOrderId).join("、")}`}
                    />
                  </List.Item>
                )}
              />
            ) : (
              <Typography.Text type="secondary">
                {t("logistics.queue.proposals.none")}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}
