// Logistics (物流): carriers, rate cards, parcels and their batches, scans, carrier bills and the
// per-shop write-back templates. Money is integer fen; weights integer grams; sizes integer mm;
// instants UTC text; dates YYYY-MM-DD. JSON columns are text (the same on both databases).
import type { Generated } from "kysely";

/** A carrier of the workspace, seeded with the common Chinese carriers and editable. */
export interface CarriersTable {
  workspaceId: string;
  id: string;
  /** The workspace's code for it: the Cainiao code for the seeded ones (SF, ZTO, YTO, …). */
  code: string;
  name: string;
  /** JSON `Record<system, string>`: its code or name in each system (cainiao, kdniao, kuaidi100, taobao, jd, pdd, douyin, shopify, woocommerce). */
  codes: string;
  /** JSON array of other names files and people use for it (顺丰, SF Express, …). */
  aliases: string;
  /** JSON array of platforms it may ship for; null = any. */
  platforms: string | null;
  active: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A rate card of one carrier contract, valid from a date until the next card of that carrier. */
export interface RateCardsTable {
  workspaceId: string;
  id: string;
  carrierId: string;
  validFrom: string;
  /** JSON `dayclear.rate-card/v1` body: settings, zones (provinces) and their weight bands. */
  card: string;
  /** The card's current revision (rate_card_revisions): moves when its content is replaced. */
  revision: Generated<number>;
  createdBy: string | null;
  createdAt: string;
}

/**
 * Every content a rate card has had, by revision: what a parcel's stored cost formula names
 * (src/core/logistics/cost-inputs.ts). Never changed; kept when the card is deleted.
 */
export interface RateCardRevisionsTable {
  workspaceId: string;
  cardId: string;
  revision: number;
  card: string;
  createdAt: string;
}

/** Per-SKU facts the packers need: where it sits and what it weighs (for estimated weights). */
export interface SkuSettingsTable {
  workspaceId: string;
  sku: string;
  location: string | null;
  weightG: number | null;
  updatedAt: string;
}

/** A wave of parcels picked, packed and handed over together. */
export interface ShipBatchesTable {
  workspaceId: string;
  id: string;
  /** Display number, e.g. B20261207-01 (unique per workspace). */
  number: string;
  status: "open" | "printed" | "handed_over";
  createdBy: string | null;
  createdAt: string;
  printedAt: string | null;
  handedOverAt: string | null;
  version: number;
}

/** A parcel: one or more orders of one shop to one recipient, or part of an order (split). */
export interface ParcelsTable {
  workspaceId: string;
  id: string;
  shopId: string;
  batchId: string | null;
  status: "open" | "packed" | "shipped" | "cancelled";
  carrierId: string | null;
  waybillNo: string | null;
  /** How the waybill number came: scanned at the pack station, typed, or imported from a file. */
  waybillSource: "scan" | "typed" | "import" | null;
  weightG: number | null;
  weightSource: "scale" | "typed" | "import" | "estimate" | null;
  lengthMm: number | null;
  widthMm: number | null;
  heightMm: number | null;
  province: string | null;
  packedBy: string | null;
  packedAt: string | null;
  shippedAt: string | null;
  /** Computed cost and the rate card it came from; formula is a stored message (like a pay line). */
  costFen: number | null;
  costCardId: string | null;
  costFormula: string | null;
  /** When a write-back file last carried this parcel (the platform's next export must agree). */
  exportedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** The orders a parcel carries. */
export interface ParcelOrdersTable {
  workspaceId: string;
  parcelId: string;
  orderId: string;
}

/** The order lines (and how many of each) a parcel carries. */
export interface ParcelItemsTable {
  workspaceId: string;
  parcelId: string;
  orderId: string;
  lineNo: number;
  quantity: number;
}

/** Every scan at the pack station, with what it led to (per-parcel time and wrong shipments come from here). */
export interface ScanEventsTable {
  workspaceId: string;
  id: string;
  memberId: string;
  at: string;
  code: string;
  parcelId: string | null;
  outcome: string;
  /** A stored message: what the packer was told. */
  message: string;
  /**
   * slip | waybill | typed (migration 123): a parcel shipped at the pack station is step waybill,
   * outcome ok; return: a return parcel's waybill scanned (its after-sales cases received).
   */
  step: "slip" | "waybill" | "typed" | "return";
}

/** Saved column mappings for logistics files (tracking numbers, carrier bills) and write-back templates per shop. */
export interface LogisticsMappingsTable {
  workspaceId: string;
  id: string;
  kind: "tracking" | "bill" | "writeback";
  shopId: string | null;
  platform: string | null;
  name: string;
  mapping: string; // JSON
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** An imported carrier bill (对账单). */
export interface CarrierBillsTable {
  workspaceId: string;
  id: string;
  carrierId: string;
  fileName: string;
  period: string | null;
  lines: number;
  billedFen: number;
  computedFen: number;
  createdBy: string | null;
  createdAt: string;
  /** Grams the carrier's weight may differ from ours before a line counts as re-weighed (migration 124). */
  toleranceG: number;
  /** How the file was read: utf-8, utf-8-bom, gb18030 or xlsx (migration 124). */
  encoding: string | null;
}

/** One waybill line of a carrier bill, matched against the parcel's computed cost. */
export interface CarrierBillLinesTable {
  workspaceId: string;
  billId: string;
  lineNo: number;
  waybillNo: string;
  weightG: number | null;
  feeFen: number;
  parcelId: string | null;
  computedFen: number | null;
  /** ok | reweighed | overcharged | undercharged | unknown | duplicate | not_costed (core/logistics/reconcile.ts) */
  status: string;
  /** The parcel's weight, grams, when the line was reconciled (migration 124). */
  ourWeightG: number | null;
  /** Rows of the file added up into this line (the same waybill on several rows). */
  fileRows: number;
  /** The earlier bill that already charged this parcel (status duplicate). */
  duplicateOf: string | null;
}

/** The workspace's logistics settings. */
export interface LogisticsSettingsTable {
  workspaceId: string;
  /** Seconds per parcel when set; null = learned from the scan history (else a default). */
  parcelSeconds: number | null;
  version: number;
  updatedAt: string;
}
