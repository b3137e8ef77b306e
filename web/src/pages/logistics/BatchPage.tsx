// One batch: its parcels and counts, its paper (pick list, slips on A4 or 100×150 mm labels, the
// hand-over manifest), and marking it printed and handed over.
import { App, Button, Grid, List, Space, Table, Tag, Tooltip, Typography } from "antd";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { useApiErrors } from "../../components/errors";
import { useI18n } from "../../i18n";
import { renderMessage } from "../../i18n/messages";
import { useMe } from "../../me";
import { BatchStatusTag } from "./BatchesPage";
import { askForPaperEarly, useBatch, useMarkBatch, type Batch } from "./queue/api";
import { BatchPrint } from "./queue/BatchPrint";
import type { PrintDoc } from "./queue/PrintSheets";

// Opened on a print sheet (?print=…), its data is asked for now, while the app draws around it.
askForPaperEarly(window.location);

type ParcelRow = Batch["parcels"][number];
const DOCS: PrintDoc[] = ["pick", "slips", "labels", "manifest"];

export function BatchPage() {
  const { id = "" } = useParams();
  const { t, locale } = useI18n();
  const { message, modal } = App.useApp();
  const showError = useApiErrors();
  const phone = !Grid.useBreakpoint().md;
  const canPack = useMe().can("logistics.pack");
  const [params, setParams] = useSearchParams();
  const doc = DOCS.find((d) => d === params.get("print"));
  const batch = useBatch(id, !doc);
  const mark = useMarkBatch(id);
  const b = batch.data;
  // A sheet to print does not wait for the batch's own page (2,000 parcels are its longest read).
  if (doc) return <BatchPrint batchId={id} doc={doc} onClose={() => setParams({})} />;
  if (!b) return <Typography.Text type="secondary">…</Typography.Text>;

  const status = (p: ParcelRow) => (
    <Tag color={p.status === "shipped" ? "green" : p.status === "packed" ? "blue" : undefined}>
      {t(`logistics.queue.parcelStatus.${p.status}`)}
    </Tag>
  );
  // The rate card's cost; how it was worked out (or why there is none) on hover, like a pay line.
  const cost = (p: ParcelRow) => {
    const text = p.cost === null ? "—" : `¥${p.cost}`;
    return p.costFormula ? (
      <Tooltip title={renderMessage(locale === "en" ? "en" : "zh-CN", p.costFormula)}>
        <Typography.Text underline={p.cost !== null} data-testid="parcel-cost">
          {text}
        </Typography.Text>
      </Tooltip>
    ) : (
      <span data-testid="parcel-cost">{text}</span>
    );
  };
  const markAs = (to: "printed" | "handed-over") =>
    mark.mutateAsync({ version: b.version, to }).catch((e: unknown) => showError(e));
  const handOver = () =>
    modal.confirm({
      title: t("logistics.queue.batch.handOver"),
      content: t("logistics.queue.batch.handOverConfirm", { number: b.number }),
      onOk: () =>
        markAs("handed-over").then(() =>
          message.success(t("logistics.queue.batch.status.handed_over")),
        ),
    });
  const printButton = (d: PrintDoc, key: Parameters<typeof t>[0]) => (
    <Button key={d} onClick={() => setParams({ print: d })} data-testid={`print-${d}`}>
      {t(key)}
    </Button>
  );
  return (
    <Space direction="vertical" size={12} style={{ width: "100%" }} data-testid="batch-page">
      <Space wrap align="center">
        <Link to="/logistics/batches">{t("logistics.queue.batches.title")}</Link>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {b.number}
        </Typography.Title>
        <BatchStatusTag status={b.status} />
      </Space>
      <Typography.Text type="secondary">
        {t("logistics.queue.batch.counts", {
          parcels: b.counts.parcels,
          pieces: b.counts.pieces,
          shipped: b.counts.shipped,
        })}
      </Typography.Text>
      <Space wrap>
        {printButton("pick", "logistics.queue.batch.printPick")}
        {printButton("slips", "logistics.queue.batch.printSlips")}
        {printButton("labels", "logistics.queue.batch.printLabels")}
        {printButton("manifest", "logistics.queue.batch.printManifest")}
      </Space>
      {canPack && b.status !== "handed_over" && (
        <Space wrap>
          <Button
            onClick={() => void markAs("printed")}
            loading={mark.isPending}
            data-testid="batch-printed"
          >
            {t("logistics.queue.batch.markPrinted")}
          </Button>
          <Button
            type="primary"
            onClick={handOver}
            disabled={b.counts.shipped === 0}
            data-testid="batch-hand-over"
          >
            {t("logistics.queue.batch.handOver")}
          </Button>
        </Space>
      )}
      {phone ? (
        <List
          dataSource={b.parcels}
          rowKey="id"
          renderItem={(p) => (
            <List.Item extra={status(p)}>
              <List.Item.Meta
                title={p.platformOrderIds.join("、")}
                description={
                  <>
                    {`${p.recipient ?? ""} · ${p.province ?? ""} · ${p.pieces}${p.waybillNo ? ` · ${p.waybillNo}` : ""} · `}
                    {cost(p)}
                  </>
                }
              />
            </List.Item>
          )}
        />
      ) : (
        <Table<ParcelRow>
          rowKey="id"
          size="small"
          dataSource={b.parcels}
          pagination={b.parcels.length > 100 ? { pageSize: 100 } : false}
          columns={[
            {
              title: t("logistics.queue.col.order"),
              key: "o",
              render: (_, p) => p.platformOrderIds.join("、"),
            },
            {
              title: t("logistics.queue.col.recipient"),
              key: "r",
              render: (_, p) => `${p.recipient ?? ""} ${p.province ?? ""}`,
            },
            { title: t("logistics.queue.pick.quantity"), dataIndex: "pieces" },
            {
              title: t("logistics.queue.filter.carrier"),
              key: "c",
              render: (_, p) => p.carrierName ?? "",
            },
            {
              title: t("logistics.queue.manifest.waybill"),
              key: "w",
              render: (_, p) => p.waybillNo ?? "",
            },
            {
              title: t("logistics.rates.fee"),
              key: "cost",
              align: "right",
              render: (_, p) => cost(p),
            },
            {
              title: t("logistics.queue.batches.col.status"),
              key: "s",
              render: (_, p) => status(p),
            },
          ]}
        />
      )}
    </Space>
  );
}
