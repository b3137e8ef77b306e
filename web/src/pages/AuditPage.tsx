import { Button, Card, Empty, Flex, List, Tag, Typography } from "antd";
import { useAudit } from "../api/hooks";
import { errorText } from "../components/errors";
import { formatDateTime } from "../components/labels";
import { useI18n } from "../i18n";

export function AuditPage() {
  const { t, locale } = useI18n();
  const audit = useAudit();
  const rows = audit.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card title={t("audit.title")}>
      {audit.isError ? (
        <Typography.Text type="danger">{errorText(audit.error, t)}</Typography.Text>
      ) : null}
      <List
        loading={audit.isPending}
        dataSource={rows}
        data-testid="audit-list"
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("audit.empty")} />,
        }}
        renderItem={(a) => (
          <List.Item>
            <Flex vertical gap={2} style={{ minWidth: 0 }}>
              <Flex wrap gap={6} align="center">
                <Typography.Text type="secondary">{formatDateTime(a.at, locale)}</Typography.Text>
                <Typography.Text strong>{a.actorName ?? "—"}</Typography.Text>
                <Tag>{a.action}</Tag>
              </Flex>
              <Typography.Text style={{ wordBreak: "break-word" }}>{a.summary}</Typography.Text>
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
