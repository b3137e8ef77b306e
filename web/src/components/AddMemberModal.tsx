import { Form, Input, InputNumber, Select, TreeSelect } from "antd";
import { useMemberMutations } from "../api/hooks";
import type { Department, NewMember, Role } from "../api/types";
import { useI18n } from "../i18n";
import { LIMITS } from "../../../src/core/limits";
import { departmentTree } from "./DepartmentModal";
import { FormModal } from "./FormModal";
import { roleOptions } from "./labels";
import { SkillLevelsEditor } from "./SkillLevelsEditor";

type Values = Required<Pick<NewMember, "name" | "email" | "password" | "role" | "skills">> & {
  title: string;
  departmentId: string | null;
  hoursPerDay: number | null;
};

/** Adds a member with an initial password (owner: anywhere; lead: in the departments they manage). */
export function AddMemberModal({
  open,
  onClose,
  departments,
  owner,
  defaultDepartment,
  onAdded,
}: {
  open: boolean;
  onClose: () => void;
  departments: readonly Department[];
  owner: boolean;
  defaultDepartment: string | null;
  onAdded: (id: string) => void;
}) {
  const { t } = useI18n();
  const { create } = useMemberMutations();
  const roles: Role[] = owner ? ["member", "lead", "owner"] : ["member", "lead"];

  return (
    <FormModal<Values, { id: string }>
      open={open}
      title={t("member.add")}
      onClose={onClose}
      initialValues={{
        role: "member",
        departmentId: defaultDepartment,
        skills: [],
        hoursPerDay: null,
        title: "",
      }}
      onSubmit={(v) =>
        create.mutateAsync({
          ...v,
          name: v.name.trim(),
          title: v.title?.trim() || null,
          departmentId: v.departmentId ?? null,
          hoursPerDay: v.hoursPerDay ?? null,
        })
      }
      onSuccess={(m) => onAdded(m.id)}
      okText={t("common.add")}
      okTestId="add-member-submit"
      testId="add-member-form"
      requiredMark={false}
    >
      <Form.Item
        name="name"
        label={t("common.name")}
        rules={[{ required: true, whitespace: true, message: t("common.required") }]}
      >
        <Input maxLength={LIMITS.nameMax} />
      </Form.Item>
      <Form.Item
        name="email"
        label={t("common.email")}
        rules={[
          { required: true, message: t("common.required") },
          { type: "email", message: t("common.emailInvalid") },
        ]}
      >
        <Input inputMode="email" autoComplete="off" maxLength={LIMITS.emailMax} />
      </Form.Item>
      <Form.Item
        name="password"
        label={t("member.initialPassword")}
        extra={t("member.initialPasswordHint")}
        rules={[
          {
            required: true,
            min: LIMITS.passwordMin,
            message: t("auth.passwordHint", { min: LIMITS.passwordMin }),
          },
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={LIMITS.passwordMax} />
      </Form.Item>
      <Form.Item name="departmentId" label={t("member.department")}>
        <TreeSelect
          allowClear
          placeholder={t("member.noDepartment")}
          treeData={departmentTree(departments)}
          treeDefaultExpandAll
        />
      </Form.Item>
      <Form.Item name="role" label={t("member.role")}>
        <Select options={roleOptions(t, roles)} />
      </Form.Item>
      <Form.Item name="title" label={t("member.jobTitle")}>
        <Input maxLength={LIMITS.titleMax} />
      </Form.Item>
      <Form.Item name="hoursPerDay" label={t("member.hoursPerDay")}>
        <InputNumber
          min={0}
          max={LIMITS.hoursPerDayMax}
          step={0.5}
          placeholder={t("common.optional")}
        />
      </Form.Item>
      {/* The skills offered follow the department picked above. */}
      <Form.Item noStyle dependencies={["departmentId"]}>
        {(form) => (
          <Form.Item name="skills" label={t("member.skills")}>
            <SkillLevelsEditor
              departmentId={form.getFieldValue("departmentId") as string | null | undefined}
            />
          </Form.Item>
        )}
      </Form.Item>
    </FormModal>
  );
}
