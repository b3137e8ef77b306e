// The attribution rules of the workspace, in the order they are tried: move, edit, delete, add.
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  EditOutlined,
  PlusOutlined,
} from "@ant-design/icons";
import {
  App,
  Button,
  Card,
  Collapse,
  Divider,
  Flex,
  Form,
  Grid,
  Input,
  Modal,
  Popconfirm,
  Select,
  Table,
  Tag,
  Typography,
} from "antd";
import type { ColumnsType } from "antd/es/table";
import { useEffect, useState } from "react";
import { useApiErrors } from "../../components/errors";
import {
  RULE_KINDS,
  useRuleMutations,
  useRules,
  type Rule,
  type RuleInput,
  type RuleKind,
} from "./attribution.api";
import { useAttrT, type AttrT } from "./attribution.strings";

export interface Option {
  value: string;
  label: string;
}
const KIND_COLOR: Record<RuleKind, string> = {
  memo: "blue",
  salesRef: "purple",
  sku: "cyan",
  shop: "gold",
};
export const kindLabel = (t: AttrT, k: RuleKind) => t(`kind.${k}`);

/** Kind, pattern, shop and member: the add form and the edit dialog share them (the kind of a saved rule is fixed). */
function RuleFields({
  kind,
  editing,
  shops,
  members,
}: {
  kind: RuleKind;
  editing: boolean;
  shops: Option[];
  members: Option[];
}) {
  const { t } = useAttrT();
  const whole = kind === "shop";
  return (
    <>
      <Form.Item name="kind" label={t("rules.kind")} style={{ flex: "1 1 150px", minWidth: 0 }}>
        <Select
          disabled={editing}
          data-testid="rule-kind"
          options={RULE_KINDS.map((k) => ({ value: k, label: kindLabel(t, k) }))}
        />
      </Form.Item>
      {whole ? null : (
        <Form.Item
          name="pattern"
          label={t("rules.pattern")}
          style={{ flex: "1 1 180px", minWidth: 0 }}
          rules={[
            { required: true, whitespace: true, message: t("rules.patternRequired") },
            { max: 100 },
          ]}
        >
          <Input placeholder={t(`kind.${kind}.placeholder`)} data-testid="rule-pattern" />
        </Form.Item>
      )}
      <Form.Item
        name="shopId"
        label={t("rules.shop")}
        style={{ flex: "1 1 180px", minWidth: 0 }}
        rules={whole ? [{ required: true, message: t("rules.shopRequired") }] : []}
      >
        <Select
          allowClear={!whole}
          placeholder={whole ? t("rules.shopRequired") : t("rules.anyShop")}
          options={shops}
          data-testid="rule-shop"
        />
      </Form.Item>
      <Form.Item
        name="memberId"
        label={t("rules.member")}
        style={{ flex: "1 1 180px", minWidth: 0 }}
        rules={[{ required: true, message: t("rules.memberRequired") }]}
      >
        <Select
          showSearch={{ optionFilterProp: "label" }}
          options={members}
          data-testid="rule-member"
        />
      </Form.Item>
    </>
  );
}

/** What the chosen kind matches, under the fields. */
const RuleHelp = ({ kind }: { kind: RuleKind }) => {
  const { t } = useAttrT();
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {t(`kind.${kind}.help`)}
      {kind === "shop" ? "" : ` ${t("kind.shopLimit")}`}
    </Typography.Text>
  );
};

type FormValues = { kind: RuleKind; pattern?: string; shopId?: string | null; memberId?: string };
const toInput = (v: FormValues): RuleInput => ({
  kind: v.kind,
  pattern: v.kind === "shop" ? "" : (v.pattern ?? "").trim(),
  memberId: v.memberId ?? "",
  shopId: v.shopId ?? null,
});

function AddRule({ shops, members }: { shops: Option[]; members: Option[] }) {
  const { t } = useAttrT();
  const [form] = Form.useForm<FormValues>();
  const kind = Form.useWatch("kind", form) ?? "memo";
  const { create } = useRuleMutations();
  const onError = useApiErrors();
  const { message } = App.useApp();
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ kind: "memo" }}
      data-testid="add-rule"
      onFinish={(v) =>
        create.mutate(toInput(v), {
          onSuccess: (r) => {
            void message.success(
              `${t("rules.added")} · ${t("rules.reattributed", { n: r.reattributed })}`,
            );
            form.resetFields();
          },
          onError: (e) => onError(e, form),
        })
      }
    >
      <Divider titlePlacement="start" plain style={{ margin: "4px 0 8px" }}>
        {t("rules.add")}
      </Divider>
      <Flex wrap gap="0 12px" align="flex-start">
        <RuleFields kind={kind} editing={false} shops={shops} members={members} />
        <Form.Item label=" " style={{ flex: "0 0 auto" }}>
          <Button
            type="primary"
            htmlType="submit"
            icon={<PlusOutlined />}
            loading={create.isPending}
            data-testid="add-rule-submit"
          >
            {t("rules.add")}
          </Button>
        </Form.Item>
      </Flex>
      <RuleHelp kind={kind} />
    </Form>
  );
}

function EditRule({
  rule,
  onClose,
  shops,
  members,
}: {
  rule: Rule | null;
  onClose: () => void;
  shops: Option[];
  members: Option[];
}) {
  const { t } = useAttrT();
  const [form] = Form.useForm<FormValues>();
  const { update } = useRuleMutations();
  const onError = useApiErrors();
  const { message } = App.useApp();
  useEffect(() => {
    if (rule)
      form.setFieldsValue({
        kind: rule.kind,
        pattern: rule.pattern,
        shopId: rule.shopId,
        memberId: rule.memberId,
      });
  }, [rule, form]);
  if (!rule) return null;
  return (
    <Modal
      open
      title={t("rules.edit")}
      onCancel={onClose}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={update.isPending}
      forceRender
      onOk={() =>
        void form.validateFields().then((v) => {
          const input = toInput({ ...v, kind: rule.kind });
          update.mutate(
            {
              id: rule.id,
              version: rule.version,
              pattern: input.pattern,
              memberId: input.memberId,
              shopId: input.shopId,
            },
            {
              onSuccess: (r) => {
                void message.success(
                  `${t("rules.saved")} · ${t("rules.reattributed", { n: r.reattributed })}`,
                );
                onClose();
              },
              onError: (e) => onError(e, form),
            },
          );
        })
      }
    >
      <Form form={form} layout="vertical">
        <RuleFields kind={rule.kind} editing shops={shops} members={members} />
        <RuleHelp kind={rule.kind} />
      </Form>
    </Modal>
  );
}

export function AttributionRules({
  canManage,
  shops,
  members,
}: {
  canManage: boolean;
  shops: Option[];
  members: Option[];
}) {
  const { t } = useAttrT();
  const rules = useRules();
  const { update, remove } = useRuleMutations();
  const onError = useApiErrors();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Rule | null>(null);
  const phone = !Grid.useBreakpoint().md;
  const list = rules.data ?? [];
  const shopName = (id: string | null) =>
    id ? (shops.find((s) => s.value === id)?.label ?? id) : t("rules.anyShop");
  const reattributed = (prefix: string, n: number) =>
    void message.success(`${prefix} · ${t("rules.reattributed", { n })}`);
  // Moving takes the neighbour's place: the server shifts the rules in between.
  const move = (r: Rule, by: -1 | 1) => {
    const other = list[list.indexOf(r) + by];
    if (other)
      update.mutate(
        { id: r.id, version: r.version, position: other.position },
        {
          onSuccess: (x) => reattributed(t("rules.saved"), x.reattributed),
          onError: (e) => onError(e),
        },
      );
  };

  const kindTag = (k: RuleKind) => (
    <Tag color={KIND_COLOR[k]} style={{ marginInlineEnd: 0 }}>
      {kindLabel(t, k)}
    </Tag>
  );
  const pattern = (r: Rule) =>
    r.kind === "shop" ? (
      <Typography.Text type="secondary">{t("rules.wholeShop")}</Typography.Text>
    ) : (
      <Typography.Text code style={{ wordBreak: "break-all" }}>
        {r.pattern}
      </Typography.Text>
    );
  const actions = (r: Rule) => {
    const i = list.indexOf(r);
    return (
      <Flex gap={2} justify="flex-end">
        <Button
          size="small"
          type="text"
          icon={<ArrowUpOutlined />}
          aria-label={t("rules.up")}
          title={t("rules.up")}
          disabled={i === 0 || update.isPending}
          onClick={() => move(r, -1)}
        />
        <Button
          size="small"
          type="text"
          icon={<ArrowDownOutlined />}
          aria-label={t("rules.down")}
          title={t("rules.down")}
          disabled={i === list.length - 1 || update.isPending}
          onClick={() => move(r, 1)}
        />
        <Button
          size="small"
          type="text"
          icon={<EditOutlined />}
          aria-label={t("rules.edit")}
          title={t("rules.edit")}
          onClick={() => setEditing(r)}
        />
        <Popconfirm
          title={t("rules.deleteConfirm")}
          okText={t("rules.delete")}
          cancelText={t("common.cancel")}
          okButtonProps={{ danger: true }}
          onConfirm={() =>
            remove.mutate(r.id, {
              onSuccess: (x) => reattributed(t("rules.deleted"), x.reattributed),
              onError: (e) => onError(e),
            })
          }
        >
          <Button
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={t("rules.delete")}
            title={t("rules.delete")}
          />
        </Popconfirm>
      </Flex>
    );
  };
  const actionColumn: ColumnsType<Rule> = canManage
    ? [
        {
          title: t("rules.actions"),
          key: "actions",
          width: phone ? 112 : 130,
          render: (_, r) => actions(r),
        },
      ]
    : [];
  // A phone gets one cell per rule (kind, pattern → owner, shop) so the buttons stay on screen.
  const columns: ColumnsType<Rule> = phone
    ? [
        { title: t("rules.position"), width: 32, render: (_, _r, i) => i + 1 },
        {
          title: t("rules.title"),
          key: "rule",
          render: (_, r) => (
            <Flex vertical gap={2} style={{ minWidth: 0 }}>
              <Flex wrap gap={4} align="center">
                {kindTag(r.kind)}
                {pattern(r)}
              </Flex>
              <Typography.Text style={{ fontSize: 12 }}>
                → {r.memberName}{" "}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  · {shopName(r.shopId)}
                </Typography.Text>
              </Typography.Text>
            </Flex>
          ),
        },
        ...actionColumn,
      ]
    : [
        { title: t("rules.position"), width: 44, render: (_, _r, i) => i + 1 },
        { title: t("rules.kind"), dataIndex: "kind", width: 110, render: kindTag },
        { title: t("rules.pattern"), dataIndex: "pattern", render: (_, r) => pattern(r) },
        {
          title: t("rules.shop"),
          dataIndex: "shopId",
          render: (id: string | null) => shopName(id),
        },
        { title: t("rules.member"), dataIndex: "memberName" },
        ...actionColumn,
      ];

  return (
    <Card size="small" title={t("rules.title")} data-testid="attribution-rules">
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t("rules.order")}</Typography.Text>
        <Collapse
          size="small"
          items={[
            {
              key: "help",
              label: t("rules.help"),
              children: (
                <Flex vertical gap={6}>
                  {RULE_KINDS.map((k) => (
                    <Typography.Text key={k}>
                      <Tag color={KIND_COLOR[k]}>{kindLabel(t, k)}</Tag>
                      {t(`kind.${k}.help`)}
                    </Typography.Text>
                  ))}
                  <Typography.Text type="secondary">{t("kind.shopLimit")}</Typography.Text>
                </Flex>
              ),
            },
          ]}
        />
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          loading={rules.isPending}
          dataSource={list}
          scroll={phone ? undefined : { x: 620 }}
          data-testid="rules-table"
          locale={{ emptyText: t("rules.empty") }}
          columns={columns}
        />
        {canManage ? <AddRule shops={shops} members={members} /> : null}
      </Flex>
      <EditRule rule={editing} onClose={() => setEditing(null)} shops={shops} members={members} />
    </Card>
  );
}
