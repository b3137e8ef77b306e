// A parcel that must not leave: full width, red, large text, an alarm and a vibration, and nothing
// more can be scanned until the packer acknowledges it with the button (a scanner's Enter cannot).
import { StopOutlined } from "@ant-design/icons";
import { Button, Flex, Typography } from "antd";
import { useEffect } from "react";
import { useI18n } from "../../../i18n";
import { messageText } from "../../../i18n/messages";
import { alarm } from "./alarm";
import { outcomeLabel } from "./labels";
import type { ScanResult } from "./scanApi";

export function StopAlert({ result, onAck }: { result: ScanResult; onAck: () => void }) {
  const { t, locale } = useI18n();
  useEffect(() => {
    alarm();
    (document.activeElement as HTMLElement | null)?.blur();
  }, [result.eventId]);
  const text =
    messageText(locale, result.message.code, result.message.params) ?? result.message.code;
  return (
    <Flex
      vertical
      gap={16}
      role="alert"
      aria-live="assertive"
      data-testid="pack-stop"
      data-outcome={result.outcome}
      style={{
        width: "100%",
        padding: "24px 20px",
        background: "#cf1322",
        color: "#fff",
        borderRadius: 8,
        boxShadow: "0 0 0 6px #ffa39e",
      }}
    >
      <Typography.Title level={2} style={{ color: "#fff", margin: 0 }}>
        <StopOutlined /> {outcomeLabel(t, result.outcome)}
      </Typography.Title>
      <Typography.Paragraph
        style={{ color: "#fff", fontSize: 22, lineHeight: 1.4, margin: 0 }}
        data-testid="pack-stop-text"
      >
        {text}
      </Typography.Paragraph>
      <Button
        size="large"
        block
        onClick={onAck}
        style={{ height: 56, fontSize: 20, fontWeight: 600 }}
        data-testid="pack-stop-ack"
      >
        {t("logistics.scan.ack")}
      </Button>
    </Flex>
  );
}
