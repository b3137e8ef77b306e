// The time per parcel packing runs are counted with: learned from the pack station, or set. The
// owner and the leads holding the logistics function change it; people's days re-plan at once.
import { App, Form, InputNumber, Radio, Typography } from "antd";
import { FormModal } from "../../../components/FormModal";
import { useI18n } from "../../../i18n";
import { useSavePackingSettings, type PackingSettings } from "./packingApi";

interface Values {
  mode: "learn" | "fixed";
  seconds?: number;
}

export function PackingSettingsModal({
  open,
  onClose,
  settings,
}: {
  open: boolean;
  onClose: () => void;
  settings: PackingSettings;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const save = useSavePackingSettings();
  const learned =
    settings.learnedSeconds === null
      ? t("logistics.people.settings.notLearned")
      : t("logistics.people.settings.learnedNow", {
          seconds: settings.learnedSeconds,
          gaps: settings.learnedGaps,
        });
  return (
    <FormModal<Values>
      open={open}
      title={t("logistics.people.settings.title")}
      onClose={onClose}
      testId="packing-settings-form"
      okTestId="packing-settings-ok"
      initialValues={{
        mode: settings.parcelSeconds === null ? "learn" : "fixed",
        seconds: settings.parcelSeconds ?? settings.secondsPerParcel,
      }}
      fieldMap={{ parcelSeconds: "seconds" }}
      onSubmit={(v) =>
        save.mutateAsync({
          parcelSeconds: v.mode === "learn" ? null : (v.seconds ?? null),
          version: settings.version,
        })
      }
      onSuccess={() => void message.success(t("logistics.people.settings.saved"))}
    >
      <Form.Item name="mode" label={t("logistics.people.settings.mode")}>
        <Radio.Group
          options={[
            { value: "learn", label: t("logistics.people.settings.learn") },
            { value: "fixed", label: t("logistics.people.settings.fixed") },
          ]}
        />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a: Values, b: Values) => a.mode !== b.mode}>
        {({ getFieldValue }) =>
          getFieldValue("mode") === "fixed" ? (
            <Form.Item
              name="seconds"
              label={t("logistics.people.settings.seconds")}
              rules={[{ required: true, message: t("common.required") }]}
            >
              <InputNumber min={5} max={3600} precision={0} suffix="s" />
            </Form.Item>
          ) : null
        }
      </Form.Item>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
        {t("logistics.people.settings.help", { default: settings.defaultSeconds, learned })}
      </Typography.Paragraph>
    </FormModal>
  );
}
