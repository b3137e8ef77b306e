import { ArrowLeftOutlined } from "@ant-design/icons";
import {
  Button,
  Card,
  Col,
  Form,
  Input,
  Popconfirm,
  Result,
  Row,
  Select,
  Space,
  Spin,
  Tag,
  TreeSelect,
  Typography,
} from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { useDepartments, useMember, useMemberMutations } from "../api/hooks";
import type { MemberDetail, Role, SkillLevel } from "../api/types";
import { departmentTree } from "../components/DepartmentModal";
import { errorText, useApiErrors } from "../components/errors";
import { roleColor, roleLabel, roleOptions } from "../components/labels";
import { MemberCalendarCard } from "../components/MemberCalendarCard";
import { SkillLevelsEditor } from "../components/SkillLevelsEditor";
import { useI18n } from "../i18n";
import { useMe } from "../me";
import { LIMITS } from "../../../src/core/limits";

interface ProfileValues {
  name: string;
  title: string;
  role: Role;
  departmentId: string | null;
}

function ProfileCard({
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
  const roles: Role[] = me.role === "owner" ? ["member", "lead", "owner"] : ["member", "lead"];

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

function SkillsCard({ member, canEdit }: { member: MemberDetail; canEdit: boolean }) {
  const { t } = useI18n();
  const { setSkills } = useMemberMutations(member.id);
  const onError = useApiErrors();
  const [draft, setDraft] = useState<SkillLevel[] | null>(null);
  const current = member.skills.map((s) => ({ skillId: s.skillId, level: s.level }));
  return (
    <Card
      title={t("member.skills")}
      size="small"
      data-testid="member-skills"
      extra={
        canEdit && draft === null ? (
          <Button size="small" onClick={() => setDraft(current)} data-testid="skills-edit">
            {t("member.editSkills")}
          </Button>
        ) : null
      }
    >
      {draft === null ? (
        member.skills.length ? (
          <Space wrap>
            {member.skills.map((s) => (
              <Tag key={s.skillId} color="geekblue">
                {s.name} · {t("member.level")} {s.level}
              </Tag>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t("member.noSkills")}</Typography.Text>
        )
      ) : (
        <Space orientation="vertical" style={{ width: "100%" }}>
          <SkillLevelsEditor value={draft} onChange={setDraft} departmentId={member.departmentId} />
          <Space>
            <Button onClick={() => setDraft(null)}>{t("common.cancel")}</Button>
            <Button
              type="primary"
              loading={setSkills.isPending}
              data-testid="skills-save"
              onClick={() =>
                setSkills.mutate(draft, {
                  onSuccess: () => setDraft(null),
                  onError: (e) => onError(e),
                })
              }
            >
              {t("common.save")}
            </Button>
          </Space>
        </Space>
      )}
    </Card>
  );
}

export function MemberDetailPage() {
  const { id = "" } = useParams();
  const { t, locale } = useI18n();
  const member = useMember(id);
  const { me, can } = useMe();
  if (member.isPending) return <Spin />;
  if (member.isError)
    return (
      <Result
        status="warning"
        title={errorText(member.error, t, locale)}
        extra={<Link to="/members">{t("common.back")}</Link>}
      />
    );
  const m = member.data;
  const target = { memberId: m.id, role: m.role, departmentId: m.departmentId };
  const canManage = can("member.update", target);
  const canEditSelf = can("member.profile", target);
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Space wrap>
        <Link to="/members">
          <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t("common.back")} />
        </Link>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="member-name">
          {m.name}
        </Typography.Title>
        <Tag color={roleColor[m.role]}>{roleLabel(t, m.role)}</Tag>
        {m.status === "inactive" ? <Tag>{t("member.inactive")}</Tag> : null}
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
            <ProfileCard member={m} canManage={canManage} canEditSelf={canEditSelf} />
            <SkillsCard member={m} canEdit={canManage} />
          </Space>
        </Col>
        <Col xs={24} lg={12}>
          <MemberCalendarCard member={m} me={me} canEdit={canEditSelf} />
        </Col>
      </Row>
    </Space>
  );
}
