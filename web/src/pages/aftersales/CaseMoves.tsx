// The moves the server allows from here (the case's nextStates), as buttons. Resolving asks for the
// outcome (and the refund), inspecting for the result; the server decides and its errors land on
// the fields (or show as a message). Every move sends the case's version: a case someone else
// changed answers 409 and is read again.
import { App, Button, Form, Input, InputNumber, Select, Space, Typography } from "antd";
import { useState } from "react";
import { useTransition, type CaseDetail, type CaseState } from "../../api/aftersales";
import { useApiErrors } from "../../components/errors";
import { FormModal } from "../../components/FormModal";
import { useI18n } from "../../i18n";
import { inspectionLabel, resolutionLabel, stateLabel } from "./labels";

const RESOLUTIONS = ["refunded", "exchanged", "reshipped", "rejected"] as const;
const NEEDS_FORM: CaseState[] = ["resolved", "inspected"];

interface Values {
  resolution?: (typeof RESOLUTIONS)[number];
  refund?: number | null;
  inspection?: "passed" | "failed";
  inspectionNote?: string;
}

export function CaseMoves({ c }: { c: CaseDetail }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const showError = useApiErrors();
  const move = useTransition(c.id);
  const [asking, setAsking] = useState<CaseState | null>(null);
  const done = (to: CaseState) =>
    void message.success(t("aftersales.case.moved", { state: stateLabel(locale, to) }));

  const go = (to: CaseState) => {
    if (NEEDS_FORM.includes(to)) return setAsking(to);
    move.mutate(
      { to, version: c.version },
      { onSuccess: () => done(to), onError: (e) => showError(e) },
    );
  };

  return (
    <Space direction="vertical" size={8} style={{ width: "100%" }}>
      <Typography.Text type="secondary">{t("aftersales.case.moves")}</Typography.Text>
      <Space wrap data-testid="case-moves">
        {c.nextStates.map((to) => (
          <Button
            key={to}
            type={to === "closed" ? "default" : "primary"}
            danger={to === "closed"}
            ghost={to !== "closed"}
            loading={move.isPending && move.variables?.to === to}
            onClick={() => go(to)}
            data-testid={`case-move-${to}`}
          >
            {stateLabel(locale, to)}
          </Button>
        ))}
      </Space>
      <FormModal<Values, CaseDetail>
        open={asking !== null}
        title={t("aftersales.move.title", { state: asking ? stateLabel(locale, asking) : "" })}
        onClose={() => setAsking(null)}
        okText={t("aftersales.move.ok")}
        testId="case-move-form"
        okTestId="case-move-ok"
        initialValues={{
          resolution:
            c.type === "exchange" ? "exchanged" : c.type === "reship" ? "reshipped" : "refunded",
          refund: (c.refundFen ?? c.requestedFen) / 100,
        }}
        fieldMap={{ refundFen: "refund" }}
        onSubmit={(v) =>
          move.mutateAsync({
            to: asking!,
            version: c.version,
            ...(asking === "resolved"
              ? {
                  resolution: v.resolution ?? null,
                  ...(v.resolution === "refunded" && v.refund != null
                    ? { refundFen: Math.round(v.refund * 100) }
                    : {}),
                }
              : {
                  inspection: v.inspection ?? null,
                  inspectionNote: v.inspectionNote?.trim() || null,
                }),
          })
        }
        onSuccess={(r) => done(r.state)}
      >
        {asking === "resolved" ? <ResolveFields currency={c.currency} /> : <InspectFields />}
      </FormModal>
    </Space>
  );
}

function ResolveFields({ currency }: { currency: string }) {
  const { t, locale } = useI18n();
  const resolution = Form.useWatch<Values["resolution"]>("resolution");
  return (
    <>
      <Form.Item name="resolution" label={t("aftersales.move.resolution")}>
        <Select
          options={RESOLUTIONS.map((r) => ({ value: r, label: resolutionLabel(locale, r) }))}
          data-testid="case-move-resolution"
        />
      </Form.Item>
      {resolution === "refunded" && (
        <Form.Item name="refund" label={t("aftersales.move.refund")}>
          <InputNumber
            min={0}
            max={1_000_000_000}
            precision={2}
            addonAfter={currency}
            style={{ width: 220 }}
          />
        </Form.Item>
      )}
    </>
  );
}

function InspectFields() {
  const { t, locale } = useI18n();
  return (
    <>
      <Form.Item name="inspection" label={t("aftersales.move.inspection")}>
        <Select
          options={(["passed", "failed"] as const).map((r) => ({
            value: r,
            label: inspectionLabel(locale, r),
          }))}
          data-testid="case-move-inspection"
        />
      </Form.Item>
      <Form.Item name="inspectionNote" label={t("aftersales.move.inspectionNote")}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
      </Form.Item>
    </>
  );
}
