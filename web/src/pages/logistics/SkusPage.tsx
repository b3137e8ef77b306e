// SKU locations and weights (库位与重量): where each SKU sits (the pick list prints it next to the
// SKU's total) and what one piece weighs (parcels without a weighed weight are costed from it).
// Everyone holding logistics reads the list; those who pack set, change or clear a SKU.
import { Button, Empty, Flex, Form, Input, InputNumber, Table, Typography } from "antd";
import { useState } from "react";
import { FormModal } from "../../components/FormModal";
import { useI18n } from "../../i18n";
import { useMe } from "../../me";
import { useSetSku, useSkuSettings, type SkuSetting } from "./queue/api";
import { shortTime } from "./queue/time";

interface Values {
  sku: string;
  location: string;
  weightG: number | null;
}

function SkuModal({
  editing,
  onClose,
}: {
  editing: SkuSetting | "new" | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const set = useSetSku();
  const row = editing !== null && editing !== "new" ? editing : null;
  return (
    <FormModal<Values>
      open={editing !== null}
      title={row ? t("logistics.skus.edit", { sku: row.sku }) : t("logistics.skus.add")}
      onClose={onClose}
      testId="sku-modal"
      okTestId="sku-save"
      initialValues={
        row
          ? { sku: row.sku, location: row.location ?? "", weightG: row.weightG }
          : { sku: "", location: "", weightG: null }
      }
      onSubmit={(v) =>
        set.mutateAsync({
          sku: v.sku.trim(),
          location: v.location?.trim() || null,
          weightG: v.weightG ?? null,
        })
      }
    >
      <Form.Item
        name="sku"
        label={t("logistics.skus.sku")}
        rules={[{ required: true, whitespace: true, message: t("logistics.skus.skuRequired") }]}
      >
        <Input maxLength={100} disabled={row !== null} data-testid="sku-input" />
      </Form.Item>
      <Form.Item name="location" label={t("logistics.skus.location")}>
        <Input maxLength={40} placeholder="A-03-2" data-testid="sku-location" />
      </Form.Item>
      <Form.Item name="weightG" label={t("logistics.skus.weight")}>
        <InputNumber
          min={1}
          max={100_000}
          precision={0}
          addonAfter="g"
          style={{ width: "100%" }}
          data-testid="sku-weight"
        />
      </Form.Item>
    </FormModal>
  );
}

export function SkusPage() {
  const { t } = useI18n();
  const pack = useMe().can("logistics.pack");
  const [prefix, setPrefix] = useState("");
  const [editing, setEditing] = useState<SkuSetting | "new" | null>(null);
  const skus = useSkuSettings(prefix);
  const set = useSetSku();
  const rows = skus.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Flex vertical gap={12} style={{ minWidth: 0 }} data-testid="skus-page">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t("nav.logistics.skus")}
      </Typography.Title>
      <Typography.Text type="secondary">{t("logistics.skus.intro")}</Typography.Text>
      <Flex gap={8} wrap>
        <Input.Search
          allowClear
          placeholder={t("logistics.skus.search")}
          style={{ maxWidth: 280 }}
          onSearch={setPrefix}
          data-testid="sku-search"
        />
        {pack ? (
          <Button type="primary" onClick={() => setEditing("new")} data-testid="sku-add">
            {t("logistics.skus.add")}
          </Button>
        ) : null}
      </Flex>
      {rows.length === 0 && !skus.isPending ? (
        <Empty description={t("logistics.skus.empty")} />
      ) : (
        <Table<SkuSetting>
          rowKey="sku"
          size="small"
          loading={skus.isPending}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 480 }}
          onRow={(r) => ({ "data-testid": `sku-row-${r.sku}` }) as object}
          columns={[
            { title: t("logistics.skus.sku"), dataIndex: "sku" },
            {
              title: t("logistics.skus.location"),
              dataIndex: "location",
              render: (l: string | null) => l ?? "—",
            },
            {
              title: t("logistics.skus.weight"),
              dataIndex: "weightG",
              align: "right",
              render: (g: number | null) => (g === null ? "—" : `${g} g`),
            },
            {
              title: t("logistics.skus.updated"),
              dataIndex: "updatedAt",
              responsive: ["md"],
              render: (at: string) => shortTime(at),
            },
            ...(pack
              ? [
                  {
                    key: "actions",
                    width: 150,
                    render: (_: unknown, r: SkuSetting) => (
                      <Flex gap={4}>
                        <Button size="small" onClick={() => setEditing(r)}>
                          {t("logistics.skus.change")}
                        </Button>
                        <Button
                          size="small"
                          danger
                          loading={set.isPending && set.variables?.sku === r.sku}
                          onClick={() => set.mutate({ sku: r.sku, location: null, weightG: null })}
                        >
                          {t("logistics.skus.clear")}
                        </Button>
                      </Flex>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {skus.hasNextPage ? (
        <Button onClick={() => void skus.fetchNextPage()} loading={skus.isFetchingNextPage}>
          {t("logistics.skus.more")}
        </Button>
      ) : null}
      <SkuModal editing={editing} onClose={() => setEditing(null)} />
    </Flex>
  );
}
