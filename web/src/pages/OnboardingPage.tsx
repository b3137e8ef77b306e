import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Radio,
  Row,
  Space,
  Spin,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { Navigate, useNavigate } from "react-router-dom";
import { useApplyTemplate, useOrgTemplates } from "../api/hooks";
import type { OrgTemplateSummary } from "../api/types";
import { useApiErrors } from "../components/errors";
import { PublicLayout } from "../components/PublicLayout";
import { useI18n } from "../i18n";
import { useMe } from "../me";

function Preview({ template }: { template: OrgTemplateSummary }) {
  const { t } = useI18n();
  if (!template.departments.length)
    return (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("onboarding.noDepartments")} />
    );
  return (
    <Space orientation="vertical" style={{ width: "100%" }} data-testid="template-preview">
      {template.departments.map((d) => (
        <Card key={d.name} size="small" title={d.name}>
          {d.children.length ? (
            <Flex wrap gap={4} style={{ marginBottom: 8 }}>
              {d.children.map((c) => (
                <Tag key={c} color="blue">
                  {c}
                </Tag>
              ))}
            </Flex>
          ) : null}
          {d.skills.length ? (
            <Flex wrap gap={4} align="center">
              <Typography.Text type="secondary">{t("onboarding.skills")}:</Typography.Text>
              {d.skills.map((s) => (
                <Tag key={s}>{s}</Tag>
              ))}
            </Flex>
          ) : null}
        </Card>
      ))}
    </Space>
  );
}

/** After sign-up: pick an organisation template (e-commerce shop, brand company, blank). */
export function OnboardingPage() {
  const { t, locale } = useI18n();
  const { can } = useMe();
  const templates = useOrgTemplates(locale);
  const apply = useApplyTemplate();
  const onError = useApiErrors();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [choice, setChoice] = useState<OrgTemplateSummary["id"]>("ecommerce");
  const chosen = templates.data?.items.find((x) => x.id === choice);

  // Applying a template is the owner's (workspace.manage).
  if (!can("workspace.manage")) return <Navigate to="/today" replace />;

  const submit = () =>
    apply.mutate(
      { template: choice, locale },
      {
        onSuccess: () => {
          void message.success(t("onboarding.applied"));
          void navigate("/departments", { replace: true });
        },
        onError: (e) => onError(e),
      },
    );

  return (
    <PublicLayout title={t("onboarding.title")} subtitle={t("onboarding.subtitle")} wide>
      {templates.isPending ? (
        <Spin />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} md={9}>
            <Radio.Group
              value={choice}
              onChange={(e) => setChoice(e.target.value as OrgTemplateSummary["id"])}
              style={{ width: "100%" }}
            >
              <Space orientation="vertical" style={{ width: "100%" }}>
                {templates.data?.items.map((tpl) => (
                  <Radio.Button
                    key={tpl.id}
                    value={tpl.id}
                    style={{ width: "100%", height: "auto", padding: "8px 12px" }}
                    data-testid={`template-${tpl.id}`}
                  >
                    {tpl.name}
                  </Radio.Button>
                ))}
              </Space>
            </Radio.Group>
          </Col>
          <Col xs={24} md={15}>
            {chosen ? <Preview template={chosen} /> : null}
          </Col>
        </Row>
      )}
      <Flex justify="end" gap={8} wrap style={{ marginTop: 24 }}>
        <Button onClick={() => void navigate("/today")}>{t("onboarding.skip")}</Button>
        <Button
          type="primary"
          onClick={submit}
          loading={apply.isPending}
          data-testid="apply-template"
        >
          {t("onboarding.apply")}
        </Button>
      </Flex>
    </PublicLayout>
  );
}
