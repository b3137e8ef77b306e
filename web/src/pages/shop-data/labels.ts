// A shop's platform and an order's status in the page's language (the app's dictionary,
// i18n/shop.*.ts); a value the dictionary does not know shows as it is.
import type { Body, Item, Query } from "../../api/contract";
import type { Translate } from "../../i18n";

export type Platform = Body<"createShop">["platform"];
type Status = NonNullable<Query<"listOrders">["status"]>;

/** The platforms a shop can be on, in the order the add-shop dialog offers them. */
export const PLATFORMS = [
  "taobao",
  "jd",
  "pdd",
  "douyin",
  "shopify",
  "woocommerce",
  "custom",
] as const satisfies readonly Platform[];
const STATUSES = [
  "unpaid",
  "paid",
  "shipped",
  "completed",
  "refunded",
  "cancelled",
] as const satisfies readonly Status[];

const isOneOf = <T extends string>(list: readonly T[], v: string): v is T =>
  (list as readonly string[]).includes(v);

export const platformLabel = (t: Translate, p: string): string =>
  isOneOf(PLATFORMS, p) ? t(`shop.platforms.${p}`) : p;

/** The canonical order status (the raw platform status is kept on the order). */
export const statusLabel = (t: Translate, s: string): string =>
  isOneOf(STATUSES, s) ? t(`shop.orderStatus.${s}`) : s;

type Counts = Pick<
  Item<"listShopImports">,
  "orders" | "lineItems" | "created" | "updated" | "skipped" | "refunds" | "visitorDays"
>;
/** The figures an import's summary line names ({orders}, {created} …), for t(). */
export const importCounts = (r: Counts): Counts => ({
  orders: r.orders,
  lineItems: r.lineItems,
  created: r.created,
  updated: r.updated,
  skipped: r.skipped,
  refunds: r.refunds,
  visitorDays: r.visitorDays,
});

/** A choice in a select (a shop, a member). */
export interface Option {
  value: string;
  label: string;
}
