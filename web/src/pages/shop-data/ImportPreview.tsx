// The preview of an import before it is committed: the formats detected, what it would store,
// every problem with its file, row and column (nothing is stored while there is one), the notes,
// the columns not used (each once, however many files have it) and the first orders.
import { Alert, Flex, List, Table, Tag, Typography } from "antd";
import { formatDateTime } from "../../components/labels";
import { useI18n } from "../../i18n";
import type { Preview } from "./api";
import { formatLabel, noteLine, problemLine } from "./importMessages";
import { importCounts, statusLabel } from "./labels";

export function ImportPreview({ preview }: { preview: Preview }) {
  const { t, locale } = useI18n();
  return (
    <Flex vertical gap={8} data-testid="import-preview">
      {preview.files.length ? (
        <Flex wrap gap={4} align="center">
          <Typography.Text type="secondary">{t("shop.import.detected")}:</Typography.Text>
          {preview.files.map((f) => (
            <Tag key={f.file} color="blue">
              {f.file}: {formatLabel(f, locale)} · {f.version} · {f.encoding} · {f.rows}
            </Tag>
          ))}
        </Flex>
      ) : null}
      <Typography.Text strong>{t("shop.import.summary", importCounts(preview))}</Typography.Text>
      {preview.errors.length ? (
        <Alert
          type="error"
          showIcon
          message={t("shop.import.problems")}
          description={
            <List
              size="small"
              data-testid="import-problems"
              dataSource={preview.errors.slice(0, 200)}
              pagination={preview.errors.length > 10 ? { pageSize: 10, size: "small" } : false}
              renderItem={(e) => (
                <List.Item style={{ paddingInline: 0 }}>
                  <Flex vertical gap={2} style={{ minWidth: 0 }}>
                    <Flex wrap gap={4}>
                      {e.file ? <Tag>{e.file}</Tag> : null}
                      <Tag color="red">
                        {t("shop.import.row")} {e.row}
                      </Tag>
                      {e.column ? (
                        <Tag color="orange">
                          {t("shop.import.column")} {e.column}
                        </Tag>
                      ) : null}
                    </Flex>
                    <Typography.Text style={{ wordBreak: "break-word" }}>
                      {problemLine(e, locale)}
                    </Typography.Text>
                  </Flex>
                </List.Item>
              )}
            />
          }
        />
      ) : null}
      {preview.warnings.length ? (
        <Alert
          type="warning"
          message={t("shop.import.warnings")}
          description={
            <ul style={{ margin: 0, paddingLeft: 16 }}>
              {preview.warnings.slice(0, 10).map((w, i) => (
                <li key={i}>{noteLine(w, locale)}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      {preview.files.some((f) => f.unknownColumns.length) ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("shop.import.unknownColumns")}:{" "}
          {[...new Set(preview.files.flatMap((f) => f.unknownColumns))].join(", ")}
        </Typography.Text>
      ) : null}
      {preview.sample.length ? (
        <Table
          size="small"
          rowKey="row"
          pagination={false}
          scroll={{ x: 560 }}
          // One number may be orders of several stores (Shopify's #1113): rows are keyed by place.
          dataSource={preview.sample.map((o, row) => ({ ...o, row }))}
          columns={[
            { title: t("shop.order.id"), dataIndex: "platformOrderId", ellipsis: true },
            {
              title: t("shop.order.status"),
              render: (_, o) => <Tag>{statusLabel(t, o.status)}</Tag>,
            },
            {
              title: t("shop.order.paidAt"),
              render: (_, o) => (o.paidAt ? formatDateTime(o.paidAt, locale) : "—"),
            },
            { title: t("shop.order.total"), render: (_, o) => `${o.total} ${o.currency}` },
            {
              title: t("shop.order.items"),
              render: (_, o) => o.items.map((i) => `${i.title}×${i.quantity}`).join("；"),
              ellipsis: true,
            },
            { title: t("shop.order.province"), dataIndex: "province" },
          ]}
        />
      ) : null}
    </Flex>
  );
}
