// Sales attribution: which member an order's sale belongs to. Rules are tried in order and the
// first that matches wins; an owner set by hand is never overridden by a rule. Matching is on
// NFKC-normalised, lower-cased text, so full-width "ＫＦ０１" in a memo matches the rule "kf01".

export type AttributionKind = "memo" | "salesRef" | "sku" | "shop";
export const ATTRIBUTION_KINDS: readonly AttributionKind[] = ["memo", "salesRef", "sku", "shop"];

export interface AttributionRule {
  id: string;
  kind: AttributionKind;
  /** memo: the seller's memo contains it; salesRef: the salesperson field equals it; sku: an item's SKU starts with it; shop: unused (""). */
  pattern: string;
  /** The rule applies to this shop's orders only (for kind "shop": the shop). */
  shopId: string | null;
  memberId: string;
}

export interface AttributableOrder {
  shopId: string;
  sellerMemo: string | null;
  salesRef: string | null;
  skus: readonly (string | null)[];
}

export const normalizeForMatch = (s: string): string => s.normalize("NFKC").trim().toLowerCase();

/** A rule's text as stored: normalised, so the stored form is what matches. */
export function normalizeRulePattern(kind: AttributionKind, pattern: string): string {
  return kind === "shop" ? "" : normalizeForMatch(pattern);
}

export function ruleMatches(rule: AttributionRule, order: AttributableOrder): boolean {
  if (rule.shopId !== null && rule.shopId !== order.shopId) return false;
  const p = normalizeForMatch(rule.pattern);
  switch (rule.kind) {
    case "shop":
      return rule.shopId !== null;
    case "memo":
      return (
        p !== "" && order.sellerMemo !== null && normalizeForMatch(order.sellerMemo).includes(p)
      );
    case "salesRef":
      return p !== "" && order.salesRef !== null && normalizeForMatch(order.salesRef) === p;
    case "sku":
      return p !== "" && order.skus.some((s) => s !== null && normalizeForMatch(s).startsWith(p));
  }
}

/** The first matching rule, or null when no rule matches (the sale stays unattributed). */
export function attribute(
  rules: readonly AttributionRule[],
  order: AttributableOrder,
): AttributionRule | null {
  for (const r of rules) if (ruleMatches(r, order)) return r;
  return null;
}
