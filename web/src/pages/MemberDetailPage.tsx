import { ArrowLeftOutlined } from "@ant-design/icons";
import { Button, Card, Col, Result, Row, Space, Spin, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { useMember, useMemberMutations } from "../api/hooks";
import type { MemberDetail, SkillLevel } from "../api/types";
import { errorText, useApiErrors } from "../components/errors";
import { roleColor, roleLabel } from "../components/labels";
import { MemberCalendarCard } from "../components/MemberCalendarCard";
import { SkillLevelsEditor } from "../components/SkillLevelsEditor";
import { useI18n } from "../i18n";
import { useMe } from "../me";
import { ProfileCard } from "./MemberProfileCard";

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
