// A member's profile card on their page: name, job title, department and role (the department and
// role only by a manager), deactivate / reactivate (a manager, never on themselves).
import { Button, Card, Form, Input, Popconfirm, Select, TreeSelect, Typography } from "antd";
import { useDepartments, useMemberMutations } from "../api/hooks";
import type { MemberDetail, Role } from "../api/types";
import { departmentTree } from "../components/DepartmentModal";
import { useApiErrors } from "../components/errors";
import { roleOptions } from "../components/labels";
import { useI18n } from "../i18n";
import { useMe } from "../me";
import { LIMITS } from "../../../src/core/limits";

interface ProfileValues {
  name: string;
  title: string;
  role: Role;
  departmentId: string | null;
}

export function ProfileCard({
  member,
  canManage,
  canEditSelf,
}: {
  member: MemberDetail;
  canManage: boolean;
  canEditSelf: boolean;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<ProfileValues>();
  const departments = useDepartments();
  const { update, deactivate, reactivate } = useMemberMutations(member.id);
  const onError = useApiErrors();
  const me = useMe();
  const self = member.id === me.member.id;
  const roles: Role[] = me.can("member.grant_owner")
    ? ["member", "lead", "owner"]
    : ["member", "lead"];

  const submit = (v: ProfileValues) => {
    const body = canManage
      ? {
          version: member.version,
          name: v.name.trim(),
          title: v.title?.trim() || null,
          role: v.role,
          departmentId: v.departmentId ?? null,
        }
      : { version: member.version, name: v.name.trim(), title: v.title?.trim() || null };
    update.mutate(body, { onError: (e) => onError(e, form) });
  };

  return (
    <Card
      title={t("member.profile")}
      size="small"
      extra={
        canManage && !self ? (
          member.status === "active" ? (
            <Popconfirm
              title={t("member.deactivateConfirm")}
              okText={t("common.yes")}
              cancelText={t("common.no")}
              onConfirm={() => deactivate.mutate(undefined, { onError: (e) => onError(e) })}
            >
              <Button danger size="small" loading={deactivate.isPending}>
                {t("member.deactivate")}
              </Button>
            </Popconfirm>
          ) : (
            <Button
              size="small"
              onClick={() => reactivate.mutate(undefined, { onError: (e) => onError(e) })}
              loading={reactivate.isPending}
            >
              {t("member.reactivate")}
            </Button>
          )
        ) : null
      }
    >
      <Form
        key={member.version}
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={!canEditSelf}
        data-testid="member-profile-form"
        initialValues={{
          name: member.name,
          title: member.title ?? "",
          role: member.role,
          departmentId: member.departmentId,
        }}
      >
        <Form.Item
          name="name"
          label={t("common.name")}
          rules={[{ required: true, whitespace: true, message: t("common.required") }]}
        >
          <Input maxLength={LIMITS.nameMax} />
        </Form.Item>
        <Form.Item label={t("common.email")}>
          <Typography.Text copyable>{member.email}</Typography.Text>
        </Form.Item>
        <Form.Item name="title" label={t("member.jobTitle")}>
          <Input maxLength={LIMITS.titleMax} />
        </Form.Item>
        <Form.Item name="departmentId" label={t("member.department")}>
          <TreeSelect
            allowClear
            disabled={!canManage}
            placeholder={t("member.noDepartment")}
            treeData={departmentTree(departments.data?.items ?? [])}
            treeDefaultExpandAll
          />
        </Form.Item>
        <Form.Item name="role" label={t("member.role")}>
          <Select
            disabled={!canManage || self}
            options={roleOptions(t, roles.includes(member.role) ? roles : [...roles, member.role])}
          />
        </Form.Item>
        {canEditSelf ? (
          <Button
            type="primary"
            htmlType="submit"
            loading={update.isPending}
            data-testid="member-profile-save"
          >
            {t("common.save")}
          </Button>
        ) : null}
      </Form>
    </Card>
  );
}
