// The plan page's header: name, kind and status, the finish the engine computed, launch, baseline,
// late and unscheduled counts; set a baseline, save as a template, download the plan file, delete;
// and how long the last re-plan took.
import { DeleteOutlined, DownloadOutlined, FlagOutlined, SaveOutlined } from "@ant-design/icons";
import { App, Button, Card, Flex, Form, Input, Popconfirm, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { usePlanMutations, type PlanDetail } from "../../api/plans";
import { useApiErrors } from "../../components/errors";
import { FormModal } from "../../components/FormModal";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import { useMe } from "../../me";
import type { LastRun } from "./usePlanEditing";

export function PlanHeader({
  plan: p,
  finish,
  lateCount,
  unscheduledCount,
  editable,
  lastRun,
}: {
  plan: PlanDetail["plan"];
  finish: string | null;
  lateCount: number;
  unscheduledCount: number;
  editable: boolean;
  lastRun: LastRun | null;
}) {
  const { t } = useI18n();
  const { can } = useMe();
  const planMut = usePlanMutations();
  const onError = useApiErrors();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [templateOpen, setTemplateOpen] = useState(false);
  return (
    <>
      <Card size="small">
        <Flex justify="space-between" wrap gap={8} align="start">
          <Space orientation="vertical" size={2} style={{ minWidth: 0 }}>
            <Typography.Text type="secondary">
              <Link to="/plans">{t("plans.title")}</Link> /
            </Typography.Text>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="plan-name">
              {p.name}
            </Typography.Title>
            <Flex gap={6} wrap align="center">
              <Tag>{t(`plans.kind.${p.kind}` as MessageKey)}</Tag>
              <Tag color="blue">{t(`plans.status.${p.status}` as MessageKey)}</Tag>
              <Typography.Text data-testid="plan-finish">
                <FlagOutlined /> {t("plan.finishLabel", { date: finish ?? "—" })}
              </Typography.Text>
              {p.launchDate ? (
                <Typography.Text type="secondary">
                  · {t("plans.launchBefore", { date: p.launchDate })}
                </Typography.Text>
              ) : null}
              <Typography.Text type="secondary">
                ·{" "}
                {p.baselineAt
                  ? t("plan.baselineAt", { date: p.baselineAt.slice(0, 10) })
                  : t("plan.noBaseline")}
              </Typography.Text>
              {lateCount ? (
                <Tag color="volcano" data-testid="plan-late-count">
                  {t("plans.late", { count: lateCount })}
                </Tag>
              ) : null}
              {unscheduledCount ? (
                <Tag color="orange">{t("plans.unscheduled", { count: unscheduledCount })}</Tag>
              ) : null}
            </Flex>
          </Space>
          <Space wrap>
            {editable ? (
              <Popconfirm
                title={t("plan.baselineConfirm")}
                okText={t("common.yes")}
                cancelText={t("common.no")}
                onConfirm={() =>
                  planMut.baseline.mutate(p.id, {
                    onSuccess: () => void message.success(t("plan.baselineSet")),
                    onError: (e) => onError(e),
                  })
                }
              >
                <Button icon={<FlagOutlined />} data-testid="plan-baseline">
                  {t("plan.setBaseline")}
                </Button>
              </Popconfirm>
            ) : null}
            {can("plans.template.save") ? (
              <Button icon={<SaveOutlined />} onClick={() => setTemplateOpen(true)}>
                {t("plan.saveTemplate")}
              </Button>
            ) : null}
            <Button
              icon={<DownloadOutlined />}
              href={`/api/v1/plans/${p.id}/plan-file`}
              download
              title={t("plan.downloadHint")}
            >
              {t("plan.download")}
            </Button>
            {editable ? (
              <Popconfirm
                title={t("plan.deleteConfirm")}
                okText={t("common.yes")}
                cancelText={t("common.no")}
                onConfirm={() =>
                  planMut.remove.mutate(p.id, {
                    onSuccess: () => void navigate("/plans"),
                    onError: (e) => onError(e),
                  })
                }
              >
                <Button danger icon={<DeleteOutlined />} aria-label={t("common.delete")} />
              </Popconfirm>
            ) : null}
          </Space>
        </Flex>
        {lastRun ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="plan-rescheduled">
            {lastRun.finish === null
              ? t("plan.rescheduledNoFinish", { ms: lastRun.ms })
              : t("plan.rescheduled", { ms: lastRun.ms, finish: lastRun.finish })}
          </Typography.Text>
        ) : null}
      </Card>
      <FormModal<{ name: string }>
        open={templateOpen}
        title={t("plan.saveTemplate")}
        okText={t("common.save")}
        onClose={() => setTemplateOpen(false)}
        initialValues={{ name: p.name }}
        onSubmit={(v) =>
          planMut.saveAsTemplate.mutateAsync({ id: p.id, name: (v.name ?? "").trim() })
        }
        onSuccess={() => void message.success(t("plan.templateSaved"))}
      >
        <Form.Item name="name" style={{ marginBottom: 0 }}>
          <Input placeholder={t("plan.templateName")} maxLength={120} />
        </Form.Item>
      </FormModal>
    </>
  );
}
