// The write-back file a platform's back end takes to mark orders shipped: the shop, its platform's
// layout, and a batch or the days shipped; the file downloads at once and stays in the list. Below,
// the check of the platform's next export against what was sent.
import { DownloadOutlined } from "@ant-design/icons";
import { Alert, DatePicker, Flex, Form, Radio, Select, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { FormModal } from "../../../components/FormModal";
import { useI18n } from "../../../i18n";
import { useShops } from "../../shop-data/api";
import { platformLabel } from "../../shop-data/labels";
import { useBatches } from "../queue/api";
import {
  useCreateWriteback,
  writebackHref,
  type WritebackBody,
  type WritebackFile,
} from "./scanApi";
import { WritebackCheck } from "./WritebackCheck";

const PLATFORMS = ["taobao", "jd", "pdd", "douyin", "shopify", "woocommerce"] as const;

interface Values {
  shop: string;
  platform: WritebackBody["platform"];
  scope: "range" | "batch";
  range?: [Dayjs, Dayjs];
  batch?: string;
}

function download(id: string) {
  const a = document.createElement("a");
  a.href = writebackHref(id);
  a.download = "";
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/**
 * Mountable elsewhere too: BatchPage can pass `defaults={{ batch: id }}` (the batch preselected),
 * QueuePage a shop.
 */
export function WritebackDialog({
  open,
  onClose,
  defaults,
}: {
  open: boolean;
  onClose: () => void;
  defaults?: { shop?: string; batch?: string };
}) {
  const { t } = useI18n();
  const shops = useShops();
  const batches = useBatches();
  const create = useCreateWriteback();
  const [made, setMade] = useState<WritebackFile | null>(null);
  const [shop, setShop] = useState<string | undefined>();
  const [scope, setScope] = useState<Values["scope"]>(defaults?.batch ? "batch" : "range");
  const shopItems = shops.data?.items ?? [];
  const close = () => {
    setMade(null);
    onClose();
  };
  const first =
    shopItems.find((s) => s.id === defaults?.shop) ??
    (shopItems.length === 1 ? shopItems[0] : undefined);
  return (
    <FormModal<Values, WritebackFile>
      open={open}
      title={t("logistics.scan.writeback.title")}
      onClose={close}
      keepOpen
      width={760}
      initialValues={{
        shop: first?.id,
        platform: PLATFORMS.find((p) => p === first?.platform),
        scope: defaults?.batch ? "batch" : "range",
        range: [dayjs(), dayjs()],
        batch: defaults?.batch,
      }}
      okText={t("logistics.scan.writeback.ok")}
      testId="writeback-dialog"
      okTestId="writeback-ok"
      fieldMap={{ from: "range", to: "range" }}
      onValuesChange={(changed, all, form) => {
        if (changed.shop) {
          setShop(changed.shop);
          const p = shopItems.find((s) => s.id === changed.shop)?.platform;
          const known = PLATFORMS.find((x) => x === p);
          if (known) form.setFieldValue("platform", known);
        }
        if (changed.scope) setScope(all.scope);
      }}
      onSubmit={(v) =>
        create.mutateAsync({
          shop: v.shop,
          platform: v.platform,
          ...(v.scope === "batch"
            ? { batch: v.batch }
            : { from: v.range?.[0].format("YYYY-MM-DD"), to: v.range?.[1].format("YYYY-MM-DD") }),
        })
      }
      onSuccess={(f) => {
        setMade(f);
        download(f.id);
      }}
    >
      <Form.Item name="shop" label={t("logistics.scan.shop")} rules={[{ required: true }]}>
        <Select
          options={shopItems.map((s) => ({ value: s.id, label: s.name }))}
          data-testid="writeback-shop"
        />
      </Form.Item>
      <Form.Item
        name="platform"
        label={t("logistics.scan.writeback.platform")}
        rules={[{ required: true }]}
      >
        <Select
          options={PLATFORMS.map((p) => ({ value: p, label: platformLabel(t, p) }))}
          data-testid="writeback-platform"
        />
      </Form.Item>
      <Form.Item name="scope">
        <Radio.Group
          optionType="button"
          options={[
            { value: "range", label: t("logistics.scan.writeback.range") },
            { value: "batch", label: t("logistics.scan.writeback.batch") },
          ]}
        />
      </Form.Item>
      {scope === "batch" ? (
        <Form.Item
          name="batch"
          label={t("logistics.scan.writeback.batch")}
          rules={[{ required: true }]}
        >
          <Select
            showSearch
            options={(batches.data?.pages ?? [])
              .flatMap((p) => p.items)
              .map((b) => ({ value: b.id, label: b.number }))}
            data-testid="writeback-batch"
          />
        </Form.Item>
      ) : (
        <Form.Item
          name="range"
          label={t("logistics.scan.writeback.days")}
          rules={[{ required: true }]}
        >
          <DatePicker.RangePicker style={{ width: "100%" }} data-testid="writeback-range" />
        </Form.Item>
      )}
      {/* The file made and the check below it, apart (on a phone they ran into each other). */}
      <Flex vertical gap={16}>
        {made ? (
          <Alert
            type="success"
            showIcon
            data-testid="writeback-made"
            message={t("logistics.scan.writeback.made", { lines: made.lines, file: made.fileName })}
            description={
              <Typography.Link href={writebackHref(made.id)} download>
                <DownloadOutlined /> {made.fileName}
              </Typography.Link>
            }
          />
        ) : null}
        <WritebackCheck shop={shop ?? first?.id} />
      </Flex>
    </FormModal>
  );
}
