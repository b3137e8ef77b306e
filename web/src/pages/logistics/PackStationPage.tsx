// The pack station (docs/LOGISTICS.md, part scan): scan a parcel's slip, then its waybill, with a
// barcode scanner on a desktop (its keystrokes go into the always-focused field, Enter ends a scan)
// or a phone (a big field, big buttons, the camera). A parcel that must not leave stops the packer
// with a red banner, a sound and a vibration until acknowledged. The tracking import and the
// write-back files are here too (scan/TrackingImportDialog, scan/WritebackDialog). The returns mode
// (退货签收) scans a returned parcel's waybill: its after-sales cases are received.
import { CheckCircleFilled, FileDoneOutlined, ImportOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Flex, InputNumber, Segmented, Select, Steps, Typography } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n";
import { messageText } from "../../i18n/messages";
import { useMe } from "../../me";
import { useCarriers } from "./rates/ratesApi";
import { CameraButton } from "./scan/CameraButton";
import { ParcelPanel } from "./scan/ParcelPanel";
import { RecentScans } from "./scan/RecentScans";
import { ScanInput } from "./scan/ScanInput";
import { StopAlert } from "./scan/StopAlert";
import { TrackingImportDialog } from "./scan/TrackingImportDialog";
import { usePackStation, type Mode } from "./scan/usePackStation";
import { WritebackDialog } from "./scan/WritebackDialog";
import { WritebackTemplateDialog } from "./scan/WritebackTemplateDialog";

export function PackStationPage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const pack = me.can("logistics.pack");
  const station = usePackStation();
  const carriers = useCarriers();
  const manage = me.can("logistics.manage");
  const [dialog, setDialog] = useState<"tracking" | "writeback" | "template" | null>(null);
  // A weight typed or a carrier picked: the scanner's next keystrokes belong to the scan field again.
  const [focus, setFocus] = useState(0);
  const refocus = () => setFocus((n) => n + 1);
  const text = (m: { code: string; params?: Record<string, unknown> }) =>
    messageText(locale, m.code, m.params as never) ?? m.code;

  return (
    <Flex vertical gap={16} style={{ minWidth: 0, maxWidth: 960 }} data-testid="pack-page">
      <Flex wrap gap={8} align="center" justify="space-between">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("nav.logistics.pack")}
        </Typography.Title>
        {pack ? (
          <Flex wrap gap={8}>
            <Button
              icon={<ImportOutlined />}
              onClick={() => setDialog("tracking")}
              data-testid="tracking-open"
            >
              {t("logistics.scan.import.button")}
            </Button>
            <Button
              icon={<FileDoneOutlined />}
              onClick={() => setDialog("writeback")}
              data-testid="writeback-open"
            >
              {t("logistics.scan.writeback.button")}
            </Button>
            {manage ? (
              <Button onClick={() => setDialog("template")} data-testid="template-open">
                {t("logistics.scan.template.button")}
              </Button>
            ) : null}
          </Flex>
        ) : null}
      </Flex>
      {!pack ? (
        <Alert type="info" showIcon message={t("logistics.scan.noRight")} />
      ) : (
        <Card styles={{ body: { padding: 16 } }}>
          <Flex vertical gap={16}>
            <Segmented<Mode>
              block
              size="large"
              value={station.mode}
              onChange={(m) => {
                station.setMode(m);
                refocus();
              }}
              disabled={station.busy || station.stop !== null}
              options={[
                {
                  value: "ship",
                  label: <span data-testid="pack-mode-ship">{t("logistics.scan.mode.ship")}</span>,
                },
                {
                  value: "return",
                  label: (
                    <span data-testid="pack-mode-return">{t("logistics.scan.mode.return")}</span>
                  ),
                },
              ]}
              data-testid="pack-mode"
              data-mode={station.mode}
            />
            {station.mode === "ship" ? (
              <Steps
                size="small"
                current={station.step === "slip" ? 0 : 1}
                responsive={false}
                items={[
                  { title: t("logistics.scan.step.slip") },
                  { title: t("logistics.scan.step.waybill") },
                ]}
                data-testid="pack-steps"
                data-step={station.step}
              />
            ) : (
              <Typography.Text strong data-testid="pack-return-step">
                {t("logistics.scan.step.return")}
              </Typography.Text>
            )}
            {station.stop ? (
              <StopAlert result={station.stop} onAck={station.acknowledge} />
            ) : (
              <Flex gap={8}>
                <div style={{ flex: 1, minWidth: 0 }}>
                  <ScanInput
                    disabled={station.busy}
                    placeholder={t(
                      station.mode === "return"
                        ? "logistics.scan.placeholder.return"
                        : station.step === "slip"
                          ? "logistics.scan.placeholder.slip"
                          : "logistics.scan.placeholder.waybill",
                    )}
                    onScan={(code) => void station.scan(code)}
                    focusSignal={focus}
                  />
                </div>
                <CameraButton disabled={station.busy} onScan={(code) => void station.scan(code)} />
              </Flex>
            )}
            {station.notice ? (
              <Alert
                type="warning"
                showIcon
                message={<span style={{ fontSize: 18 }}>{text(station.notice.message)}</span>}
                data-testid="pack-notice"
              />
            ) : null}
            {station.shipped && station.step === "slip" && !station.stop ? (
              <Alert
                type="success"
                icon={<CheckCircleFilled />}
                showIcon
                message={<span style={{ fontSize: 18 }}>{text(station.shipped.message)}</span>}
                data-testid="pack-shipped"
              />
            ) : null}
            {station.step === "waybill" && station.parcel ? (
              <>
                <ParcelPanel parcel={station.parcel} />
                <Flex wrap gap={8}>
                  <Select
                    size="large"
                    allowClear
                    placeholder={t("logistics.scan.carrier.auto")}
                    value={station.carrierCode}
                    onChange={(v: string | undefined) => {
                      station.setCarrierCode(v);
                      refocus();
                    }}
                    options={(carriers.data?.items ?? [])
                      .filter((c) => c.active)
                      .map((c) => ({ value: c.code, label: c.name }))}
                    style={{ flex: "1 1 180px", minWidth: 0 }}
                    data-testid="pack-carrier"
                  />
                  <InputNumber
                    size="large"
                    min={0.001}
                    max={200}
                    step={0.1}
                    precision={3}
                    value={station.weightKg}
                    onChange={(v) => station.setWeightKg(typeof v === "number" ? v : null)}
                    onPressEnter={refocus}
                    suffix="kg"
                    placeholder={t("logistics.scan.weight")}
                    style={{ flex: "1 1 160px" }}
                    data-testid="pack-weight"
                  />
                  <Button
                    size="large"
                    onClick={station.restart}
                    style={{ flex: "1 1 140px" }}
                    data-testid="pack-restart"
                  >
                    {t("logistics.scan.restart")}
                  </Button>
                </Flex>
              </>
            ) : null}
          </Flex>
        </Card>
      )}
      <Card styles={{ body: { padding: 16 } }}>
        <RecentScans />
      </Card>
      <TrackingImportDialog open={dialog === "tracking"} onClose={() => setDialog(null)} />
      <WritebackDialog open={dialog === "writeback"} onClose={() => setDialog(null)} />
      <WritebackTemplateDialog open={dialog === "template"} onClose={() => setDialog(null)} />
    </Flex>
  );
}
