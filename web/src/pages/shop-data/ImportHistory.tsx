// The shop's imports, newest first: when, its files and what it stored; who may import rolls one
// back (the orders it created are removed, those it changed return to how they were).
import { RollbackOutlined } from "@ant-design/icons";
import { Button, Card, Flex, List, Popconfirm, Tag, Typography } from "antd";
import { useApiErrors } from "../../components/errors";
import { formatDateTime } from "../../components/labels";
import { useI18n } from "../../i18n";
import { useImports, useRollback } from "./api";
import { importCounts } from "./labels";

export function ImportHistory({ shopId, canImport }: { shopId: string; canImport: boolean }) {
  const { t, locale } = useI18n();
  const history = useImports(shopId);
  const rollback = useRollback();
  const onError = useApiErrors();
  return (
    <Card size="small" title={t("shop.history.title")}>
      <List
        size="small"
        loading={history.isPending}
        dataSource={history.data?.items ?? []}
        locale={{ emptyText: t("shop.history.empty") }}
        data-testid="import-history"
        renderItem={(h) => (
          <List.Item
            actions={
              h.status === "committed" && canImport
                ? [
                    <Popconfirm
                      key="rb"
                      title={t("shop.history.rollbackConfirm")}
                      okText={t("shop.history.rollback")}
                      cancelText={t("common.cancel")}
                      onConfirm={() => rollback.mutate(h.id, { onError: (e) => onError(e) })}
                    >
                      <Button size="small" danger icon={<RollbackOutlined />}>
                        {t("shop.history.rollback")}
                      </Button>
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <Flex vertical gap={2} style={{ minWidth: 0 }}>
              <Flex wrap gap={6} align="center">
                <Typography.Text type="secondary">
                  {formatDateTime(h.createdAt, locale)}
                </Typography.Text>
                <Tag color={h.status === "committed" ? "green" : "default"}>
                  {t(
                    h.status === "committed" ? "shop.history.committed" : "shop.history.rolledBack",
                  )}
                </Tag>
              </Flex>
              <Typography.Text ellipsis>{h.files.map((f) => f.file).join(", ")}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t("shop.history.summary", importCounts(h))}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
