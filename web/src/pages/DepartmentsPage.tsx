import { ApartmentOutlined, EditOutlined, PlusOutlined, UserOutlined } from "@ant-design/icons";
import {
  Button,
  Card,
  Empty,
  Flex,
  Input,
  Popconfirm,
  Select,
  Space,
  Spin,
  Tag,
  Tree,
  Typography,
} from "antd";
import { useMemo, useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { useDepartments, useSkillMutations, useSkills } from "../api/hooks";
import type { Department } from "../api/types";
import { DepartmentModal } from "../components/DepartmentModal";
import { useApiErrors } from "../components/errors";
import { useI18n } from "../i18n";
import { useMe } from "../me";
import { LIMITS } from "../../../src/core/limits";
import { effectiveFunction } from "../../../src/core/org/rights";

interface Node {
  key: string;
  title: string;
  children: Node[];
  dep: Department;
}

function buildTree(items: readonly Department[]): Node[] {
  const byParent = new Map<string | null, Department[]>();
  const ids = new Set(items.map((d) => d.id));
  for (const d of items) {
    const p = d.parentId && ids.has(d.parentId) ? d.parentId : null;
    byParent.set(p, [...(byParent.get(p) ?? []), d]);
  }
  const build = (p: string | null): Node[] =>
    (byParent.get(p) ?? [])
      .sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name))
      .map((d) => ({ key: d.id, title: d.name, dep: d, children: build(d.id) }));
  return build(null);
}

function SkillsCard({ departments }: { departments: readonly Department[] }) {
  const { t } = useI18n();
  const { can } = useMe();
  const skills = useSkills();
  const { create, remove } = useSkillMutations();
  const onError = useApiErrors();
  const [name, setName] = useState("");
  const [dep, setDep] = useState<string | null>(null);
  const nameOf = new Map(departments.map((d) => [d.id, d.name]));
  const groups = new Map<string, string[]>();
  for (const s of skills.data?.items ?? [])
    groups.set(s.departmentId ?? "", [...(groups.get(s.departmentId ?? "") ?? []), s.id]);
  const add = () =>
    create.mutate(
      { name: name.trim(), departmentId: dep },
      { onSuccess: () => setName(""), onError: (e) => onError(e) },
    );
  return (
    <Card title={t("dept.skills")} size="small" data-testid="skills-card">
      {skills.isPending ? <Spin /> : null}
      <Space orientation="vertical" style={{ width: "100%" }}>
        {[...groups.entries()].map(([depId, ids]) => (
          <Flex key={depId} wrap gap={4} align="center">
            <Typography.Text type="secondary" style={{ minWidth: 64 }}>
              {nameOf.get(depId) ?? t("common.none")}
            </Typography.Text>
            {ids.map((id) => {
              const s = skills.data?.items.find((x) => x.id === id);
              if (!s) return null;
              return can("skill.manage", { departmentId: s.departmentId }) ? (
                <Popconfirm
                  key={id}
                  title={t("common.confirmDelete")}
                  okText={t("common.yes")}
                  cancelText={t("common.no")}
                  onConfirm={() => remove.mutate(id, { onError: (e) => onError(e) })}
                >
                  <Tag closable onClose={(e) => e.preventDefault()} style={{ cursor: "pointer" }}>
                    {s.name}
                  </Tag>
                </Popconfirm>
              ) : (
                <Tag key={id}>{s.name}</Tag>
              );
            })}
          </Flex>
        ))}
        {can("skill.create", { departmentId: null }) ? (
          <Flex wrap gap={8}>
            <Input
              placeholder={t("dept.newSkill")}
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={LIMITS.nameMax}
              style={{ flex: "1 1 140px" }}
              onPressEnter={() => name.trim() && add()}
            />
            <Select
              allowClear
              placeholder={t("member.department")}
              value={dep}
              onChange={(v: string | undefined) => setDep(v ?? null)}
              style={{ flex: "1 1 140px" }}
              options={departments
                .filter((d) => can("skill.create", { departmentId: d.id }))
                .map((d) => ({ value: d.id, label: d.name }))}
            />
            <Button
              icon={<PlusOutlined />}
              disabled={!name.trim()}
              loading={create.isPending}
              onClick={add}
            >
              {t("common.add")}
            </Button>
          </Flex>
        ) : null}
      </Space>
    </Card>
  );
}

/** The department's function (what its leads may do): its own, or the one it takes from above. */
function FunctionTag({
  dep,
  departments,
}: {
  dep: Department;
  departments: readonly Department[];
}) {
  const { t } = useI18n();
  const own = dep.function !== "none";
  const fn = effectiveFunction(departments, dep.id);
  const label = t(`dept.function.${fn}`);
  return (
    <Tag
      color={fn === "none" ? "default" : "purple"}
      data-testid="department-function"
      data-function={fn}
    >
      {t("dept.function")}:{" "}
      {own || fn === "none" ? label : t("dept.functionInherited", { function: label })}
    </Tag>
  );
}

export function DepartmentsPage() {
  const { t } = useI18n();
  const departments = useDepartments();
  const { role, actor, can } = useMe();
  const owner = role === "owner";
  const navigate = useNavigate();
  // The id, not the object: after a refetch (say, a 409) the dialog gets the fresh version.
  const [editing, setEditing] = useState<{ id?: string; parent?: string | null } | null>(null);
  const items = useMemo(() => departments.data?.items ?? [], [departments.data]);
  const tree = useMemo(() => buildTree(items), [items]);
  const canCreate = owner || actor.managed.size > 0;
  const editingDep = editing?.id ? items.find((d) => d.id === editing.id) : undefined;

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Card
        title={
          <>
            <ApartmentOutlined /> {t("dept.title")}
          </>
        }
        extra={
          canCreate ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing({ parent: owner ? null : ([...actor.managed][0] ?? null) })}
              data-testid="department-new"
            >
              {t("dept.new")}
            </Button>
          ) : null
        }
      >
        {departments.isPending ? (
          <Spin />
        ) : tree.length === 0 ? (
          <Empty description={t("dept.empty")}>
            {owner ? (
              <Button onClick={() => void navigate("/onboarding")}>{t("dept.useTemplate")}</Button>
            ) : null}
          </Empty>
        ) : (
          <Tree<Node>
            treeData={tree}
            defaultExpandAll
            selectable={false}
            blockNode
            data-testid="department-tree"
            titleRender={(n) => (
              <Flex
                wrap
                gap={6}
                align="center"
                style={{ padding: "4px 0" }}
                data-testid="department-node"
              >
                <Typography.Text strong>{n.dep.name}</Typography.Text>
                <Link to={`/members?departmentId=${n.dep.id}`}>
                  <Tag icon={<UserOutlined />}>
                    {t("dept.members", { count: n.dep.memberCount })}
                  </Tag>
                </Link>
                <Tag color={n.dep.leadName ? "blue" : "default"}>
                  {t("dept.lead")}: {n.dep.leadName ?? t("common.none")}
                </Tag>
                <FunctionTag dep={n.dep} departments={items} />
                {can("department.update", { departmentId: n.dep.id }) ? (
                  <Space size={0}>
                    <Button
                      size="small"
                      type="text"
                      icon={<EditOutlined />}
                      aria-label={t("common.edit")}
                      onClick={() => setEditing({ id: n.dep.id })}
                    />
                    <Button
                      size="small"
                      type="text"
                      icon={<PlusOutlined />}
                      aria-label={t("dept.new")}
                      onClick={() => setEditing({ parent: n.dep.id })}
                    />
                  </Space>
                ) : null}
              </Flex>
            )}
          />
        )}
      </Card>
      <SkillsCard departments={items} />
      <DepartmentModal
        open={editing !== null}
        department={editingDep}
        defaultParent={editing?.parent}
        departments={items}
        canDelete={
          editingDep
            ? can("department.delete", {
                departmentId: editingDep.id,
                leadMemberId: editingDep.leadMemberId,
              })
            : false
        }
        canSetFunction={can("department.function")}
        onClose={() => setEditing(null)}
      />
    </Space>
  );
}
