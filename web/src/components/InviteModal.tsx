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
  Select,
  Space,
  TreeSelect,
  Typography,
} from "antd";
import { useState } from "react";
import { useInvitationMutations, useInvitations } from "../api/hooks";
import type { CreatedInvitation, Department, Role } from "../api/types";
import { useI18n } from "../i18n";
import { LIMITS } from "../../../src/core/limits";
import { departmentTree } from "./DepartmentModal";
import { useApiErrors } from "./errors";
import { FormModal } from "./FormModal";
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

/**
 * Creates an invitation link to copy and lists the pending ones. A FormModal that stays open after
 * creating (keepOpen): the link shows under the fields, and another can be made at once.
 */
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
  const invitations = useInvitations(open);
  const { create, revoke } = useInvitationMutations();
  const onError = useApiErrors();
  const { message } = App.useApp();
  const [link, setLink] = useState<string | null>(null);
  const nameOf = new Map(departments.map((d) => [d.id, d.name]));

  return (
    <FormModal<Values, CreatedInvitation>
      open={open}
      title={t("member.invite")}
      onClose={() => {
        setLink(null);
        onClose();
      }}
      initialValues={{ role: "member", departmentId: defaultDepartment, email: "", title: "" }}
      onSubmit={(v) =>
        create.mutateAsync({
          email: v.email?.trim() || null,
          role: v.role,
          departmentId: v.departmentId ?? null,
          title: v.title?.trim() || null,
        })
      }
      onSuccess={(inv) => setLink(`${window.location.origin}${inv.path}`)}
      keepOpen
      okText={t("member.inviteCreate")}
      okTestId="invite-create"
    >
      <Typography.Paragraph type="secondary">{t("member.inviteDesc")}</Typography.Paragraph>
      <Form.Item name="email" label={t("member.inviteEmail")} rules={[{ type: "email" }]}>
        <Input inputMode="email" maxLength={LIMITS.emailMax} />
      </Form.Item>
      <Flex gap={8} wrap>
        <Form.Item name="departmentId" label={t("member.department")} style={{ flex: "1 1 160px" }}>
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
      {link ? (
        <Alert
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
    </FormModal>
  );
}
