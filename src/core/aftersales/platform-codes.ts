// Each platform's own after-sales type and state codes → ours (docs/AFTERSALES.md). Exports write
// them as numbers (Pinduoduo, Douyin, JD), as API constants (Taobao WAIT_SELLER_AGREE, Shopify
// REQUESTED) or as the back end's Chinese text; all three are keys here. A case keeps the
// platform's code beside ours. The workspace may add or override codes (aftersales_code_maps),
// tried before these built-in tables, for codes a platform adds later. Pure.
import {
  isCaseState,
  isCaseType,
  type CaseState,
  type CaseType,
  type Resolution,
} from "./cases.js";

export const CASE_PLATFORMS = ["taobao", "jd", "pdd", "douyin", "shopify", "woocommerce"] as const;
export type CasePlatform = (typeof CASE_PLATFORMS)[number];
export const isCasePlatform = (v: unknown): v is CasePlatform =>
  (CASE_PLATFORMS as readonly unknown[]).includes(v);

/** Refund only, before or after shipping decided by the order (cases.ts `refundOnlyType`). */
export type TypeTarget = CaseType | "refund_only";

/**
 * Where a platform state puts a case: our state, for `resolved` the outcome ("success": the type's
 * own — refunded, exchanged or reshipped), and whether the seller has decided by then.
 */
export interface StateTarget {
  state: CaseState;
  outcome?: Resolution | "success";
  decided?: boolean;
}

export interface PlatformCodes {
  types: Readonly<Record<string, TypeTarget>>;
  states: Readonly<Record<string, StateTarget>>;
}

const S = (state: CaseState, outcome?: Resolution | "success", decided?: boolean): StateTarget =>
  outcome !== undefined || decided
    ? { state, ...(outcome ? { outcome } : {}), ...(decided ? { decided } : {}) }
    : { state };
const NEW = S("new");
const WORKING = S("in_progress");
const WAITING = S("waiting_buyer");
const RECEIVED = S("received");
const SUCCESS = S("resolved", "success");
const REJECTED = S("resolved", "rejected");
const CLOSED = S("closed");

export const PLATFORM_CODES: Record<CasePlatform, PlatformCodes> = {
  // Taobao/Tmall: dispute_type and status of the refund API, and the texts of the 退款报表.
  taobao: {
    types: {
      REFUND: "refund_only",
      REFUND_AND_RETURN: "return_refund",
      TMALL_EXCHANGE: "exchange",
      TAOBAO_EXCHANGE: "exchange",
      REPAIR: "repair",
      RESHIPPING: "reship",
      仅退款: "refund_only",
      退货退款: "return_refund",
      退款退货: "return_refund",
      换货: "exchange",
      维修: "repair",
      补寄: "reship",
      价格保护: "price_protection",
      价保: "price_protection",
      // 是否需要退货
      是: "return_refund",
      否: "refund_only",
    },
    states: {
      WAIT_SELLER_AGREE: NEW,
      WAIT_BUYER_RETURN_GOODS: WAITING,
      WAIT_SELLER_CONFIRM_GOODS: RECEIVED,
      SELLER_REFUSE_BUYER: REJECTED,
      CLOSED,
      SUCCESS,
      "买家已经申请退款,等待卖家同意": NEW,
      等待卖家同意: NEW,
      "卖家已经同意退款,等待买家退货": WAITING,
      等待买家退货: WAITING,
      "买家已经退货,等待卖家确认收货": RECEIVED,
      等待卖家确认收货: RECEIVED,
      卖家拒绝退款: REJECTED,
      退款关闭: CLOSED,
      退款成功: SUCCESS,
    },
  },
  // JD: the service sheet's customer expectation (customerExpect) and step (afsServiceStep).
  jd: {
    types: {
      "10": "return_refund",
      "11": "refund_only",
      "20": "exchange",
      "30": "repair",
      "80": "reship",
      退货: "return_refund",
      仅退款: "refund_only",
      换货: "exchange",
      维修: "repair",
      补发: "reship",
      补发商品: "reship",
      补寄: "reship",
    },
    states: {
      "10": NEW,
      "20": REJECTED,
      "21": WORKING,
      "22": NEW,
      "31": S("waiting_buyer"),
      "32": S("waiting_buyer"),
      "33": RECEIVED,
      "34": RECEIVED,
      "40": SUCCESS,
      "50": SUCCESS,
      "60": CLOSED,
      申请阶段: NEW,
      审核不通过: REJECTED,
      客服审核: WORKING,
      商家审核: NEW,
      京东收货: WAITING,
      商家收货: WAITING,
      京东处理: RECEIVED,
      商家处理: RECEIVED,
      用户确认: SUCCESS,
      完成: SUCCESS,
      取消: CLOSED,
    },
  },
  // Pinduoduo: after_sales_type and after_sales_status of its refund API, and the back end's texts.
  pdd: {
    types: {
      "2": "refund_only",
      "3": "return_refund",
      "4": "exchange",
      "5": "reship",
      "6": "repair",
      "9": "return_refund",
      仅退款: "refund_only",
      退货退款: "return_refund",
      换货: "exchange",
      补寄: "reship",
      缺货补寄: "reship",
      维修: "repair",
      拦截退货: "return_refund",
    },
    states: {
      "2": NEW,
      "3": NEW,
      "4": SUCCESS,
      "5": SUCCESS,
      "6": REJECTED,
      "7": WAITING,
      "8": WORKING,
      "9": CLOSED,
      "10": SUCCESS,
      "11": CLOSED,
      "12": CLOSED,
      "13": CLOSED,
      "14": NEW,
      "15": WAITING,
      "16": SUCCESS,
      "17": CLOSED,
      "18": SUCCESS,
      "21": NEW,
      "22": WAITING,
      "24": CLOSED,
      "25": SUCCESS,
      "27": SUCCESS,
      "31": WAITING,
      "32": S("in_progress", undefined, true),
      "买家申请退款,待商家处理": NEW,
      "退货退款,待商家处理": NEW,
      "商家同意退款,退款中": SUCCESS,
      "平台同意退款,退款中": SUCCESS,
      "驳回退款,待买家处理": REJECTED,
      "已同意退货退款,待用户发货": WAITING,
      平台处理中: WORKING,
      "平台拒绝退款,退款关闭": CLOSED,
      退款成功: SUCCESS,
      买家撤销: CLOSED,
      "买家逾期未处理,退款失败": CLOSED,
      "买家逾期,超过有效期": CLOSED,
      换货补寄待商家处理: NEW,
      换货补寄待用户处理: WAITING,
      换货补寄成功: SUCCESS,
      换货补寄失败: CLOSED,
      换货补寄待用户确认完成: SUCCESS,
      待商家同意维修: NEW,
      待用户确认发货: WAITING,
      维修关闭: CLOSED,
      维修成功: SUCCESS,
      待用户确认收货: SUCCESS,
      "商家同意拒收退款,待用户拒收": WAITING,
      待商家补寄发货: S("in_progress", undefined, true),
      售后处理中: WORKING,
      待商家处理: NEW,
    },
  },
  // Douyin 抖店: aftersale_type and aftersale_status (standard_aftersale_status).
  douyin: {
    types: {
      "0": "return_refund",
      "1": "refund_after_shipping",
      "2": "refund_before_shipping",
      "3": "exchange",
      "6": "price_protection",
      "7": "reship",
      "8": "repair",
      退货退款: "return_refund",
      已发货仅退款: "refund_after_shipping",
      未发货仅退款: "refund_before_shipping",
      仅退款: "refund_only",
      换货: "exchange",
      价保: "price_protection",
      补寄: "reship",
      维修: "repair",
    },
    states: {
      "3": SUCCESS,
      "6": NEW,
      "7": WAITING,
      "8": S("in_progress", undefined, true),
      "11": RECEIVED,
      "12": SUCCESS,
      "13": SUCCESS,
      "14": S("resolved", "exchanged"),
      "27": REJECTED,
      "28": CLOSED,
      "29": REJECTED,
      换货待买家收货: SUCCESS,
      待商家同意: NEW,
      待买家退货: WAITING,
      待商家发货: S("in_progress", undefined, true),
      待商家二次同意: RECEIVED,
      售后成功: SUCCESS,
      换货成功: S("resolved", "exchanged"),
      商家一次拒绝: REJECTED,
      售后失败: CLOSED,
      商家二次拒绝: REJECTED,
      售后关闭: CLOSED,
    },
  },
  // Shopify: a Return's status (REQUESTED, OPEN, CLOSED, DECLINED, CANCELED); refunds are refunds.
  shopify: {
    types: {
      return: "return_refund",
      exchange: "exchange",
      refund: "refund_only",
    },
    states: {
      requested: NEW,
      open: WAITING,
      closed: SUCCESS,
      declined: REJECTED,
      canceled: CLOSED,
      cancelled: CLOSED,
      refunded: S("resolved", "refunded"),
    },
  },
  // WooCommerce has no after-sales export of its own: the refunds/returns plugins' codes.
  woocommerce: {
    types: {
      refund: "refund_only",
      return: "return_refund",
      exchange: "exchange",
      replacement: "exchange",
      repair: "repair",
      warranty: "repair",
    },
    states: {
      new: NEW,
      pending: NEW,
      requested: NEW,
      processing: WORKING,
      approved: WAITING,
      "awaiting-return": WAITING,
      received: RECEIVED,
      completed: SUCCESS,
      refunded: S("resolved", "refunded"),
      rejected: REJECTED,
      declined: REJECTED,
      cancelled: CLOSED,
    },
  },
};

/** A code as compared: NFKC (full-width commas and digits → ASCII), no spaces, lower case, "2.0" → "2". */
export function normalizeCode(raw: string): string {
  return raw
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/^(\d+)\.0+$/, "$1")
    .toLowerCase();
}

const BUILT_IN = new Map<string, Map<string, TypeTarget | StateTarget>>();
for (const p of CASE_PLATFORMS) {
  for (const kind of ["types", "states"] as const) {
    const m = new Map<string, TypeTarget | StateTarget>();
    for (const [k, v] of Object.entries(PLATFORM_CODES[p][kind])) m.set(normalizeCode(k), v);
    BUILT_IN.set(`${p}:${kind}`, m);
  }
}

/** A workspace's own entry (aftersales_code_maps): a code → our type, or our state and outcome. */
export interface CodeOverride {
  platform: string;
  kind: "type" | "state";
  code: string;
  /** A type (or refund_only), or a state; for `resolved` the outcome in `outcome`. */
  target: string;
  outcome?: string | null;
}

/** Overrides by platform, kind and normalised code, for `caseType`/`caseState`. */
export type Overrides = ReadonlyMap<string, CodeOverride>;
export const overrideKey = (platform: string, kind: "type" | "state", code: string) =>
  `${platform}:${kind}:${normalizeCode(code)}`;
export const overridesOf = (rows: readonly CodeOverride[]): Overrides =>
  new Map(rows.map((r) => [overrideKey(r.platform, r.kind, r.code), r]));

/** Our type for a platform's type code or text, or null when neither table knows it. */
export function caseType(
  platform: string,
  raw: string,
  overrides: Overrides = new Map(),
): TypeTarget | null {
  const own = overrides.get(overrideKey(platform, "type", raw));
  if (own && (own.target === "refund_only" || isCaseType(own.target))) return own.target;
  const hit = BUILT_IN.get(`${platform}:types`)?.get(normalizeCode(raw));
  return (hit as TypeTarget | undefined) ?? null;
}

/** Our state for a platform's state code or text, or null when neither table knows it. */
export function caseState(
  platform: string,
  raw: string,
  overrides: Overrides = new Map(),
): StateTarget | null {
  const own = overrides.get(overrideKey(platform, "state", raw));
  if (own && isCaseState(own.target))
    return {
      state: own.target,
      ...(own.outcome ? { outcome: own.outcome as Resolution | "success" } : {}),
    };
  const hit = BUILT_IN.get(`${platform}:states`)?.get(normalizeCode(raw));
  return (hit as StateTarget | undefined) ?? null;
}

/** The outcome a platform's "success" means for a type: its money back, its new goods, its repair. */
export function successResolution(type: CaseType): Resolution {
  if (type === "exchange") return "exchanged";
  if (type === "reship" || type === "repair") return "reshipped";
  return "refunded";
}

/** Whether a state means the seller has decided (agreed to a return, refunded, refused). */
export const decidedIn = (t: StateTarget): boolean =>
  t.decided === true ||
  t.state === "waiting_buyer" ||
  t.state === "received" ||
  t.state === "inspected" ||
  t.state === "resolved";
