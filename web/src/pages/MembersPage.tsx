import { LinkOutlined, UserAddOutlined } from "@ant-design/icons";
import {
  App,
  Avatar,
  Button,
  Card,
  Empty,
  Flex,
  List,
  Segmented,
  Space,
  Tag,
  TreeSelect,
  Typography,
} from "antd";
import { useMemo, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { useDepartments, useMembers } from "../api/hooks";
import type { Member } from "../api/types";
import { AddMemberModal } from "../components/AddMemberModal";
import { departmentTree } from "../components/DepartmentModal";
import { errorText } from "../components/errors";
import { InviteModal } from "../components/InviteModal";
import { roleColor, roleLabel } from "../components/labels";
import { useI18n } from "../i18n";
import { useMe } from "../me";

function MemberItem({ m, departmentName }: { m: Member; departmentName: string | null }) {
  const { t } = useI18n();
  return (
    <List.Item data-testid="member-row">
      <List.Item.Meta
        avatar={
          <Avatar style={{ background: m.status === "active" ? "#d4380d" : "#bfbfbf" }}>
            {m.name.slice(0, 1)}
          </Avatar>
        }
        title={
          <Flex wrap gap={6} align="center">
            <Link to={`/members/${m.id}`}>{m.name}</Link>
            <Tag color={roleColor[m.role]}>{roleLabel(t, m.role)}</Tag>
            {m.status === "inactive" ? <Tag>{t("member.inactive")}</Tag> : null}
          </Flex>
        }
        description={
          <Space orientation="vertical" size={4} style={{ width: "100%" }}>
            <Typography.Text type="secondary" style={{ wordBreak: "break-word" }}>
              {[m.title, departmentName ?? t("member.noDepartment"), m.email]
                .filter(Boolean)
                .join(" · ")}
            </Typography.Text>
            {m.skills.length ? (
              <Flex wrap gap={4}>
                {m.skills.map((s) => (
                  <Tag key={s.skillId} color="geekblue" style={{ marginInlineEnd: 0 }}>
                    {s.name} · {s.level}
                  </Tag>
                ))}
              </Flex>
            ) : null}
          </Space>
        }
      />
    </List.Item>
  );
}

export function MembersPage() {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const departmentId = params.get("departmentId") ?? undefined;
  const status = params.get("status") === "inactive" ? "inactive" : "active";
  const departments = useDepartments();
  const members = useMembers({ departmentId, status });
  const { actor, can } = useMe();
  // Adding someone outside any department is the owner's (a lead adds in what they manage).
  const anywhere = can("member.create", { departmentId: null });
  const grantOwner = can("member.grant_owner");
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const [inviting, setInviting] = useState(false);
  const deps = useMemo(() => departments.data?.items ?? [], [departments.data]);
  const nameOf = useMemo(() => new Map(deps.map((d) => [d.id, d.name])), [deps]);
  const rows = members.data?.pages.flatMap((p) => p.items) ?? [];
  const defaultDepartment = departmentId ?? (anywhere ? null : ([...actor.managed][0] ?? null));

  const setFilter = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <Card
      title={t("member.title")}
      extra={
        anywhere || actor.managed.size > 0 ? (
          <Space wrap>
            <Button
              icon={<LinkOutlined />}
              onClick={() => setInviting(true)}
              data-testid="invite-open"
            >
              {t("member.invite")}
            </Button>
            <Button
              type="primary"
              icon={<UserAddOutlined />}
              onClick={() => setAdding(true)}
              data-testid="add-member"
            >
              {t("member.add")}
            </Button>
          </Space>
        ) : null
      }
      styles={{ header: { flexWrap: "wrap", gap: 8, paddingBlock: 8 } }}
    >
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <TreeSelect
          allowClear
          placeholder={t("member.allDepartments")}
          value={departmentId}
          treeData={departmentTree(deps)}
          treeDefaultExpandAll
          onChange={(v: string | undefined) => setFilter("departmentId", v)}
          style={{ flex: "1 1 200px", maxWidth: 320 }}
          data-testid="member-filter-department"
        />
        <Segmented
          value={status}
          onChange={(v) => setFilter("status", v === "inactive" ? "inactive" : undefined)}
          options={[
            { value: "active", label: t("member.active") },
            { value: "inactive", label: t("member.inactive") },
          ]}
        />
      </Flex>
      {members.isError ? (
        <Typography.Text type="danger">{errorText(members.error, t, locale)}</Typography.Text>
      ) : null}
      <List
        loading={members.isPending}
        dataSource={rows}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("member.empty")} />,
        }}
        renderItem={(m) => (
          <MemberItem
            key={m.id}
            m={m}
            departmentName={m.departmentId ? (nameOf.get(m.departmentId) ?? null) : null}
          />
        )}
        data-testid="member-list"
      />
      {members.hasNextPage ? (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Button onClick={() => void members.fetchNextPage()} loading={members.isFetchingNextPage}>
            {t("common.loadMore")}
          </Button>
        </Flex>
      ) : null}
      <AddMemberModal
        open={adding}
        onClose={() => setAdding(false)}
        departments={deps}
        owner={grantOwner}
        defaultDepartment={defaultDepartment}
        onAdded={(id) => {
          setAdding(false);
          void message.success(t("member.added"));
          void navigate(`/members/${id}`);
        }}
      />
      <InviteModal
        open={inviting}
        onClose={() => setInviting(false)}
        departments={deps}
        owner={grantOwner}
        defaultDepartment={defaultDepartment}
      />
    </Card>
  );
}
