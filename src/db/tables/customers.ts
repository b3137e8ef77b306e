// Stored RFM snapshots (migration 2026-12-16-420-customer-rfm; docs/CUSTOMERS.md "Stored RFM").
// JSON text; dates YYYY-MM-DD in the workspace's time zone; instants ISO UTC text.

/** One RFM computation of a shop for a window and an analysis date, kept until the orders change. */
export interface CustomerRfmSnapshotsTable {
  workspaceId: string;
  shopId: string;
  windowDays: number;
  asOf: string;
  /** What the shop's orders were when computed (customers.repository.ts `ordersStamp`). */
  ordersStamp: string;
  /** Customers scored. */
  customers: number;
  /** core/customers/rfm.ts RfmStats: the cut-offs and centres every customer is scored against. */
  stats: string;
  /** The RFM map the endpoint and the CLI answer (customers.service.ts `rfmReport`). */
  report: string;
  computedAt: string;
}
