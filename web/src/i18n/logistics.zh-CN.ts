// 物流页面的中文文案：导航在此，各部分在各自的文件里；键与 logistics.en.ts 一致。
import type { logisticsEn } from "./logistics.en";
import { logisticsCostZhCN } from "./logistics-cost.zh-CN";
import { logisticsPeopleZhCN } from "./logistics-people.zh-CN";
import { logisticsQueueZhCN } from "./logistics-queue.zh-CN";
import { logisticsRatesZhCN } from "./logistics-rates.zh-CN";
import { logisticsScanZhCN } from "./logistics-scan.zh-CN";

export const logisticsZhCN: Record<keyof typeof logisticsEn, string> = {
  "nav.logistics": "物流",
  "nav.logistics.queue": "待发货",
  "nav.logistics.batches": "波次",
  "nav.logistics.pack": "打包台",
  "nav.logistics.skus": "库位与重量",
  "logistics.skus.intro":
    "每个 SKU 放在哪里（打印在拣货单上），以及单件重量（未称重的包裹按它估算运费）。",
  "logistics.skus.search": "SKU 开头为…",
  "logistics.skus.add": "添加 SKU",
  "logistics.skus.edit": "SKU {sku}",
  "logistics.skus.sku": "SKU",
  "logistics.skus.skuRequired": "请输入 SKU",
  "logistics.skus.location": "库位",
  "logistics.skus.weight": "单件重量",
  "logistics.skus.updated": "修改时间",
  "logistics.skus.change": "修改",
  "logistics.skus.clear": "清除",
  "logistics.skus.more": "更多",
  "logistics.skus.empty": "还没有 SKU 设置库位或重量",
  "nav.logistics.rates": "快递与运费",
  "nav.logistics.bills": "快递对账",
  "nav.logistics.dashboard": "物流看板",
  ...logisticsQueueZhCN,
  ...logisticsScanZhCN,
  ...logisticsRatesZhCN,
  ...logisticsCostZhCN,
  ...logisticsPeopleZhCN,
};
