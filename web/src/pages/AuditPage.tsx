// The audit log as sentences with names ("王芳 把 李雷 调到了 设计部"), rendered from each entry's
// message in the page's language, so switching language re-renders every entry.
import { Button, Card, Empty, Flex, List, Typography } from "antd";
import { useAudit } from "../api/hooks";
import { errorText } from "../components/errors";
import { formatDateTime } from "../components/labels";
import { useI18n } from "../i18n";
import { renderMessage } from "../i18n/messages";

export function AuditPage() {
  const { t, locale } = useI18n();
  const audit = useAudit();
  const rows = audit.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card title={t("audit.title")}>
      {audit.isError ? (
        <Typography.Text type="danger">{errorText(audit.error, t, locale)}</Typography.Text>
      ) : null}
      <List
        loading={audit.isPending}
        dataSource={rows}
        data-testid="audit-list"
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("audit.empty")} />,
        }}
        renderItem={(a) => (
          <List.Item data-action={a.action}>
            <Flex vertical gap={2} style={{ minWidth: 0 }}>
              <Typography.Text type="secondary">{formatDateTime(a.at, locale)}</Typography.Text>
              <Typography.Text style={{ wordBreak: "break-word" }}>
                {a.message ? renderMessage(locale, a.message) : a.summary}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
      {audit.hasNextPage ? (
        <Flex justify="center">
          <Button onClick={() => void audit.fetchNextPage()} loading={audit.isFetchingNextPage}>
            {t("common.loadMore")}
          </Button>
        </Flex>
      ) : null}
    </Card>
  );
}
