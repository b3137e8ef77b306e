// Scanning with a phone's camera: @zxing/browser is loaded only when the button is pressed, reads
// one code from the back camera and hands it over like a scanner's keystrokes.
import { CameraOutlined } from "@ant-design/icons";
import { Alert, Button, Modal } from "antd";
import { useEffect, useRef, useState } from "react";
import { useI18n } from "../../../i18n";

export function CameraButton({
  disabled,
  onScan,
}: {
  disabled: boolean;
  onScan: (code: string) => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [failed, setFailed] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (!open) return;
    let stop: (() => void) | undefined;
    let cancelled = false;
    setFailed(false);
    void (async () => {
      try {
        const { BrowserMultiFormatReader } = await import("@zxing/browser");
        if (cancelled || !video.current) return;
        const reader = new BrowserMultiFormatReader();
        const controls = await reader.decodeFromConstraints(
          { video: { facingMode: "environment" } },
          video.current,
          (result) => {
            if (!result) return;
            controls.stop();
            setOpen(false);
            onScan(result.getText());
          },
        );
        stop = () => controls.stop();
        if (cancelled) stop();
      } catch {
        if (!cancelled) setFailed(true);
      }
    })();
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [open, onScan]);
  return (
    <>
      <Button
        size="large"
        icon={<CameraOutlined />}
        disabled={disabled}
        onClick={() => setOpen(true)}
        style={{ height: 64, minWidth: 64 }}
        aria-label={t("logistics.scan.camera")}
        data-testid="pack-camera"
      />
      <Modal
        open={open}
        title={t("logistics.scan.camera")}
        footer={null}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        {failed ? (
          <Alert type="warning" showIcon message={t("logistics.scan.cameraFailed")} />
        ) : (
          <video ref={video} style={{ width: "100%", borderRadius: 8 }} muted playsInline />
        )}
      </Modal>
    </>
  );
}
