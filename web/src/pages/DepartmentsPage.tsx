import { ApartmentOutlined, EditOutlined, PlusOutlined, UserOutlined } from "@ant-design/icons";
import { Button, Card, Empty, Flex, Space, Spin, Tag, Tree, Typography } from "antd";
import { useMemo, useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { useDepartments } from "../api/hooks";
import type { Department } from "../api/types";
import { DepartmentModal } from "../components/DepartmentModal";
import { useI18n } from "../i18n";
import { useMe } from "../me";
import { effectiveFunction } from "../../../src/core/org/rights";
import { SkillsCard } from "./DepartmentSkillsCard";

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
  const { actor, can } = useMe();
  // A top-level department is the owner's (a lead adds below the departments they manage).
  const topLevel = can("department.create", { departmentId: null });
  const navigate = useNavigate();
  // The id, not the object: after a refetch (say, a 409) the dialog gets the fresh version.
  const [editing, setEditing] = useState<{ id?: string; parent?: string | null } | null>(null);
  const items = useMemo(() => departments.data?.items ?? [], [departments.data]);
  const tree = useMemo(() => buildTree(items), [items]);
  const canCreate = topLevel || actor.managed.size > 0;
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
              onClick={() =>
                setEditing({ parent: topLevel ? null : ([...actor.managed][0] ?? null) })
              }
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
            {can("workspace.manage") ? (
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
