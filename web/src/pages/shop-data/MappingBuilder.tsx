// Column mappings, for any file no built-in format reads: the uploaded file's headers fill the
// choices, a preview shows the first rows as mapped, and the mapping is saved under a name to
// import with from then on (the CLI takes it as --format mapping:NAME).
import { App, Button, Collapse, Flex, Input, Select, Table, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { useApiErrors } from "../../components/errors";
import { useI18n } from "../../i18n";
import { useSaveMapping, type Mapping, type Upload as Staged } from "./api";

const MAPPED_FIELDS = [
  "orderId",
  "orderTotal",
  "status",
  "paidAt",
  "placedAt",
  "itemTitle",
  "itemSku",
  "itemQuantity",
  "itemPrice",
  "buyerId",
  "email",
  "phone",
  "province",
  "address",
  "shipping",
  "refund",
  "currency",
  "shippedAt",
  "promisedShipAt",
  "sellerMemo",
  "salesRef",
] as const;

function MappingBuilder({
  shopId,
  upload,
  onSaved,
}: {
  shopId: string;
  upload: Staged | null;
  onSaved: (name: string) => void;
}) {
  const { t } = useI18n();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [name, setName] = useState("");
  const [offset, setOffset] = useState("+08:00");
  const save = useSaveMapping();
  const onError = useApiErrors();
  const { message } = App.useApp();
  useEffect(() => setFields({}), [upload?.id]);
  if (!upload)
    return <Typography.Text type="secondary">{t("shop.mapping.needFile")}</Typography.Text>;
  const idx = (h: string | undefined) => (h ? upload.headers.indexOf(h) : -1);
  const shown = MAPPED_FIELDS.filter((f) => fields[f]);
  return (
    <Flex vertical gap={8} data-testid="mapping-builder">
      <Table
        size="small"
        pagination={false}
        rowKey="field"
        dataSource={MAPPED_FIELDS.map((field) => ({ field }))}
        columns={[
          {
            title: t("shop.mapping.field"),
            dataIndex: "field",
            width: 140,
            render: (f: string) => (
              <Typography.Text code>
                {f}
                {f === "orderId" || f === "orderTotal" ? " *" : ""}
              </Typography.Text>
            ),
          },
          {
            title: t("shop.mapping.columnInFile"),
            render: (_, r) => (
              <Select
                allowClear
                style={{ width: "100%", minWidth: 140 }}
                value={fields[r.field]}
                onChange={(v?: string) => setFields({ ...fields, [r.field]: v ?? "" })}
                options={upload.headers.map((h) => ({ value: h, label: h }))}
              />
            ),
          },
        ]}
      />
      {shown.length ? (
        <>
          <Typography.Text strong>{t("shop.mapping.preview")}</Typography.Text>
          <Table
            size="small"
            pagination={false}
            scroll={{ x: true }}
            rowKey={(_, i) => String(i)}
            dataSource={upload.sampleRows.map((r) => ({ r }))}
            columns={shown.map((f) => ({
              title: f,
              render: (_: unknown, row: { r: string[] }) => row.r[idx(fields[f])] ?? "",
            }))}
          />
        </>
      ) : null}
      <Flex wrap gap={8}>
        <Input
          style={{ flex: "1 1 160px" }}
          placeholder={t("shop.mapping.name")}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <Select
          style={{ width: 130 }}
          value={offset}
          onChange={setOffset}
          aria-label={t("shop.mapping.offset")}
          options={["+08:00", "+00:00", "+09:00", "-05:00", "-08:00", "+01:00"].map((o) => ({
            value: o,
            label: `UTC${o}`,
          }))}
        />
        <Button
          type="primary"
          disabled={!name.trim() || !fields.orderId || !fields.orderTotal}
          loading={save.isPending}
          onClick={() =>
            save.mutate(
              {
                shopId,
                name: name.trim(),
                mapping: {
                  fields: Object.fromEntries(Object.entries(fields).filter(([, v]) => v)),
                  utcOffset: offset,
                },
              },
              {
                onSuccess: (m) => {
                  void message.success(t("shop.mapping.saved"));
                  onSaved(m.name);
                },
                onError: (e) => onError(e),
              },
            )
          }
        >
          {t("shop.mapping.save")}
        </Button>
      </Flex>
    </Flex>
  );
}

/** The shop's saved mappings in the title; opened, the builder over the latest uploaded file. */
export function ColumnMappings({
  shopId,
  mappings,
  upload,
  onSaved,
}: {
  shopId: string;
  mappings: Mapping[];
  upload: Staged | null;
  onSaved: (name: string) => void;
}) {
  const { t } = useI18n();
  return (
    <Collapse
      size="small"
      items={[
        {
          key: "mapping",
          label: (
            <Flex wrap gap={4} align="center">
              {t("shop.mapping.title")}
              {mappings.map((m) => (
                <Tag key={m.id}>{m.name}</Tag>
              ))}
            </Flex>
          ),
          children: (
            <Flex vertical gap={8}>
              <Typography.Text type="secondary">{t("shop.mapping.hint")}</Typography.Text>
              <MappingBuilder shopId={shopId} upload={upload} onSaved={onSaved} />
            </Flex>
          ),
        },
      ]}
    />
  );
}
