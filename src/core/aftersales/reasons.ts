// Why buyers open cases, as one list of reason codes across platforms (formats.md: wrong or extra
// order / changed mind, quality, not as described, size, shipping fee, coupon not applied …). The
// platform's own text is always kept beside the code; the code is what reports group by and what
// quality rules (a listing to fix, a size chart to redo) match. Pure.

export const REASON_CODES = [
  "changed_mind",
  "quality",
  "not_as_described",
  "size",
  "damaged",
  "wrong_item",
  "missing_item",
  "late_delivery",
  "shipping_fee",
  "coupon",
  "price",
  "other",
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export const isReasonCode = (v: unknown): v is ReasonCode =>
  (REASON_CODES as readonly unknown[]).includes(v);

/** Reasons that say something about the product or its page (quality follow-ups read them). */
export const QUALITY_REASONS: ReadonlySet<ReasonCode> = new Set([
  "quality",
  "not_as_described",
  "size",
  "damaged",
]);

// Tried in order: the first pattern that matches names the reason. Chinese texts as the platforms
// write them (七天无理由, 拍错/多拍/不想要了, 质量问题, 与商品描述不符 …) and Shopify's return reasons.
const PATTERNS: [RegExp, ReasonCode][] = [
  [/质量|做工|瑕疵|起球|掉色|褪色|开线|defective|quality|broken_?item/i, "quality"],
  [
    /描述不符|与描述|图片不符|实物不符|色差|不是正品|假货|not_?as_?described|color|style/i,
    "not_as_described",
  ],
  [/尺码|大小|偏大|偏小|不合身|size/i, "size"],
  [/破损|损坏|压坏|漏液|damaged/i, "damaged"],
  [/发错|错发|wrong_?item/i, "wrong_item"],
  [/少件|漏发|缺件|少发|未收到|没收到|missing/i, "missing_item"],
  [/延迟|超时发货|未按约定时间发货|发货慢|物流慢|late/i, "late_delivery"],
  [/运费|邮费|shipping/i, "shipping_fee"],
  [/优惠|券|赠品|coupon|discount/i, "coupon"],
  [/价保|降价|差价|price/i, "price"],
  [
    /拍错|多拍|不想要|不喜欢|七天无理由|7天无理由|无理由|协商一致|changed?_?mind|unwanted|no_?longer/i,
    "changed_mind",
  ],
];

/** The reason code of a platform's reason text (null when there is no text; `other` when none matches). */
export function reasonCode(text: string | null | undefined): ReasonCode | null {
  const s = (text ?? "").normalize("NFKC").trim();
  if (s === "") return null;
  for (const [re, code] of PATTERNS) if (re.test(s)) return code;
  return "other";
}
