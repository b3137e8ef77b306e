// Who a buyer is, as the shop chose to identify them. Platforms mask buyer data, so phone and
// address identities are hashes of what the export shows (masked digits make them weaker).
import { createHash } from "node:crypto";
import type { ParsedOrder } from "../../core/orders/index.js";

export const CUSTOMER_IDENTITIES = ["buyer_id", "email", "phone", "address"] as const;
export type CustomerIdentity = (typeof CUSTOMER_IDENTITIES)[number];

/** A shop's identity until it chooses one: the email on Shopify and WooCommerce, else the buyer id. */
export const defaultIdentity = (platform: string): CustomerIdentity =>
  platform === "shopify" || platform === "woocommerce" ? "email" : "buyer_id";

const hash = (s: string) => createHash("sha256").update(s).digest("hex").slice(0, 24);

function keyBy(kind: CustomerIdentity, o: ParsedOrder): string | null {
  switch (kind) {
    case "buyer_id":
      return o.buyerId ? `buyer:${o.buyerId}` : null;
    case "email":
      return o.email ? `email:${o.email.trim().toLowerCase()}` : null;
    case "phone": {
      const d = (o.phone ?? "").replace(/[^\d*]/g, "");
      return d.length >= 7 ? `phone:${hash(d)}` : null;
    }
    case "address": {
      const a = [o.recipient, o.province, o.city, o.district, o.address]
        .filter(Boolean)
        .join("|")
        .normalize("NFKC")
        .replace(/\s+/g, "");
      return a ? `address:${hash(a)}` : null;
    }
  }
}

/** The chosen identity, else the next one available, else the order itself (an anonymous buyer). */
export function customerKey(kind: CustomerIdentity, o: ParsedOrder): string {
  const order: CustomerIdentity[] = [kind, ...CUSTOMER_IDENTITIES.filter((k) => k !== kind)];
  for (const k of order) {
    const key = keyBy(k, o);
    if (key) return key;
  }
  // The order's own id: two stores' #1001 are two anonymous buyers.
  return `order:${o.orderKey}`;
}

export const contentHash = (o: ParsedOrder, customer: string): string => {
  // The buyer's memo is left out: it came after the hash did and a buyer cannot change it once the
  // order is paid, so an order imported before keeps its hash (and a locked month stays quiet).
  // Likewise the order's identity, the export's update time and the file it came from: the same
  // order exported again, or stored before they were read, is unchanged.
  const {
    rows: _rows,
    raw: _raw,
    rawJson: _rawJson,
    derived: _derived,
    buyerMemo: _memo,
    orderKey: _key,
    updatedAt: _updated,
    file: _file,
    ...rest
  } = o;
  return hash(JSON.stringify({ ...rest, customer }));
};
