// English texts of the customers area (客户: the list, the customer page, RFM with its cut-offs,
// dormant customers and their export, the `dayclear customers` commands). The segment, class and
// definition texts the pure core renders are in aftersales-core.en.ts (customers.segment.*, …).
export const CUSTOMERS_EN = {
  "customers.read_forbidden":
    "Customers are for the owner and the people of an operations or customer-service department.",
  "customers.export_forbidden":
    "Exporting customers is for the owner and the leads of an operations or customer-service department.",
  "customers.export_too_large":
    "The list has {count} customers; an export holds at most {max}: choose more days.",
  "customers.not_found": "No such customer in this workspace.",
  "customers.shop_required": "Choose a shop: customers are counted per shop.",
  "customers.identity.buyer_id": "buyer account",
  "customers.identity.email": "email",
  "customers.identity.phone": "phone (a hash of the masked number)",
  "customers.identity.address": "recipient and address (a hash of what the export shows)",
  "customers.identity.order": "no buyer identity: the order alone",
  "customers.rfm.window": "Window {from}…{to} ({days} days), {customers} customers with an order",
  // The dormant export's columns
  "customers.export.customer": "Customer",
  "customers.export.display": "Buyer (as the platform shows it)",
  "customers.export.last_order": "Last order",
  "customers.export.days_since": "Days since",
  "customers.export.orders": "Orders",
  "customers.export.spend": "Spend",
  "customers.export.refunds": "Refunds",
  // dayclear customers rfm / dormant
  "cli.customers.no_shop": 'No shop named "{shop}" in this workspace',
  "cli.customers.number.invalid": "{flag} takes a whole number from {min} to {max}, got {got}",
  "cli.customers.rfm.heading":
    "{shop}: RFM of {customers} customers, orders paid {from}…{to} ({days} days), as of {asOf}",
  "cli.customers.rfm.cutoffs":
    "Cut-offs — R (days since the last order): {r}; F (orders): {f}; M (spend): {m}",
  "cli.customers.rfm.none": "No paid orders in the window: nothing to score.",
  "cli.customers.rfm.cells": "R {r} × F {f}",
  "cli.customers.rfm.progress": "reading the orders and scoring the customers",
  "cli.customers.dormant.heading":
    "{shop}: {count} dormant customers (no order for {days} days or more: the last order on or before {lastDate})",
  "cli.customers.dormant.written": "{count} dormant customers written to {file}",
} as const satisfies Record<string, string>;
