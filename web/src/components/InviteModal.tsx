import { CopyOutlined, DeleteOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Divider,
  Flex,
  Form,
  Input,
  List,
  Modal,
  Select,
  Space,
  TreeSelect,
  Typography,
} from "antd";
import { useState } from "react";
import { useInvitationMutations, useInvitations } from "../api/hooks";
import type { Department, Role } from "../api/types";
import { useI18n } from "../i18n";
import { LIMITS } from "../../../src/core/limits";
import { departmentTree } from "./DepartmentModal";
import { useApiErrors } from "./errors";
import { formatDateTime, roleLabel, roleOptions } from "./labels";

interface Values {
  email: string;
  role: Role;
  departmentId: string | null;
  title: string;
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Creates an invitation link to copy and lists the pending ones. */
export function InviteModal({
  open,
  onClose,
  departments,
  owner,
  defaultDepartment,
}: {
  open: boolean;
  onClose: () => void;
  departments: readonly Department[];
  owner: boolean;
  defaultDepartment: string | null;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const invitations = useInvitations(open);
  const { create, revoke } = useInvitationMutations();
  const onError = useApiErrors();
  const { message } = App.useApp();
  const [link, setLink] = useState<string | null>(null);
  const nameOf = new Map(departments.map((d) => [d.id, d.name]));

  const submit = (v: Values) =>
    create.mutate(
      {
        email: v.email?.trim() || null,
        role: v.role,
        departmentId: v.departmentId ?? null,
        title: v.title?.trim() || null,
      },
      {
        onSuccess: (inv) => setLink(`${window.location.origin}${inv.path}`),
        onError: (e) => onError(e, form),
      },
    );

  return (
    <Modal
      open={open}
      title={t("member.invite")}
      onCancel={() => {
        setLink(null);
        onClose();
      }}
      footer={null}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t("member.inviteDesc")}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ role: "member", departmentId: defaultDepartment, email: "", title: "" }}
      >
        <Form.Item name="email" label={t("member.inviteEmail")} rules={[{ type: "email" }]}>
          <Input inputMode="email" maxLength={LIMITS.emailMax} />
        </Form.Item>
        <Flex gap={8} wrap>
          <Form.Item
            name="departmentId"
            label={t("member.department")}
            style={{ flex: "1 1 160px" }}
          >
            <TreeSelect
              allowClear
              placeholder={t("member.noDepartment")}
              treeData={departmentTree(departments)}
              treeDefaultExpandAll
            />
          </Form.Item>
          <Form.Item name="role" label={t("member.role")} style={{ flex: "1 1 120px" }}>
            <Select
              options={roleOptions(t, owner ? ["member", "lead", "owner"] : ["member", "lead"])}
            />
          </Form.Item>
        </Flex>
        <Form.Item name="title" label={t("member.jobTitle")}>
          <Input maxLength={LIMITS.titleMax} />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          loading={create.isPending}
          data-testid="invite-create"
        >
          {t("member.inviteCreate")}
        </Button>
      </Form>
      {link ? (
        <Alert
          style={{ marginTop: 16 }}
          type="success"
          data-testid="invite-link"
          title={
            <Space.Compact style={{ width: "100%" }}>
              <Input readOnly value={link} onFocus={(e) => e.target.select()} />
              <Button
                icon={<CopyOutlined />}
                onClick={() =>
                  void copy(link).then((ok) => ok && message.success(t("common.copied")))
                }
              >
                {t("common.copy")}
              </Button>
            </Space.Compact>
          }
        />
      ) : null}
      <Divider titlePlacement="start" plain>
        {t("member.invitations")}
      </Divider>
      <List
        size="small"
        loading={invitations.isPending}
        dataSource={(invitations.data?.items ?? []).filter((i) => !i.acceptedAt)}
        locale={{ emptyText: t("common.none") }}
        renderItem={(i) => (
          <List.Item
            actions={[
              <Button
                key="r"
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t("member.revoke")}
                onClick={() => revoke.mutate(i.id, { onError: (e) => onError(e) })}
              />,
            ]}
          >
            <List.Item.Meta
              title={i.email ?? t("member.anyone")}
              description={`${roleLabel(t, i.role)} · ${i.departmentId ? (nameOf.get(i.departmentId) ?? "") : t("member.noDepartment")} · ${t("member.expires", { date: formatDateTime(i.expiresAt, locale) })}`}
            />
          </List.Item>
        )}
      />
    </Modal>
  );
}
