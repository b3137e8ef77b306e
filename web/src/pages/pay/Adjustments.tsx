// Pay adjustments: the "add adjustment" dialog (owner) and the list of pending ones — corrections
// the next computed run pays, until the run that pays them is locked. Money is the server's text.
import { PlusOutlined } from "@ant-design/icons";
import {
  App,
  Button,
  Card,
  Empty,
  Flex,
  Form,
  Grid,
  Input,
  List,
  Select,
  Skeleton,
  Table,
  Typography,
} from "antd";
import dayjs from "dayjs";
import { useState, type HTMLAttributes } from "react";
import { useAllMembers } from "../../api/hooks";
import { money, usePayAdjustments, usePayRunMutations, type ListedAdjustment } from "../../api/pay";
import { FormModal } from "../../components/FormModal";
import { useI18n } from "../../i18n";
import { setFieldErrors } from "./shared";

interface AdjustValues {
  memberId: string;
  amount: string;
  reason: string;
}

/** The owner's dialog for a correction paid by the next computed run. */
export function AdjustmentModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, locale } = useI18n();
  const members = useAllMembers();
  const { adjust } = usePayRunMutations();
  const { message } = App.useApp();
  const memberOptions = (members.data ?? []).map((m) => ({ value: m.id, label: m.name }));
  return (
    <FormModal<AdjustValues, { amount: string }>
      open={open}
      title={t("pay.adjust.add")}
      onClose={onClose}
      onSubmit={(v) =>
        adjust.mutateAsync({
          memberId: v.memberId,
          amount: v.amount.trim(),
          reason: v.reason.trim(),
        })
      }
      onSuccess={(a) => void message.success(t("pay.adjust.saved", { amount: money(a.amount) }))}
      onError={(e, form) => setFieldErrors(form, e, locale)}
      okText={t("common.add")}
      okTestId="adjust-save"
      testId="adjust-form"
    >
      <Typography.Paragraph type="secondary">{t("pay.adjust.hint")}</Typography.Paragraph>
      <Form.Item
        name="memberId"
        label={t("pay.run.member")}
        rules={[{ required: true, message: t("common.required") }]}
      >
        <Select
          options={memberOptions}
          showSearch={{ optionFilterProp: "label" }}
          data-testid="adjust-member"
        />
      </Form.Item>
      <Form.Item
        name="amount"
        label={t("pay.adjust.amount")}
        rules={[{ required: true, message: t("common.required") }]}
        extra={t("pay.adjust.amountHint")}
      >
        <Input inputMode="decimal" placeholder="-200.00" data-testid="adjust-amount" />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t("pay.adjust.reason")}
        rules={[{ required: true, whitespace: true, message: t("common.required") }]}
      >
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} data-testid="adjust-reason" />
      </Form.Item>
    </FormModal>
  );
}

const addedOn = (iso: string) => dayjs(iso).format("YYYY-MM-DD HH:mm");
const Amount = ({ a }: { a: ListedAdjustment }) => (
  <Typography.Text
    strong
    type={a.amount.startsWith("-") ? "danger" : undefined}
    style={{ whiteSpace: "nowrap" }}
  >
    {money(a.amount)}
  </Typography.Text>
);

/** The open adjustments you may see (the owner all, a lead their departments'), with "add" for the owner. */
export function PendingAdjustments({ owner }: { owner: boolean }) {
  const { t } = useI18n();
  const phone = !Grid.useBreakpoint().md;
  const list = usePayAdjustments("open");
  const [adding, setAdding] = useState(false);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card
      size="small"
      title={t("pay.adjust.pending")}
      data-testid="pending-adjustments"
      extra={
        owner ? (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="adjust-add"
          >
            {t("pay.adjust.add")}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t("pay.adjust.pendingHint")}
      </Typography.Paragraph>
      {list.isPending ? (
        <Skeleton active />
      ) : list.isError ? (
        <Typography.Text type="danger">{t("error.generic")}</Typography.Text>
      ) : items.length === 0 ? (
        <Empty description={t("pay.adjust.none")} />
      ) : phone ? (
        <List
          size="small"
          dataSource={items}
          renderItem={(a) => (
            <List.Item data-testid="adjustment-row">
              <Flex justify="space-between" gap={8} style={{ width: "100%" }}>
                <Flex vertical style={{ minWidth: 0 }}>
                  <Typography.Text>{a.memberName}</Typography.Text>
                  <Typography.Text
                    type="secondary"
                    style={{ fontSize: 12, wordBreak: "break-word" }}
                  >
                    {a.reason} · {addedOn(a.createdAt)}
                  </Typography.Text>
                </Flex>
                <Amount a={a} />
              </Flex>
            </List.Item>
          )}
        />
      ) : (
        <Table
          size="small"
          rowKey="id"
          dataSource={items}
          pagination={false}
          onRow={() => ({ "data-testid": "adjustment-row" }) as HTMLAttributes<HTMLElement>}
          columns={[
            { title: t("pay.run.member"), dataIndex: "memberName" },
            {
              title: t("pay.adjust.amount"),
              align: "right" as const,
              render: (_: unknown, a: ListedAdjustment) => <Amount a={a} />,
            },
            {
              title: t("pay.adjust.reason"),
              dataIndex: "reason",
              render: (r: string) => <span style={{ wordBreak: "break-word" }}>{r}</span>,
            },
            { title: t("pay.adjust.addedOn"), dataIndex: "createdAt", render: addedOn },
          ]}
        />
      )}
      {list.hasNextPage ? (
        <Button
          size="small"
          style={{ marginTop: 8 }}
          onClick={() => void list.fetchNextPage()}
          loading={list.isFetchingNextPage}
        >
          {t("common.loadMore")}
        </Button>
      ) : null}
      {owner ? <AdjustmentModal open={adding} onClose={() => setAdding(false)} /> : null}
    </Card>
  );
}
