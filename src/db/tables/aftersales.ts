// After-sales (migration 2026-12-14-230-aftersales; docs/AFTERSALES.md). Money is integer fen;
// instants ISO UTC text; the platform's own codes are kept as written beside ours.

/** A case (售后单): one per (shop, case key); re-imports update it in place. */
export interface AftersalesCasesTable {
  workspaceId: string;
  id: string;
  shopId: string;
  /** taobao | jd | pdd | douyin | shopify | woocommerce | custom (the shop's platform). */
  platform: string;
  /**
   * The case's identity in the shop: the platform's case id (退款编号 / 售后编号 / 服务单号 / return
   * id) — the same from a refund export and an after-sales export —, `order:<order key>` for a
   * refund only an order export carried, `manual:<id>` for a case opened by hand.
   */
  caseKey: string;
  /** The platform's case id as shown (null for cases the platform has no id for). */
  platformCaseId: string | null;
  /** refund (a refund record) | order (an order's refund column or 售后状态) | import | manual */
  source: string;
  orderId: string | null;
  /** The order number as the source named it (links when the order arrives later). */
  platformOrderId: string | null;
  /** The buyer as the orders know them (customers.customer_key), copied from the order. */
  customerKey: string | null;
  /** Ours: core/aftersales/cases.ts CASE_TYPES. */
  type: string;
  /** The platform's own type code or text, as written. */
  platformType: string | null;
  /** Ours: core/aftersales/cases.ts CASE_STATES. */
  state: string;
  /** refunded | exchanged | reshipped | rejected when resolved. */
  resolution: string | null;
  /** The platform's own state code or text, as written. */
  platformState: string | null;
  reason: string | null;
  /** core/aftersales/reasons.ts REASON_CODES. */
  reasonCode: string | null;
  currency: string;
  /** What the buyer asked for (0 when the case is not about money). */
  requestedFen: number;
  /** What was refunded (or agreed), null until known. */
  refundFen: number | null;
  returnCarrier: string | null;
  returnWaybill: string | null;
  /** passed | failed once the returned goods were inspected. */
  inspection: string | null;
  inspectionNote: string | null;
  assigneeMemberId: string | null;
  /** When the buyer opened the case (the platform's time), the SLA clocks' start. */
  openedAt: string;
  firstResponseAt: string | null;
  decidedAt: string | null;
  /** Resolved or closed. */
  resolvedAt: string | null;
  /** The current step's deadline as the platform gave it (Taobao timeout, Douyin status_deadline). */
  platformDeadlineAt: string | null;
  /** The earliest deadline known for the case (the platform's until SLA policies compute theirs): the queue's order. */
  dueAt: string | null;
  /**
   * SLA clocks (comma-separated: firstResponse, decision) whose step was taken on the platform
   * before Dayclear saw the case, at a time its source did not give: not measured. Null: none.
   */
  slaUnmeasured: string | null;
  /** The source row, header → cell (JSON), for audit and re-reading. */
  raw: string | null;
  importId: string | null;
  version: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The order lines a case is about. */
export interface AftersalesCaseLinesTable {
  workspaceId: string;
  caseId: string;
  lineNo: number;
  /** The order's line (order_items.line_no) when matched. */
  orderLineNo: number | null;
  title: string;
  sku: string | null;
  quantity: number;
  amountFen: number | null;
}

/** Who did what when: a message (code and params, JSON) per event. */
export interface AftersalesCaseEventsTable {
  workspaceId: string;
  id: string;
  caseId: string;
  at: string;
  /** Null: the system (an import, the order sync). */
  actorMemberId: string | null;
  /** created | transition | assigned | imported | note | updated */
  kind: string;
  fromState: string | null;
  toState: string | null;
  message: string;
}

/** An interval the case waited for the buyer (the SLA clocks pause); `endedAt` null while waiting. */
export interface AftersalesCasePausesTable {
  workspaceId: string;
  caseId: string;
  startedAt: string;
  endedAt: string | null;
}

/** The workspace's own entry of a platform's code map (tried before the built-in table). */
export interface AftersalesCodeMapsTable {
  workspaceId: string;
  platform: string;
  /** type | state */
  kind: string;
  /** Normalised (core/aftersales/platform-codes.ts normalizeCode). */
  code: string;
  /** A case type (or refund_only), or a state. */
  target: string;
  /** For a state `resolved`: refunded | exchanged | reshipped | rejected | success. */
  outcome: string | null;
  updatedBy: string | null;
  updatedAt: string;
}

/** A saved layout of an after-sales file (`--format mapping:NAME`). */
export interface AftersalesMappingsTable {
  workspaceId: string;
  id: string;
  name: string;
  /** JSON CaseMapping (core/aftersales/case-file.ts). */
  mapping: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A committed after-sales import. */
export interface AftersalesImportsTable {
  workspaceId: string;
  id: string;
  shopId: string;
  format: string;
  /** JSON [{file, profile, rows}] */
  files: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** JSON ImportWarning[] */
  warnings: string;
  createdBy: string | null;
  createdAt: string;
}

/** The workspace's after-sales rules (one row; absent = the defaults). */
export interface AftersalesSettingsTable {
  workspaceId: string;
  /** Returned goods are inspected before they are refunded (0/1). */
  inspectBeforeRefund: number;
  version: number;
  updatedAt: string;
}

/** An order import whose refunds have been turned into cases. */
export interface AftersalesOrderSyncsTable {
  workspaceId: string;
  importId: string;
  created: number;
  updated: number;
  syncedAt: string;
}
