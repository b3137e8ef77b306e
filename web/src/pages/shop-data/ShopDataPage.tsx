import { InboxOutlined, PlusOutlined, RollbackOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Collapse,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Popconfirm,
  Progress,
  Select,
  Table,
  Tag,
  Typography,
  Upload,
} from "antd";
import { useEffect, useMemo, useRef, useState } from "react";
import { Link } from "react-router-dom";
import { formatDateTime } from "../../components/labels";
import { usePermissions } from "../../components/permissions";
import type { Me } from "../../api/types";
import { errorText, useApiErrors } from "../../components/errors";
import { useI18n } from "../../i18n";
import {
  uploadFile,
  useCommit,
  useCreateShop,
  useImports,
  useMappings,
  usePreview,
  useRollback,
  useSaveMapping,
  useSetVisitors,
  useShops,
  useVisitors,
  type Preview,
  type Upload as Staged,
} from "./api";
import { PLATFORM_LABELS, platformLabel, statusLabel, useShopT } from "./strings";
import { formatLabel, noteLine, problemLine } from "./importMessages";
import { attrText } from "./attribution.strings";

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

function AddShop({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t, locale } = useShopT();
  const [form] = Form.useForm<{ name: string; platform: string; shipWindowHours: number }>();
  const create = useCreateShop();
  const onError = useApiErrors();
  return (
    <Modal
      open={open}
      title={t("shop.add")}
      onCancel={onClose}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={create.isPending}
      onOk={() =>
        void form.validateFields().then((v) =>
          create.mutate(v, {
            onSuccess: (s) => {
              form.resetFields();
              onCreated(s.id);
              onClose();
            },
            onError: (e) => onError(e, form),
          }),
        )
      }
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ platform: "taobao", shipWindowHours: 48 }}
      >
        <Form.Item name="name" label={t("shop.name")} rules={[{ required: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="platform" label={t("shop.platform")} rules={[{ required: true }]}>
          <Select
            options={Object.keys(PLATFORM_LABELS).map((p) => ({
              value: p,
              label: platformLabel(p, locale),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="shipWindowHours"
          label={t("shop.shipWindow")}
          extra={t("shop.shipWindowHint")}
          rules={[{ required: true }]}
        >
          <InputNumber
            min={1}
            max={720}
            precision={0}
            addonAfter={t("shop.hours")}
            style={{ width: 180 }}
            data-testid="shop-ship-window"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function PreviewView({ preview }: { preview: Preview }) {
  const { t, locale } = useShopT();
  return (
    <Flex vertical gap={8} data-testid="import-preview">
      {preview.files.length ? (
        <Flex wrap gap={4} align="center">
          <Typography.Text type="secondary">{t("import.detected")}:</Typography.Text>
          {preview.files.map((f) => (
            <Tag key={f.file} color="blue">
              {f.file}: {formatLabel(f, locale)} · {f.version} · {f.encoding} · {f.rows}
            </Tag>
          ))}
        </Flex>
      ) : null}
      <Typography.Text strong>{t("import.summary", { ...preview })}</Typography.Text>
      {preview.errors.length ? (
        <Alert
          type="error"
          showIcon
          message={t("import.problems")}
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
                        {t("import.row")} {e.row}
                      </Tag>
                      {e.column ? (
                        <Tag color="orange">
                          {t("import.column")} {e.column}
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
          message={t("import.warnings")}
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
          {t("import.unknownColumns")}: {preview.files.flatMap((f) => f.unknownColumns).join(", ")}
        </Typography.Text>
      ) : null}
      {preview.sample.length ? (
        <Table
          size="small"
          rowKey="platformOrderId"
          pagination={false}
          scroll={{ x: 560 }}
          dataSource={preview.sample}
          columns={[
            { title: t("order.id"), dataIndex: "platformOrderId", ellipsis: true },
            {
              title: t("order.status"),
              render: (_, o) => <Tag>{statusLabel(o.status, locale)}</Tag>,
            },
            {
              title: t("order.paidAt"),
              render: (_, o) => (o.paidAt ? formatDateTime(o.paidAt, locale as "en") : "—"),
            },
            { title: t("order.total"), render: (_, o) => `${o.total} ${o.currency}` },
            {
              title: t("order.items"),
              render: (_, o) => o.items.map((i) => `${i.title}×${i.quantity}`).join("；"),
              ellipsis: true,
            },
            { title: t("order.province"), dataIndex: "province" },
          ]}
        />
      ) : null}
    </Flex>
  );
}

function MappingBuilder({
  shopId,
  upload,
  onSaved,
}: {
  shopId: string;
  upload: Staged | null;
  onSaved: (name: string) => void;
}) {
  const { t } = useShopT();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [name, setName] = useState("");
  const [offset, setOffset] = useState("+08:00");
  const save = useSaveMapping();
  const onError = useApiErrors();
  const { message } = App.useApp();
  useEffect(() => setFields({}), [upload?.id]);
  if (!upload) return <Typography.Text type="secondary">{t("mapping.needFile")}</Typography.Text>;
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
            title: t("mapping.field"),
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
            title: t("mapping.columnInFile"),
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
          <Typography.Text strong>{t("mapping.preview")}</Typography.Text>
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
          placeholder={t("mapping.name")}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <Select
          style={{ width: 130 }}
          value={offset}
          onChange={setOffset}
          aria-label={t("mapping.offset")}
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
                  void message.success(t("mapping.saved"));
                  onSaved(m.name);
                },
                onError: (e) => onError(e),
              },
            )
          }
        >
          {t("mapping.save")}
        </Button>
      </Flex>
    </Flex>
  );
}

const shanghaiToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const minusDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

function VisitorsCard({ shopId, canEdit }: { shopId: string; canEdit: boolean }) {
  const { t } = useShopT();
  const to = shanghaiToday();
  const from = minusDays(to, 13);
  const list = useVisitors(shopId, from, to);
  const save = useSetVisitors();
  const onError = useApiErrors();
  const { message } = App.useApp();
  const [date, setDate] = useState(to);
  const [count, setCount] = useState("");
  return (
    <Card size="small" title={t("visitors.title")} data-testid="visitors-card">
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">{t("visitors.hint")}</Typography.Text>
        {canEdit ? (
          <Flex wrap gap={8}>
            <Input
              type="date"
              style={{ width: 170 }}
              aria-label={t("visitors.date")}
              value={date}
              max={to}
              onChange={(e) => setDate(e.target.value)}
            />
            <Input
              type="number"
              min={0}
              style={{ width: 140 }}
              placeholder={t("visitors.count")}
              aria-label={t("visitors.count")}
              value={count}
              onChange={(e) => setCount(e.target.value)}
            />
            <Button
              disabled={!date || count === "" || Number(count) < 0}
              loading={save.isPending}
              onClick={() =>
                save.mutate(
                  { shopId, date, visitors: Math.round(Number(count)) },
                  {
                    onSuccess: () => {
                      void message.success(t("visitors.saved"));
                      setCount("");
                    },
                    onError: (e) => onError(e),
                  },
                )
              }
            >
              {t("common.save")}
            </Button>
          </Flex>
        ) : null}
        <Flex wrap gap={4}>
          {(list.data?.items ?? []).map((v) => (
            <Tag key={v.date}>
              {v.date.slice(5)}: {v.visitors.toLocaleString()}
            </Tag>
          ))}
        </Flex>
      </Flex>
    </Card>
  );
}

export function ShopDataPage({ me }: { me: Me }) {
  const { t, locale } = useShopT();
  // Offer only what the server allows this person (the same decision, core/org/rights.ts).
  // The server's own table (core/orders/policy.ts through core/can.ts), asked with the same actor.
  const { can } = usePermissions(me);
  const canManage = can("shop.manage");
  const canImport = can("shop.orders.import");
  const i18n = useI18n();
  const shops = useShops();
  const [shopId, setShopId] = useState<string | undefined>();
  const [adding, setAdding] = useState(false);
  const [uploads, setUploads] = useState<Staged[]>([]);
  const [progress, setProgress] = useState<{ file: string; percent: number } | null>(null);
  const [refused, setRefused] = useState<{ file: string; text: string } | null>(null);
  const [format, setFormat] = useState("auto");
  const [preview, setPreview] = useState<Preview | null>(null);
  const history = useImports(shopId);
  const mappings = useMappings(shopId);
  const previewM = usePreview();
  const commit = useCommit();
  const rollback = useRollback();
  const onError = useApiErrors();
  const { message } = App.useApp();
  useEffect(() => {
    if (!shopId && shops.data?.items[0]) setShopId(shops.data.items[0].id);
  }, [shops.data, shopId]);
  const shop = shops.data?.items.find((s) => s.id === shopId);
  // Only the newest preview is shown: an earlier one (fewer files) may answer later.
  const previewSeq = useRef(0);
  const reset = () => {
    previewSeq.current++;
    setUploads([]);
    setPreview(null);
    setProgress(null);
    setRefused(null);
  };
  useEffect(reset, [shopId]);

  const runPreview = (ids: string[], fmt: string) => {
    if (!shopId || !ids.length) return;
    const seq = ++previewSeq.current;
    // A refused preview (a closed pay month, an unreadable file) stays on the page, not in a toast.
    const files = uploadsRef.current.map((u) => u.fileName).join(", ");
    previewM.mutate(
      { shopId, uploadIds: ids, format: fmt },
      {
        onSuccess: (p) => {
          if (seq === previewSeq.current) {
            setPreview(p);
            setRefused(null);
          }
        },
        onError: (e) => {
          if (seq === previewSeq.current) {
            setPreview(null);
            setRefused({ file: files, text: errorText(e, i18n.t, i18n.locale) });
          }
        },
      },
    );
  };
  const uploadsRef = useRef(uploads);
  uploadsRef.current = uploads;
  const formatRef = useRef(format);
  formatRef.current = format;
  useEffect(() => {
    if (uploads.length)
      runPreview(
        uploads.map((u) => u.id),
        formatRef.current,
      );
  }, [uploads]);
  const formats = useMemo(
    () => [
      { value: "auto", label: t("import.auto") },
      ...["taobao", "jd", "pdd", "douyin", "shopify", "woocommerce"].map((p) => ({
        value: p,
        label: platformLabel(p, locale),
      })),
      ...(mappings.data?.items ?? []).map((m) => ({
        value: `mapping:${m.name}`,
        label: `${t("mapping.title")}: ${m.name}`,
      })),
    ],
    [mappings.data, locale],
  );

  return (
    <Flex vertical gap={12} data-testid="shop-data">
      <Flex wrap gap={8} align="center" justify="space-between">
        <Flex wrap gap={12} align="baseline">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t("shop.title")}
          </Typography.Title>
          <Link to="/shop-data/attribution" data-testid="to-attribution">
            {attrText(locale, "nav.attribution")} →
          </Link>
        </Flex>
        <Flex gap={8} style={{ flex: "1 1 260px", justifyContent: "flex-end", minWidth: 0 }}>
          <Select
            style={{ flex: "1 1 160px", minWidth: 0, maxWidth: 360 }}
            value={shopId}
            onChange={setShopId}
            placeholder={t("shop.shop")}
            data-testid="shop-select"
            options={(shops.data?.items ?? []).map((s) => ({
              value: s.id,
              label: `${s.name} · ${platformLabel(s.platform, locale)} (${s.orders})`,
            }))}
          />
          {canManage ? (
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="shop-add">
              {t("shop.add")}
            </Button>
          ) : null}
        </Flex>
      </Flex>
      {canManage ? (
        <AddShop open={adding} onClose={() => setAdding(false)} onCreated={setShopId} />
      ) : null}
      {!canImport && !canManage ? (
        <Alert type="info" showIcon message={t("shop.readOnly")} data-testid="shop-read-only" />
      ) : null}
      {shops.data && !shops.data.items.length ? (
        <Alert type="info" showIcon message={t("shop.none")} />
      ) : null}
      {shop ? (
        <>
          {canImport ? (
            <Card
              size="small"
              title={t("import.title")}
              extra={
                uploads.length ? (
                  <Button size="small" onClick={reset}>
                    {t("import.clear")}
                  </Button>
                ) : null
              }
            >
              <Flex vertical gap={8}>
                <Upload.Dragger
                  multiple
                  showUploadList={false}
                  accept=".csv,.xlsx,.txt"
                  data-testid="upload"
                  customRequest={({ file }) => {
                    const f = file as File;
                    setProgress({ file: f.name, percent: 0 });
                    setRefused(null);
                    uploadFile(shop.id, f, (percent) => setProgress({ file: f.name, percent }))
                      // Several files upload at once: each adds itself to the latest list, and the preview follows the list.
                      .then((u) => {
                        setProgress(null);
                        setUploads((prev) => [...prev.filter((x) => x.fileName !== u.fileName), u]);
                      })
                      // A refused file (unreadable, too large, past a limit) is said on the page, in the reader's language.
                      .catch((e: unknown) => {
                        setProgress(null);
                        setRefused({ file: f.name, text: errorText(e, i18n.t, i18n.locale) });
                      });
                  }}
                >
                  <p className="ant-upload-drag-icon">
                    <InboxOutlined />
                  </p>
                  <p style={{ padding: "0 12px" }}>{t("import.hint")}</p>
                </Upload.Dragger>
                {refused ? (
                  <Alert
                    type="error"
                    showIcon
                    closable
                    onClose={() => setRefused(null)}
                    data-testid="upload-refused"
                    style={{ wordBreak: "break-word" }}
                    message={t("import.refused", { file: refused.file })}
                    description={refused.text}
                  />
                ) : null}
                {progress ? (
                  <Progress
                    percent={progress.percent}
                    size="small"
                    format={() => t("import.uploading", { file: progress.file })}
                  />
                ) : null}
                {uploads.length ? (
                  <Flex wrap gap={8} align="center">
                    {uploads.map((u) => (
                      <Tag key={u.id}>
                        {u.fileName} · {(u.size / 1024).toFixed(1)} KB
                      </Tag>
                    ))}
                    <Select
                      style={{ minWidth: 200 }}
                      value={format}
                      options={formats}
                      aria-label={t("import.format")}
                      onChange={(v) => {
                        setFormat(v);
                        runPreview(
                          uploads.map((u) => u.id),
                          v,
                        );
                      }}
                    />
                    <Button
                      loading={previewM.isPending}
                      onClick={() =>
                        runPreview(
                          uploads.map((u) => u.id),
                          format,
                        )
                      }
                    >
                      {t("import.preview")}
                    </Button>
                    <Button
                      type="primary"
                      data-testid="commit"
                      disabled={!preview || preview.errors.length > 0}
                      loading={commit.isPending}
                      onClick={() =>
                        commit.mutate(
                          { shopId: shop.id, uploadIds: uploads.map((u) => u.id), format },
                          {
                            onSuccess: (r) => {
                              void message.success(t("import.committed", { ...r }));
                              reset();
                            },
                            onError: (e) =>
                              setRefused({
                                file: uploads.map((u) => u.fileName).join(", "),
                                text: errorText(e, i18n.t, i18n.locale),
                              }),
                          },
                        )
                      }
                    >
                      {t("import.commit")}
                    </Button>
                  </Flex>
                ) : null}
                {preview ? <PreviewView preview={preview} /> : null}
              </Flex>
            </Card>
          ) : null}
          <Card size="small" title={t("history.title")}>
            <List
              size="small"
              loading={history.isPending}
              dataSource={history.data?.items ?? []}
              locale={{ emptyText: t("history.empty") }}
              data-testid="import-history"
              renderItem={(h) => (
                <List.Item
                  actions={
                    h.status === "committed" && canImport
                      ? [
                          <Popconfirm
                            key="rb"
                            title={t("history.rollbackConfirm")}
                            okText={t("history.rollback")}
                            cancelText={t("common.cancel")}
                            onConfirm={() => rollback.mutate(h.id, { onError: (e) => onError(e) })}
                          >
                            <Button size="small" danger icon={<RollbackOutlined />}>
                              {t("history.rollback")}
                            </Button>
                          </Popconfirm>,
                        ]
                      : []
                  }
                >
                  <Flex vertical gap={2} style={{ minWidth: 0 }}>
                    <Flex wrap gap={6} align="center">
                      <Typography.Text type="secondary">
                        {formatDateTime(h.createdAt, i18n.locale)}
                      </Typography.Text>
                      <Tag color={h.status === "committed" ? "green" : "default"}>
                        {t(h.status === "committed" ? "history.committed" : "history.rolledBack")}
                      </Tag>
                    </Flex>
                    <Typography.Text ellipsis>
                      {h.files.map((f) => f.file).join(", ")}
                    </Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t("history.summary", h)}
                    </Typography.Text>
                  </Flex>
                </List.Item>
              )}
            />
          </Card>
          <VisitorsCard shopId={shop.id} canEdit={canManage} />
          {canManage ? (
            <Collapse
              size="small"
              items={[
                {
                  key: "mapping",
                  label: (
                    <Flex wrap gap={4} align="center">
                      {t("mapping.title")}
                      {(mappings.data?.items ?? []).map((m) => (
                        <Tag key={m.id}>{m.name}</Tag>
                      ))}
                    </Flex>
                  ),
                  children: (
                    <Flex vertical gap={8}>
                      <Typography.Text type="secondary">{t("mapping.hint")}</Typography.Text>
                      <MappingBuilder
                        shopId={shop.id}
                        upload={uploads[uploads.length - 1] ?? null}
                        onSaved={(n) => {
                          setFormat(`mapping:${n}`);
                          runPreview(
                            uploads.map((u) => u.id),
                            `mapping:${n}`,
                          );
                        }}
                      />
                    </Flex>
                  ),
                },
              ]}
            />
          ) : null}
        </>
      ) : null}
    </Flex>
  );
}
