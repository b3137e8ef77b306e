// English strings of the logistics (物流) pages: the navigation here, each part in its own file.
import { logisticsCostEn } from "./logistics-cost.en";
import { logisticsPeopleEn } from "./logistics-people.en";
import { logisticsQueueEn } from "./logistics-queue.en";
import { logisticsRatesEn } from "./logistics-rates.en";
import { logisticsScanEn } from "./logistics-scan.en";

export const logisticsEn = {
  "nav.logistics": "Logistics",
  "nav.logistics.queue": "To ship",
  "nav.logistics.batches": "Batches",
  "nav.logistics.pack": "Pack station",
  "nav.logistics.skus": "SKU locations",
  "logistics.skus.intro":
    "Where each SKU sits, printed on the pick list, and what one piece weighs, for costing parcels that were not weighed.",
  "logistics.skus.search": "SKU starts with…",
  "logistics.skus.add": "Add a SKU",
  "logistics.skus.edit": "SKU {sku}",
  "logistics.skus.sku": "SKU",
  "logistics.skus.skuRequired": "Enter the SKU",
  "logistics.skus.location": "Location",
  "logistics.skus.weight": "Weight of one piece",
  "logistics.skus.updated": "Changed",
  "logistics.skus.change": "Change",
  "logistics.skus.clear": "Clear",
  "logistics.skus.more": "More",
  "logistics.skus.empty": "No SKU has a location or weight yet",
  "nav.logistics.rates": "Carriers & rates",
  "nav.logistics.bills": "Carrier bills",
  "nav.logistics.dashboard": "Logistics dashboard",
  ...logisticsQueueEn,
  ...logisticsScanEn,
  ...logisticsRatesEn,
  ...logisticsCostEn,
  ...logisticsPeopleEn,
} as const;
