// Who a buyer is, as the shop chose to identify them. Platforms mask buyer data, so phone and
// address identities are hashes of what the export shows (masked digits make them weaker).
import { createHash } from "node:crypto";
import type { ParsedOrder } from "../../core/orders/index.js";

export const CUSTOMER_IDENTITIES = ["buyer_id", "email", "phone", "address"] as const;
export type CustomerIdentity = (typeof CUSTOMER_IDENTITIES)[number];

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
  return `order:${o.platformOrderId}`;
}

export const contentHash = (o: ParsedOrder, customer: string): string => {
  const { rows: _rows, raw: _raw, ...rest } = o;
  return hash(JSON.stringify({ ...rest, customer }));
};
