// A pay plan: its versions (effective dates), the rules of a version in plain words, assignments,
// a new version from a date (server field errors on the form), export of the JSON file.
import { DownloadOutlined, EditOutlined, UserAddOutlined } from "@ant-design/icons";
import { Button, Card, Flex, List, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { useAllMembers, useDepartments } from "../../api/hooks";
import { payPlanExportUrl, usePayPlan } from "../../api/pay";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import { PlanRules } from "./PlanRules";
import { AssignPlanModal, NewVersionModal, TARGET_LABEL } from "./PlanVersionDialogs";
import { Refused, usePayRights } from "./shared";

export function PayPlanPage() {
  const { id = "" } = useParams();
  const { t } = useI18n();
  const owner = usePayRights()("pay.plan.manage");
  const plan = usePayPlan(id);
  const departments = useDepartments();
  const members = useAllMembers();
  const [selected, setSelected] = useState<string | null>(null);
  const [open, setOpen] = useState<"version" | "assign" | null>(null);

  if (plan.isError) return <Refused error={plan.error} />;
  const p = plan.data;
  if (!p) return <Card loading />;
  const today = new Date().toISOString().slice(0, 10);
  const inForce = [...p.versions].filter((v) => v.effectiveFrom <= today).at(-1);
  const version = p.versions.find((v) => v.id === selected) ?? p.versions.at(-1)!;
  const deptName = new Map((departments.data?.items ?? []).map((d) => [d.id, d.name]));
  const memberName = new Map((members.data ?? []).map((m) => [m.id, m.name]));
  const close = () => setOpen(null);

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Card size="small">
        <Flex justify="space-between" wrap gap={8} align="start">
          <Space orientation="vertical" size={2} style={{ minWidth: 0 }}>
            <Typography.Text type="secondary">
              <Link to="/pay/plans">{t("pay.plans.title")}</Link> /
            </Typography.Text>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="pay-plan-name">
              {p.name}
            </Typography.Title>
          </Space>
          <Space wrap>
            {owner ? (
              <Button
                type="primary"
                icon={<EditOutlined />}
                onClick={() => setOpen("version")}
                data-testid="pay-new-version"
              >
                {t("pay.plan.newVersion")}
              </Button>
            ) : null}
            {owner ? (
              <Button
                icon={<UserAddOutlined />}
                onClick={() => setOpen("assign")}
                data-testid="pay-assign"
              >
                {t("pay.plan.assign")}
              </Button>
            ) : null}
            <Button
              icon={<DownloadOutlined />}
              href={payPlanExportUrl(id, version.effectiveFrom)}
              download
              data-testid="pay-plan-export"
            >
              {t("pay.plan.export")}
            </Button>
          </Space>
        </Flex>
      </Card>

      <Card size="small" title={t("pay.plan.versions")}>
        <List
          size="small"
          dataSource={[...p.versions].reverse()}
          data-testid="pay-versions"
          renderItem={(v) => (
            <List.Item
              data-testid="pay-version"
              onClick={() => setSelected(v.id)}
              style={{
                cursor: "pointer",
                background: v.id === version.id ? "#fff2e8" : undefined,
                paddingInline: 8,
              }}
            >
              <Flex gap={8} wrap align="center">
                <Typography.Text strong>{t("pay.plan.versionN", { n: v.number })}</Typography.Text>
                <Typography.Text>
                  {t("pay.plan.fromDate", { date: v.effectiveFrom })}
                </Typography.Text>
                {v.id === inForce?.id ? (
                  <Tag color="green">{t("pay.plan.inForce")}</Tag>
                ) : v.effectiveFrom > today ? (
                  <Tag color="blue">{t("pay.plan.upcoming")}</Tag>
                ) : null}
              </Flex>
            </List.Item>
          )}
        />
      </Card>

      <Card
        size="small"
        title={t("pay.plan.rulesOf", { n: version.number, date: version.effectiveFrom })}
      >
        <PlanRules def={version.definition} />
      </Card>

      <Card size="small" title={t("pay.plan.assignments")}>
        <List
          size="small"
          dataSource={p.assignments}
          locale={{ emptyText: t("pay.plan.unassignedHint") }}
          data-testid="pay-assignments"
          renderItem={(a) => (
            <List.Item data-testid="pay-assignment">
              <Flex gap={8} wrap align="center">
                <Tag>{t(TARGET_LABEL[a.targetType])}</Tag>
                <Typography.Text strong>
                  {a.targetType === "role"
                    ? t(`role.${a.targetId}` as MessageKey)
                    : ((a.targetType === "department" ? deptName : memberName).get(a.targetId) ??
                      a.targetId)}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {t("pay.plan.fromDate", { date: a.effectiveFrom })}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("pay.plan.assignRule")}
        </Typography.Text>
      </Card>

      <NewVersionModal
        open={open === "version"}
        onClose={close}
        plan={p}
        onSaved={(np) => {
          if (np !== p) setSelected(np.versions.at(-1)?.id ?? null);
          void plan.refetch();
        }}
      />
      <AssignPlanModal
        open={open === "assign"}
        onClose={close}
        plan={p}
        onSaved={() => void plan.refetch()}
      />
    </Space>
  );
}
