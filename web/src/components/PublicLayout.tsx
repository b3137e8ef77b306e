import { Card, Flex, Layout, Typography } from "antd";
import type { ReactNode } from "react";
import { useI18n } from "../i18n";
import { LanguageSwitch } from "./LanguageSwitch";

/** The frame of the signed-out pages: brand, language switch, one centred card. */
export function PublicLayout({
  title,
  subtitle,
  children,
  wide = false,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  children: ReactNode;
  wide?: boolean;
}) {
  const { t } = useI18n();
  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Flex justify="space-between" align="center" style={{ padding: "12px 16px" }}>
        <Typography.Text strong style={{ fontSize: 18 }}>
          日清 · Dayclear
        </Typography.Text>
        <LanguageSwitch />
      </Flex>
      <Flex justify="center" style={{ padding: "8px 12px 32px" }}>
        <Card style={{ width: "100%", maxWidth: wide ? 880 : 440 }}>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {title}
          </Typography.Title>
          {subtitle ? (
            <Typography.Paragraph type="secondary">{subtitle}</Typography.Paragraph>
          ) : null}
          {children}
        </Card>
      </Flex>
      <Typography.Text type="secondary" style={{ textAlign: "center", paddingBottom: 16 }}>
        {t("app.tagline")}
      </Typography.Text>
    </Layout>
  );
}
