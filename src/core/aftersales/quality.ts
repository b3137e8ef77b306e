// Quality cases (docs/AFTERSALES.md, "Quality cases"): which after-sales reasons say something is
// wrong with the product or its page, and whose work fixing it is — 运营 (operations: the listing's
// text, the product, the supplier) or 设计 (design: the photos, colours and the size chart). The
// platforms' reason texts as their exports write them are listed per platform, so a reason that
// only looks like one (抖音 "尺码拍错/不喜欢/效果不好" is the buyer's mistake) is not counted; a text no
// list knows falls back to the reason's class (core/aftersales/reasons.ts). When one SKU gathers
// enough quality cases within the window, one task is opened for the department (module
// aftersales/quality.service.ts). Pure.
import { QUALITY_REASONS, reasonCode } from "./reasons.js";

/** The department function a quality task goes to (core/org/rights.ts DEPARTMENT_FUNCTIONS). */
export type QualityDepartment = "operations" | "design";

/** Reason texts as each platform's after-sales export writes them; null: not a quality reason. */
export const QUALITY_REASON_TEXTS: Record<string, Record<string, QualityDepartment | null>> = {
  taobao: {
    质量问题: "operations",
    材质与商品描述不符: "operations",
    "颜色/图案/款式与商品描述不符": "design",
    "大小/尺寸与商品描述不符": "design",
    商品与页面描述不符: "operations",
    "包装/商品破损/污渍": "operations",
    假冒品牌: "operations",
    七天无理由退换货: null,
    "少件/漏发": null,
    卖家发错货: null,
  },
  jd: {
    商品质量问题: "operations",
    商品与页面描述不符: "operations",
    收到商品破损: "operations",
    尺码不合适: null,
    发错货: null,
  },
  pdd: {
    质量问题: "operations",
    商品与描述不符: "operations",
    "商品破损/污渍": "operations",
    货物破损已拒签: "operations",
    "尺码不符/色差": "design",
    "少件/漏发": null,
    不喜欢: null,
  },
  douyin: {
    商品质量问题: "operations",
    商品与页面描述不符: "operations",
    "颜色/款式/图案与描述不符": "design",
    大小尺寸与商品描述不符: "design",
    "商品破损/包装问题": "operations",
    "尺码拍错/不喜欢/效果不好": null,
    "多拍/拍错/不想要": null,
  },
  shopify: {
    DEFECTIVE: "operations",
    NOT_AS_DESCRIBED: "operations",
    SIZE_TOO_SMALL: "design",
    SIZE_TOO_LARGE: "design",
    COLOR: "design",
    STYLE: "design",
    UNWANTED: null,
    WRONG_ITEM: null,
  },
  woocommerce: {},
};

// The page's pictures and size chart: design's work, whatever class the reason has.
const DESIGN = /色差|图片|颜色|图案|款式|尺码|尺寸|大小|偏大|偏小|size|colou?r|style|photo/i;
// The buyer's own mistake, even when it names a size or colour.
const BUYERS_OWN = /拍错|不喜欢|不想要|无理由|unwanted|changed?_?mind/i;

/** The department a case's reason sends a quality task to, or null when it is not a quality reason. */
export function qualityDepartment(
  platform: string,
  reason: string | null | undefined,
): QualityDepartment | null {
  const text = (reason ?? "").normalize("NFKC").trim();
  if (text === "") return null;
  const listed = QUALITY_REASON_TEXTS[platform];
  if (listed && Object.hasOwn(listed, text)) return listed[text]!;
  if (BUYERS_OWN.test(text)) return null;
  const code = reasonCode(text);
  if (!code || !QUALITY_REASONS.has(code)) return null;
  return DESIGN.test(text) ? "design" : "operations";
}

/** When one SKU's quality cases open a task (per workspace; the defaults while none is saved). */
export interface QualityThreshold {
  /** Cases of one SKU within the window that open a task (2…100). */
  minCases: number;
  /** The rolling window in days, ending now (1…90). */
  windowDays: number;
}
export const DEFAULT_QUALITY_THRESHOLD: QualityThreshold = { minCases: 3, windowDays: 7 };
export const QUALITY_LIMITS = { minCases: [2, 100], windowDays: [1, 90] } as const;

export interface QualityCase {
  id: string;
  sku: string;
  department: QualityDepartment;
  openedAt: string;
}

export interface QualityAlert {
  sku: string;
  department: QualityDepartment;
  caseIds: string[];
  /** The cases per department (the task goes to the one with more; operations on a tie). */
  counts: Record<QualityDepartment, number>;
}

/**
 * The SKUs whose quality cases opened within the window ending `now` reach the threshold, each with
 * its cases (oldest first). Cases are given already without those a previous task counted.
 */
export function qualityAlerts(
  cases: readonly QualityCase[],
  threshold: QualityThreshold,
  now: string,
): QualityAlert[] {
  const since = new Date(Date.parse(now) - threshold.windowDays * 86_400_000).toISOString();
  const bySku = new Map<string, QualityCase[]>();
  for (const c of cases) {
    if (c.openedAt < since || c.openedAt > now) continue;
    const list = bySku.get(c.sku) ?? [];
    if (!list.some((x) => x.id === c.id)) list.push(c);
    bySku.set(c.sku, list);
  }
  const out: QualityAlert[] = [];
  for (const [sku, list] of [...bySku].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (list.length < threshold.minCases) continue;
    list.sort((a, b) => a.openedAt.localeCompare(b.openedAt) || a.id.localeCompare(b.id));
    const counts = { operations: 0, design: 0 };
    for (const c of list) counts[c.department]++;
    out.push({
      sku,
      department: counts.design > counts.operations ? "design" : "operations",
      caseIds: list.map((c) => c.id),
      counts,
    });
  }
  return out;
}
