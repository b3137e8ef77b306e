// The goals page's dialogs: a new cycle (the owner), and a goal — new or edited, for a member or a
// department — with the metric picker (shop KPIs, attributed sales, or typed by hand).
import { DatePicker, Flex, Form, Input, InputNumber, Select, type FormInstance } from "antd";
import dayjs from "dayjs";
import {
  KPI_METRICS,
  useGoalMutations,
  type Goal,
  type GoalMetric,
  type GoalSubject,
} from "../../api/goals";
import { FormModal } from "../../components/FormModal";
import { useI18n } from "../../i18n";
import { defaultUnit, metricLabel, unitLabel } from "./shared";
import { goalUnitOf } from "../../../../src/core/goals/units";

interface CycleValues {
  name: string;
  kind: "month" | "quarter" | "custom";
  range: [dayjs.Dayjs, dayjs.Dayjs];
}

export function NewCycleModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useI18n();
  const m = useGoalMutations();
  return (
    <FormModal<CycleValues, { id: string }>
      open={open}
      title={t("goals.newCycle")}
      onClose={onClose}
      // This month, each time the dialog opens.
      initialValues={{
        kind: "month",
        name: dayjs().format("YYYY-MM"),
        range: [dayjs().startOf("month"), dayjs().endOf("month")],
      }}
      onSubmit={(v) =>
        m.createCycle.mutateAsync({
          name: v.name,
          kind: v.kind,
          from: v.range[0].format("YYYY-MM-DD"),
          to: v.range[1].format("YYYY-MM-DD"),
        })
      }
      onSuccess={(c) => onCreated(c.id)}
      fieldMap={{ from: "range", to: "range" }}
      okTestId="cycle-save"
    >
      <Form.Item name="name" label={t("goals.cycleName")} rules={[{ required: true }]}>
        <Input data-testid="cycle-name" />
      </Form.Item>
      <Form.Item name="kind" label={t("goals.kind")}>
        <Select
          options={(["month", "quarter", "custom"] as const).map((k) => ({
            value: k,
            label: t(`goals.kind.${k}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="range"
        label={`${t("goals.from")} – ${t("goals.to")}`}
        rules={[{ required: true }]}
      >
        <DatePicker.RangePicker style={{ width: "100%" }} />
      </Form.Item>
    </FormModal>
  );
}

type MetricChoice = "manual" | "manual-lower" | (typeof KPI_METRICS)[number];
const toMetric = (c: MetricChoice): GoalMetric =>
  c === "manual"
    ? { kind: "manual" }
    : c === "manual-lower"
      ? { kind: "manual", better: "lower" }
      : { kind: "kpi", kpi: c };
const fromMetric = (m: GoalMetric): MetricChoice =>
  m.kind === "kpi" ? m.kpi : m.better === "lower" ? "manual-lower" : "manual";
const CHOICES: MetricChoice[] = [...KPI_METRICS, "manual", "manual-lower"];

interface GoalValues {
  title: string;
  weight: number;
  target: string;
  unit: string;
  metric: MetricChoice;
}

/** A new goal for `subject`, or `goal` edited. Choosing a metric fills in its unit unless one was typed. */
export function GoalModal({
  open,
  goal,
  cycleId,
  subject,
  onClose,
}: {
  open: boolean;
  goal: Goal | null;
  cycleId: string;
  subject: GoalSubject;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const m = useGoalMutations();
  // The unit field shows a unit's sign or word in the page's language; it is sent back as its code.
  const unitText = (metric: GoalMetric) => unitLabel(locale, defaultUnit(metric));
  const initialValues: Partial<GoalValues> = goal
    ? {
        title: goal.title,
        weight: goal.weight,
        target: goal.target,
        unit: unitLabel(locale, goal.unit),
        metric: fromMetric(goal.metric),
      }
    : { title: "", target: "", unit: unitText(toMetric("gmv")), metric: "gmv" };
  const onValuesChange = (
    changed: Partial<GoalValues>,
    all: GoalValues,
    form: FormInstance<GoalValues>,
  ) => {
    if (!changed.metric) return;
    const unit = (all.unit ?? "").trim();
    // The unit follows the metric while it is blank or one of the units the form fills in itself.
    if (unit === "" || CHOICES.some((c) => unitText(toMetric(c)) === unit))
      form.setFieldValue("unit", unitText(toMetric(changed.metric)));
  };
  const submit = (v: GoalValues) => {
    const body = {
      title: v.title,
      weight: v.weight,
      target: String(v.target).trim(),
      unit: goalUnitOf(v.unit ?? ""),
      metric: toMetric(v.metric),
    };
    return goal
      ? m.update.mutateAsync({ id: goal.id, version: goal.version, ...body })
      : m.create.mutateAsync({ cycleId, ...subject, ...body });
  };
  return (
    <FormModal<GoalValues>
      open={open}
      title={goal ? t("goals.edit") : t("goals.add")}
      onClose={onClose}
      initialValues={initialValues}
      onValuesChange={onValuesChange}
      onSubmit={submit}
      okTestId="goal-save"
    >
      <Form.Item name="title" label={t("goals.goalTitle")} rules={[{ required: true }]}>
        <Input data-testid="goal-title" />
      </Form.Item>
      <Form.Item
        name="metric"
        label={t("goals.metric")}
        extra={subject.departmentId ? t("goals.dept.metricHint") : undefined}
      >
        <Select
          data-testid="goal-metric"
          virtual={false}
          listHeight={360}
          options={CHOICES.map((c) => ({ value: c, label: metricLabel(t, toMetric(c)) }))}
        />
      </Form.Item>
      <Flex gap={8}>
        <Form.Item
          name="weight"
          label={t("goals.weight")}
          rules={[{ required: true }]}
          style={{ flex: 1 }}
        >
          <InputNumber
            min={1}
            max={100}
            precision={0}
            style={{ width: "100%" }}
            data-testid="goal-weight"
          />
        </Form.Item>
        <Form.Item
          name="target"
          label={t("goals.target")}
          rules={[{ required: true }]}
          style={{ flex: 1 }}
        >
          <Input inputMode="decimal" data-testid="goal-target" />
        </Form.Item>
        <Form.Item name="unit" label={t("goals.unit")} style={{ width: 80 }}>
          <Input data-testid="goal-unit" />
        </Form.Item>
      </Flex>
    </FormModal>
  );
}
