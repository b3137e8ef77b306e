// Adding a rule (a form under the rules, for who may change them) and editing one (a dialog; the
// kind of a saved rule is fixed). Each says how many orders changed owner.
import { PlusOutlined } from "@ant-design/icons";
import { App, Button, Divider, Flex, Form } from "antd";
import { useApiErrors } from "../../components/errors";
import { FormModal } from "../../components/FormModal";
import { useI18n } from "../../i18n";
import { useRuleMutations, type Rule } from "./attribution.api";
import type { Option } from "./labels";
import { RuleFields, RuleHelp, toInput, type FormValues } from "./RuleFields";

/** "Rule saved · 3 orders re-attributed" */
export function useReattributed() {
  const { t } = useI18n();
  const { message } = App.useApp();
  return (prefix: string, n: number) =>
    void message.success(`${prefix} · ${t("attr.rules.reattributed", { n })}`);
}

export function AddRule({ shops, members }: { shops: Option[]; members: Option[] }) {
  const { t } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const kind = Form.useWatch("kind", form) ?? "memo";
  const { create } = useRuleMutations();
  const onError = useApiErrors();
  const reattributed = useReattributed();
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ kind: "memo" }}
      data-testid="add-rule"
      onFinish={(v) =>
        create.mutate(toInput(v), {
          onSuccess: (r) => {
            reattributed(t("attr.rules.added"), r.reattributed);
            form.resetFields();
          },
          onError: (e) => onError(e, form),
        })
      }
    >
      <Divider titlePlacement="start" plain style={{ margin: "4px 0 8px" }}>
        {t("attr.rules.add")}
      </Divider>
      <Flex wrap gap="0 12px" align="flex-start">
        <RuleFields kind={kind} editing={false} shops={shops} members={members} />
        <Form.Item label=" " style={{ flex: "0 0 auto" }}>
          <Button
            type="primary"
            htmlType="submit"
            icon={<PlusOutlined />}
            loading={create.isPending}
            data-testid="add-rule-submit"
          >
            {t("attr.rules.add")}
          </Button>
        </Form.Item>
      </Flex>
      <RuleHelp kind={kind} />
    </Form>
  );
}

/** `rule` stays the last one edited while the dialog closes. */
export function EditRule({
  open,
  rule,
  onClose,
  shops,
  members,
}: {
  open: boolean;
  rule: Rule | null;
  onClose: () => void;
  shops: Option[];
  members: Option[];
}) {
  const { t } = useI18n();
  const { update } = useRuleMutations();
  const reattributed = useReattributed();
  return (
    <FormModal<FormValues, { reattributed: number }>
      open={open && !!rule}
      title={t("attr.rules.edit")}
      onClose={onClose}
      okText={t("common.save")}
      initialValues={
        rule
          ? {
              kind: rule.kind,
              pattern: rule.pattern,
              shopId: rule.shopId,
              memberId: rule.memberId,
            }
          : undefined
      }
      onSubmit={(v) => {
        const r = rule!;
        const input = toInput({ ...v, kind: r.kind });
        return update.mutateAsync({
          id: r.id,
          version: r.version,
          pattern: input.pattern,
          memberId: input.memberId,
          shopId: input.shopId,
        });
      }}
      onSuccess={(r) => reattributed(t("attr.rules.saved"), r.reattributed)}
    >
      {rule ? (
        <>
          <RuleFields kind={rule.kind} editing shops={shops} members={members} />
          <RuleHelp kind={rule.kind} />
        </>
      ) : null}
    </FormModal>
  );
}
