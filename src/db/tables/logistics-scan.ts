// Logistics part "scan" (migration 2026-12-13-123-scan): the write-back files made for the
// platforms' back ends and the lines they carried, checked against the platform's next export.

/** A write-back file: the parcels of a batch or of a date range, in one platform's layout. */
export interface WritebackFilesTable {
  workspaceId: string;
  id: string;
  shopId: string;
  platform: string;
  fileName: string;
  /** csv-gbk | csv-utf8 | xlsx */
  format: string;
  batchId: string | null;
  fromDate: string | null;
  toDate: string | null;
  lines: number;
  createdBy: string | null;
  createdAt: string;
}

/** What a write-back file told the platform about one order: its carrier (as the platform names it) and waybill. */
export interface WritebackLinesTable {
  workspaceId: string;
  fileId: string;
  lineNo: number;
  parcelId: string;
  orderId: string;
  platformOrderId: string;
  carrierId: string | null;
  carrierName: string;
  waybillNo: string;
  /** The file's time (copied so the latest line per order is found without a join). */
  sentAt: string;
}
