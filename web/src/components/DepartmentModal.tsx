import { Button, Form, Input, InputNumber, Popconfirm, Select, TreeSelect } from "antd";
import { useEffect, useRef } from "react";
import { useAllMembers, useDepartmentMutations, type DepartmentInput } from "../api/hooks";
import type { Department } from "../api/types";
import { useI18n } from "../i18n";
import { LIMITS } from "../../../src/core/limits";
import {
  DEPARTMENT_FUNCTIONS,
  effectiveFunction,
  type DepartmentFunction,
} from "../../../src/core/org/rights";
import { useApiErrors } from "./errors";
import { FormModal } from "./FormModal";

interface Values {
  name: string;
  parentId: string | null;
  leadMemberId: string | null;
  sortOrder: number;
  function: DepartmentFunction;
}

export interface TreeNode {
  value: string;
  title: string;
  children: TreeNode[];
  disabled?: boolean;
}

/** Departments as a tree of TreeSelect nodes; `exclude` and its subtree are disabled (no cycles). */
export function departmentTree(items: readonly Department[], exclude?: string): TreeNode[] {
  const byParent = new Map<string | null, Department[]>();
  for (const d of items) byParent.set(d.parentId, [...(byParent.get(d.parentId) ?? []), d]);
  const build = (parent: string | null, disabled: boolean): TreeNode[] =>
    (byParent.get(parent) ?? [])
      .sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name))
      .map((d) => {
        const off = disabled || d.id === exclude;
        return { value: d.id, title: d.name, disabled: off, children: build(d.id, off) };
      });
  return build(null, false);
}

/** Create (department undefined) or edit a department: name, parent (move), lead, function (the owner only), order, delete. */
export function DepartmentModal({
  open,
  department,
  departments,
  defaultParent,
  onClose,
  canDelete,
  canSetFunction,
}: {
  open: boolean;
  department?: Department;
  departments: readonly Department[];
  defaultParent?: string | null;
  onClose: () => void;
  canDelete: boolean;
  canSetFunction: boolean;
}) {
  const { t } = useI18n();
  const members = useAllMembers();
  const { create, update, remove } = useDepartmentMutations();
  const onError = useApiErrors();
  const values = (d: Department | undefined): Values =>
    d
      ? {
          name: d.name,
          parentId: d.parentId,
          leadMemberId: d.leadMemberId,
          sortOrder: d.sortOrder,
          function: d.function,
        }
      : {
          name: "",
          parentId: defaultParent ?? null,
          leadMemberId: null,
          sortOrder: departments.length,
          function: "none",
        };

  const submit = (v: Values) => {
    // Only the owner grants rights: a lead's form never sends a function.
    const body: DepartmentInput = {
      name: v.name.trim(),
      parentId: v.parentId ?? null,
      leadMemberId: v.leadMemberId ?? null,
      sortOrder: v.sortOrder,
      ...(canSetFunction && { function: v.function }),
    };
    return department
      ? update.mutateAsync({ id: department.id, version: department.version, ...body })
      : create.mutateAsync({ ...body, name: v.name.trim() });
  };

  return (
    <FormModal<Values>
      open={open}
      title={department ? t("dept.edit") : t("dept.new")}
      onClose={onClose}
      initialValues={values(department)}
      onSubmit={submit}
      okText={t("common.save")}
      okTestId="department-save"
      testId="department-form"
      requiredMark={false}
      footerExtra={
        department && canDelete ? (
          <Popconfirm
            title={t("dept.deleteConfirm", { name: department.name })}
            okText={t("common.yes")}
            cancelText={t("common.no")}
            onConfirm={() =>
              remove.mutate(department.id, { onSuccess: onClose, onError: (e) => onError(e) })
            }
          >
            <Button danger style={{ float: "left" }} loading={remove.isPending}>
              {t("common.delete")}
            </Button>
          </Popconfirm>
        ) : null
      }
    >
      {/* After a refetch (a 409, say) the fields show the department as it now is. */}
      <ResetOnVersion values={values(department)} version={department?.version} />
      <Form.Item
        name="name"
        label={t("dept.name")}
        rules={[{ required: true, whitespace: true, message: t("common.required") }]}
      >
        <Input maxLength={LIMITS.nameMax} autoFocus />
      </Form.Item>
      <Form.Item name="parentId" label={t("dept.parent")}>
        <TreeSelect
          allowClear
          placeholder={t("dept.topLevel")}
          treeData={departmentTree(departments, department?.id)}
          treeDefaultExpandAll
        />
      </Form.Item>
      <Form.Item name="leadMemberId" label={t("dept.lead")}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          placeholder={t("dept.noLead")}
          loading={members.isPending}
          options={(members.data ?? []).map((m) => ({
            value: m.id,
            label: m.title ? `${m.name} · ${m.title}` : m.name,
          }))}
        />
      </Form.Item>
      <Form.Item noStyle dependencies={["parentId"]}>
        {(form) => {
          const parent = form.getFieldValue("parentId") as string | null | undefined;
          const inherited = parent ? effectiveFunction(departments, parent) : "none";
          const label = (f: DepartmentFunction) =>
            f === "none" && inherited !== "none"
              ? t("dept.functionInherited", { function: t(`dept.function.${inherited}`) })
              : t(`dept.function.${f}`);
          return (
            <Form.Item name="function" label={t("dept.function")} extra={t("dept.functionHint")}>
              <Select
                disabled={!canSetFunction}
                data-testid="department-function-select"
                options={DEPARTMENT_FUNCTIONS.map((f) => ({ value: f, label: label(f) }))}
              />
            </Form.Item>
          );
        }}
      </Form.Item>
      <Form.Item name="sortOrder" label={t("dept.sortOrder")}>
        <InputNumber min={0} max={100000} />
      </Form.Item>
    </FormModal>
  );
}

/** Puts `values` into the dialog's form when `version` changes after it opened. */
function ResetOnVersion({ values, version }: { values: Values; version: number | undefined }) {
  const form = Form.useFormInstance<Values>();
  const first = useRef(version);
  const latest = useRef(values);
  latest.current = values;
  useEffect(() => {
    if (version === first.current) return;
    first.current = version;
    form.setFieldsValue(latest.current);
  }, [version, form]);
  return null;
}
