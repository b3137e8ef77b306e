// 待发货: the paid, unshipped orders by ship-by time with a countdown, filters, merge proposals, and
// the packer's actions — parcels (one per order, or merged), splits, undo, a batch to print. The
// owner and the 物流 leads see the next packing day's load here first: who is short of packing time.
import { App, Button, Space, Typography } from "antd";
import { useMemo, useState } from "react";
import { useNavigate, useSearchParams } from "react-router-dom";
import { useApiErrors } from "../../components/errors";
import { useI18n } from "../../i18n";
import { useMe } from "../../me";
import { PackingLoadCard } from "./people/PackingLoadCard";
import {
  fetchParcelVersion,
  useCreateBatch,
  useCreateParcels,
  useQueue,
  useQueueSummary,
  useUndoParcel,
  type QueueFilter,
  type QueueItem,
} from "./queue/api";
import { MergeProposals } from "./queue/MergeProposals";
import { QueueFilters } from "./queue/QueueFilters";
import { QueueList } from "./queue/QueueList";
import { SplitDialog } from "./queue/SplitDialog";
import { useServerNow } from "./queue/time";

const FILTER_KEYS = ["shopId", "platform", "province", "carrierId", "sku", "memo"] as const;

/** The filters live in the address, so a link or a reload keeps them. */
function useFilterParams(): [QueueFilter, (f: QueueFilter) => void] {
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => {
    const f: QueueFilter = {};
    for (const k of FILTER_KEYS) {
      const v = params.get(k);
      if (v) f[k] = v;
    }
    if (params.get("overdue") === "true") f.overdue = true;
    const p = params.get("inParcel");
    if (p === "true" || p === "false") f.inParcel = p === "true";
    return f;
  }, [params]);
  const set = (f: QueueFilter) =>
    setParams(
      Object.fromEntries(
        Object.entries(f)
          .filter(([, v]) => v !== undefined && v !== "")
          .map(([k, v]) => [k, String(v)]),
      ),
      { replace: true },
    );
  return [filter, set];
}

export function QueuePage() {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const showError = useApiErrors();
  const navigate = useNavigate();
  const { can } = useMe();
  const canPack = can("logistics.pack");
  const lead = can("logistics.manage");
  const [filter, setFilter] = useFilterParams();
  const [selected, setSelected] = useState<string[]>([]);
  const [splitting, setSplitting] = useState<QueueItem | null>(null);
  const summary = useQueueSummary();
  const queue = useQueue(filter);
  const items = queue.data?.pages.flatMap((p) => p.items) ?? [];
  const now = useServerNow(queue.data?.pages[0]?.now);
  const createParcels = useCreateParcels();
  const createBatch = useCreateBatch();
  const undo = useUndoParcel();

  const done = (text: string) => {
    setSelected([]);
    message.success(text);
  };
  const makeParcels = (merge: boolean) =>
    createParcels
      .mutateAsync({ orderIds: selected, merge })
      .then((r) => done(t("logistics.queue.parcelsMade", { count: r.items.length })))
      .catch((e: unknown) => showError(e));
  const makeBatch = () =>
    createBatch
      .mutateAsync({ orderIds: selected })
      .then((b) => {
        done(t("logistics.queue.batchMade", { number: b.number }));
        void navigate(`/logistics/batches/${b.id}`);
      })
      .catch((e: unknown) => showError(e));
  const undoParcel = (o: QueueItem) => {
    const p = o.parcels[0];
    if (!p) return;
    modal.confirm({
      title: t("logistics.queue.undo"),
      content: o.platformOrderId,
      onOk: () =>
        // The version comes with the parcel: a parcel someone else changed answers 409.
        fetchParcelVersion(p.id)
          .then((version) => undo.mutateAsync({ id: p.id, version }))
          .then(() => message.success(t("logistics.queue.undone")))
          .catch((e: unknown) => showError(e)),
    });
  };

  const s = summary.data;
  return (
    <Space direction="vertical" size={12} style={{ width: "100%" }} data-testid="queue-page">
      <div>
        <Typography.Title level={4} style={{ marginBottom: 0 }}>
          {t("logistics.queue.title")}
        </Typography.Title>
        {s && (
          <Typography.Text type={s.overdue ? "danger" : "secondary"} data-testid="queue-summary">
            {t("logistics.queue.summary", {
              orders: s.orders,
              overdue: s.overdue,
              dueToday: s.dueToday,
            })}
          </Typography.Text>
        )}
      </div>
      {lead && <PackingLoadCard />}
      <QueueFilters value={filter} onChange={setFilter} summary={s} />
      <MergeProposals shopId={filter.shopId} canPack={canPack} />
      {canPack && selected.length > 0 && (
        <Space wrap data-testid="queue-actions">
          <Typography.Text>
            {t("logistics.queue.selected", { count: selected.length })}
          </Typography.Text>
          <Button onClick={() => void makeParcels(false)} loading={createParcels.isPending}>
            {t("logistics.queue.makeParcels")}
          </Button>
          {selected.length > 1 && (
            <Button onClick={() => void makeParcels(true)} loading={createParcels.isPending}>
              {t("logistics.queue.merge")}
            </Button>
          )}
          <Button
            type="primary"
            onClick={() => void makeBatch()}
            loading={createBatch.isPending}
            data-testid="queue-make-batch"
          >
            {t("logistics.queue.makeBatch")}
          </Button>
        </Space>
      )}
      <QueueList
        items={items}
        now={now}
        selected={selected}
        onSelect={setSelected}
        actions={{ canPack, onSplit: setSplitting, onUndo: undoParcel }}
      />
      {queue.hasNextPage && (
        <Button block onClick={() => void queue.fetchNextPage()} loading={queue.isFetchingNextPage}>
          {t("logistics.queue.more")}
        </Button>
      )}
      <SplitDialog order={splitting} onClose={() => setSplitting(null)} />
    </Space>
  );
}
