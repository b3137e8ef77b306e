// The member's own report for today: the draft from the data, a reason for each task not done,
// blockers, help needed and a note; saved as a draft or submitted (then read-only).
import { SendOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  Row,
  Space,
  Tag,
  Typography,
} from "antd";
import { useEffect } from "react";
import { ApiError } from "../../api/client";
import { useReport, useReportMutations } from "../../api/plans";
import { errorText, useApiErrors } from "../../components/errors";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import { useMe } from "../../me";
import { Comments } from "./ReportComments";
import { DraftSections, ReportView, statusColor } from "./ReportView";

interface ReportForm {
  blockers: string;
  helpNeeded: string;
  note: string;
  reasons: Record<string, string>;
}

export function MyReport({ date }: { date: string }) {
  const { t } = useI18n();
  const { member } = useMe();
  const report = useReport(member.id, date);
  const { save } = useReportMutations(member.id, date);
  const onError = useApiErrors();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReportForm>();
  const r = report.data;
  useEffect(() => {
    if (!r) return;
    form.setFieldsValue({
      blockers: r.blockers ?? "",
      helpNeeded: r.helpNeeded ?? "",
      note: r.note ?? "",
      reasons: Object.fromEntries((r.draft?.notDone ?? []).map((n) => [n.taskId, n.reason ?? ""])),
    });
  }, [r?.version, r?.status, form]);
  if (report.isError) return <Alert type="error" title={errorText(report.error, t)} />;
  if (!r) return <Card loading />;
  if (r.status === "submitted") return <ReportView report={r} />;

  const submit = (submitIt: boolean) => {
    const v = form.getFieldsValue(true) as ReportForm;
    const reasons = Object.fromEntries(
      Object.entries(v.reasons ?? {})
        .map(([k, x]) => [k, (x ?? "").trim()])
        .filter(([, x]) => x),
    );
    save.mutate(
      {
        version: r.id ? r.version : undefined,
        blockers: v.blockers?.trim() ?? "",
        helpNeeded: v.helpNeeded?.trim() ?? "",
        note: v.note?.trim() ?? "",
        reasons,
        submit: submitIt,
      },
      {
        onSuccess: () => void message.success(submitIt ? t("report.submitted") : t("common.saved")),
        onError: (e) => {
          if (e instanceof ApiError && e.status === 409) {
            void message.warning(t("error.conflict"));
            void report.refetch();
            return;
          }
          if (e instanceof ApiError && e.fieldErrors.some((f) => f.field.startsWith("reasons."))) {
            form.setFields(
              e.fieldErrors
                .filter((f) => f.field.startsWith("reasons."))
                .map((f) => ({
                  name: ["reasons", f.field.slice(8)],
                  errors: [t("report.reasonRequired")],
                })),
            );
            void message.error(t("report.reasonRequired"));
            return;
          }
          onError(e, form);
        },
      },
    );
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Form form={form} layout="vertical" data-testid="report-form">
          <Space orientation="vertical" style={{ width: "100%" }}>
            <Flex gap={8} align="center" wrap>
              <Typography.Title level={5} style={{ margin: 0 }}>
                {t("report.mine")} · {date}
              </Typography.Title>
              <Tag color={statusColor[r.status]} data-testid="report-status">
                {t(`report.status.${r.status}` as MessageKey)}
              </Tag>
            </Flex>
            <DraftSections report={r} />
            <Card size="small" title={t("report.notDone")} data-testid="report-not-done">
              {r.draft?.notDone.length ? (
                r.draft.notDone.map((n) => (
                  <Form.Item
                    key={n.taskId}
                    name={["reasons", n.taskId]}
                    data-testid="report-reason"
                    label={
                      <span>
                        ✗ {n.title}{" "}
                        <Typography.Text type="secondary">
                          ·{" "}
                          {t("report.loggedOfPlanned", {
                            logged: n.loggedHours,
                            planned: n.plannedHours,
                          })}
                          {n.remainingHours !== null
                            ? ` · ${t("task.remaining", { hours: n.remainingHours })}`
                            : ""}
                        </Typography.Text>
                      </span>
                    }
                  >
                    <Input placeholder={t("report.reasonFor")} maxLength={500} />
                  </Form.Item>
                ))
              ) : (
                <Typography.Text type="secondary">{t("report.nothing")}</Typography.Text>
              )}
            </Card>
            <Card size="small">
              <Form.Item name="blockers" label={t("report.blockers")}>
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 5 }} maxLength={2000} />
              </Form.Item>
              <Form.Item name="helpNeeded" label={t("report.helpNeeded")}>
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 5 }} maxLength={2000} />
              </Form.Item>
              <Form.Item name="note" label={t("report.note")} style={{ marginBottom: 8 }}>
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 5 }} maxLength={4000} />
              </Form.Item>
              <Space wrap>
                <Button
                  type="primary"
                  icon={<SendOutlined />}
                  loading={save.isPending}
                  onClick={() => submit(true)}
                  data-testid="report-submit"
                >
                  {t("report.submit")}
                </Button>
                <Button
                  onClick={() => submit(false)}
                  loading={save.isPending}
                  data-testid="report-save"
                >
                  {t("report.saveDraft")}
                </Button>
              </Space>
            </Card>
          </Space>
        </Form>
      </Col>
      <Col xs={24} lg={10}>
        <Comments report={r} />
      </Col>
    </Row>
  );
}
