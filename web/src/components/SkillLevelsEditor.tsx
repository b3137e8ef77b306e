import { DeleteOutlined } from "@ant-design/icons";
import { Button, Flex, Rate, Select, Typography } from "antd";
import { useSkills } from "../api/hooks";
import type { SkillLevel } from "../api/types";
import { useI18n } from "../i18n";
import { LIMITS } from "../../../src/core/limits";

/** Picks skills and a 1–5 level for each; a controlled Form field (value/onChange). */
export function SkillLevelsEditor({
  value = [],
  onChange,
  departmentId,
}: {
  value?: SkillLevel[];
  onChange?: (v: SkillLevel[]) => void;
  departmentId?: string | null;
}) {
  const { t } = useI18n();
  const skills = useSkills();
  const all = skills.data?.items ?? [];
  const nameOf = new Map(all.map((s) => [s.id, s.name]));
  const taken = new Set(value.map((v) => v.skillId));
  // The member's own department's skills first, then the rest.
  const options = all
    .filter((s) => !taken.has(s.id))
    .sort(
      (a, b) => Number(b.departmentId === departmentId) - Number(a.departmentId === departmentId),
    )
    .map((s) => ({ value: s.id, label: s.name }));
  const set = (next: SkillLevel[]) => onChange?.(next);
  return (
    <Flex vertical gap={6} data-testid="skills-editor">
      {value.length === 0 ? (
        <Typography.Text type="secondary">{t("member.noSkills")}</Typography.Text>
      ) : null}
      {value.map((v) => (
        <Flex key={v.skillId} align="center" gap={8} wrap data-testid="skill-row">
          <Typography.Text style={{ minWidth: 96 }}>
            {nameOf.get(v.skillId) ?? v.skillId}
          </Typography.Text>
          <Rate
            count={LIMITS.skillLevelMax}
            value={v.level}
            allowClear={false}
            onChange={(level) =>
              set(
                value.map((x) =>
                  x.skillId === v.skillId
                    ? { ...x, level: Math.max(LIMITS.skillLevelMin, level) }
                    : x,
                ),
              )
            }
          />
          <Button
            size="small"
            type="text"
            icon={<DeleteOutlined />}
            aria-label={t("common.remove")}
            onClick={() => set(value.filter((x) => x.skillId !== v.skillId))}
          />
        </Flex>
      ))}
      <Select
        placeholder={t("member.addSkill")}
        value={null}
        showSearch={{ optionFilterProp: "label" }}
        options={options}
        loading={skills.isPending}
        onChange={(skillId: string) => set([...value, { skillId, level: 3 }])}
        style={{ maxWidth: 320 }}
        data-testid="skill-picker"
      />
    </Flex>
  );
}
