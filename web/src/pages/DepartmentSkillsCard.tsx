// The departments page's skills card: the workspace's and each department's skills, added and
// removed by whoever manages them.
import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Flex, Input, Popconfirm, Select, Space, Spin, Tag, Typography } from "antd";
import { useState } from "react";
import { useSkillMutations, useSkills } from "../api/hooks";
import type { Department } from "../api/types";
import { useApiErrors } from "../components/errors";
import { useI18n } from "../i18n";
import { useMe } from "../me";
import { LIMITS } from "../../../src/core/limits";

export function SkillsCard({ departments }: { departments: readonly Department[] }) {
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
