// The attribution rules of the workspace, in the order they are tried: move, edit, delete, add.
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  EditOutlined,
} from "@ant-design/icons";
import { Button, Card, Collapse, Flex, Grid, Popconfirm, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useApiErrors } from "../../components/errors";
import { useI18n } from "../../i18n";
import { useRuleMutations, useRules, type Rule, type RuleKind } from "./attribution.api";
import type { Option } from "./labels";
import { KIND_COLOR, kindLabel, RuleKindsHelp } from "./RuleFields";
import { AddRule, EditRule, useReattributed } from "./RuleForms";

export function AttributionRules({
  canManage,
  shops,
  members,
}: {
  canManage: boolean;
  shops: Option[];
  members: Option[];
}) {
  const { t } = useI18n();
  const rules = useRules();
  const { update, remove } = useRuleMutations();
  const onError = useApiErrors();
  const reattributed = useReattributed();
  const [editing, setEditing] = useState<Rule | null>(null);
  const [editOpen, setEditOpen] = useState(false);
  const phone = !Grid.useBreakpoint().md;
  const list = rules.data ?? [];
  const shopName = (id: string | null) =>
    id ? (shops.find((s) => s.value === id)?.label ?? id) : t("attr.rules.anyShop");
  // Moving takes the neighbour's place: the server shifts the rules in between.
  const move = (r: Rule, by: -1 | 1) => {
    const other = list[list.indexOf(r) + by];
    if (other)
      update.mutate(
        { id: r.id, version: r.version, position: other.position },
        {
          onSuccess: (x) => reattributed(t("attr.rules.saved"), x.reattributed),
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
      <Typography.Text type="secondary">{t("attr.rules.wholeShop")}</Typography.Text>
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
          aria-label={t("attr.rules.up")}
          title={t("attr.rules.up")}
          disabled={i === 0 || update.isPending}
          onClick={() => move(r, -1)}
        />
        <Button
          size="small"
          type="text"
          icon={<ArrowDownOutlined />}
          aria-label={t("attr.rules.down")}
          title={t("attr.rules.down")}
          disabled={i === list.length - 1 || update.isPending}
          onClick={() => move(r, 1)}
        />
        <Button
          size="small"
          type="text"
          icon={<EditOutlined />}
          aria-label={t("attr.rules.edit")}
          title={t("attr.rules.edit")}
          onClick={() => {
            setEditing(r);
            setEditOpen(true);
          }}
        />
        <Popconfirm
          title={t("attr.rules.deleteConfirm")}
          okText={t("attr.rules.delete")}
          cancelText={t("common.cancel")}
          okButtonProps={{ danger: true }}
          onConfirm={() =>
            remove.mutate(r.id, {
              onSuccess: (x) => reattributed(t("attr.rules.deleted"), x.reattributed),
              onError: (e) => onError(e),
            })
          }
        >
          <Button
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={t("attr.rules.delete")}
            title={t("attr.rules.delete")}
          />
        </Popconfirm>
      </Flex>
    );
  };
  const actionColumn: ColumnsType<Rule> = canManage
    ? [
        {
          title: t("attr.rules.actions"),
          key: "actions",
          width: phone ? 112 : 130,
          render: (_, r) => actions(r),
        },
      ]
    : [];
  // A phone gets one cell per rule (kind, pattern → owner, shop) so the buttons stay on screen.
  const columns: ColumnsType<Rule> = phone
    ? [
        { title: t("attr.rules.position"), width: 32, render: (_, _r, i) => i + 1 },
        {
          title: t("attr.rules.title"),
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
        { title: t("attr.rules.position"), width: 44, render: (_, _r, i) => i + 1 },
        { title: t("attr.rules.kind"), dataIndex: "kind", width: 110, render: kindTag },
        { title: t("attr.rules.pattern"), dataIndex: "pattern", render: (_, r) => pattern(r) },
        {
          title: t("attr.rules.shop"),
          dataIndex: "shopId",
          render: (id: string | null) => shopName(id),
        },
        { title: t("attr.rules.member"), dataIndex: "memberName" },
        ...actionColumn,
      ];

  return (
    <Card size="small" title={t("attr.rules.title")} data-testid="attribution-rules">
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t("attr.rules.order")}</Typography.Text>
        <Collapse
          size="small"
          items={[
            {
              key: "help",
              label: t("attr.rules.help"),
              children: <RuleKindsHelp />,
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
          locale={{ emptyText: t("attr.rules.empty") }}
          columns={columns}
        />
        {canManage ? <AddRule shops={shops} members={members} /> : null}
      </Flex>
      {/* A new form for each rule (and each version of it): FormModal would otherwise show the
          previous rule's values until its opening animation ends. */}
      <EditRule
        key={editing ? `${editing.id}:${editing.version}` : ""}
        open={editOpen}
        rule={editing}
        onClose={() => setEditOpen(false)}
        shops={shops}
        members={members}
      />
    </Card>
  );
}
