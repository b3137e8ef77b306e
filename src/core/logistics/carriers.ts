// The carriers a new workspace starts with, and how a carrier is recognised in a file. A carrier has
// one code in the workspace (the Cainiao code for the seeded ones) and its code or name in each other
// system: the tracking services (KDNiao, Kuaidi100) and each platform's back end, which names the
// carrier in its shipping upload (see docs/LOGISTICS.md). Every one of them is editable per workspace.
// Pure.

export const CARRIER_SYSTEMS = [
  "cainiao",
  "kdniao",
  "kuaidi100",
  "taobao",
  "jd",
  "pdd",
  "douyin",
  "shopify",
  "woocommerce",
] as const;
export type CarrierSystem = (typeof CARRIER_SYSTEMS)[number];

export interface CarrierSeed {
  code: string;
  name: string;
  /** Other names people and files use for it (short names, old names). */
  aliases: readonly string[];
  codes: Record<CarrierSystem, string>;
}

const seed = (
  code: string,
  name: string,
  aliases: string[],
  kdniao: string,
  kuaidi100: string,
  cn: { taobao: string; jd: string; pdd: string; douyin: string },
  western: string,
): CarrierSeed => ({
  code,
  name,
  aliases,
  codes: {
    cainiao: code,
    kdniao,
    kuaidi100,
    ...cn,
    shopify: western,
    woocommerce: western,
  },
});

export const CARRIER_SEEDS: readonly CarrierSeed[] = [
  seed(
    "SF",
    "顺丰速运",
    ["顺丰", "顺丰快递", "SF Express"],
    "SF",
    "shunfeng",
    {
      taobao: "顺丰速运",
      jd: "顺丰快递",
      pdd: "顺丰快递",
      douyin: "顺丰速运",
    },
    "SF Express",
  ),
  seed(
    "ZTO",
    "中通快递",
    ["中通", "中通速递", "ZTO Express"],
    "ZTO",
    "zhongtong",
    {
      taobao: "中通快递",
      jd: "中通快递",
      pdd: "中通快递",
      douyin: "中通快递",
    },
    "ZTO Express",
  ),
  seed(
    "YTO",
    "圆通速递",
    ["圆通", "圆通快递", "YTO Express"],
    "YTO",
    "yuantong",
    {
      taobao: "圆通速递",
      jd: "圆通快递",
      pdd: "圆通快递",
      douyin: "圆通速递",
    },
    "YTO Express",
  ),
  seed(
    "YUNDA",
    "韵达快递",
    ["韵达", "韵达速递", "Yunda Express"],
    "YD",
    "yunda",
    {
      taobao: "韵达快递",
      jd: "韵达快递",
      pdd: "韵达快递",
      douyin: "韵达快递",
    },
    "Yunda Express",
  ),
  seed(
    "STO",
    "申通快递",
    ["申通", "STO Express"],
    "STO",
    "shentong",
    {
      taobao: "申通快递",
      jd: "申通快递",
      pdd: "申通快递",
      douyin: "申通快递",
    },
    "STO Express",
  ),
  seed(
    "JTSD",
    "极兔速递",
    ["极兔", "极兔快递", "J&T Express", "J&T"],
    "JTSD",
    "jtexpress",
    {
      taobao: "极兔速递",
      jd: "极兔速递",
      pdd: "极兔快递",
      douyin: "极兔速递",
    },
    "J&T Express",
  ),
  seed(
    "JD",
    "京东快递",
    ["京东", "京东物流", "JD Logistics"],
    "JD",
    "jd",
    {
      taobao: "京东快递",
      jd: "京东快递",
      pdd: "京东快递",
      douyin: "京东快递",
    },
    "JD Logistics",
  ),
  seed(
    "EMS",
    "EMS",
    ["中国邮政速递物流", "邮政EMS", "China EMS"],
    "EMS",
    "ems",
    {
      taobao: "EMS",
      jd: "EMS",
      pdd: "EMS",
      douyin: "EMS",
    },
    "China EMS",
  ),
  seed(
    "POSTB",
    "邮政快递包裹",
    ["邮政", "中国邮政", "邮政包裹", "China Post"],
    "YZPY",
    "youzhengguonei",
    {
      taobao: "邮政快递包裹",
      jd: "邮政快递包裹",
      pdd: "邮政快递包裹",
      douyin: "邮政快递包裹",
    },
    "China Post",
  ),
];

/** What the matcher needs of a carrier. */
export interface CarrierNames {
  id: string;
  code: string;
  name: string;
  codes: Partial<Record<string, string>>;
  aliases: readonly string[];
}

const norm = (s: string) => s.normalize("NFKC").replace(/\s+/g, "").toLowerCase();

/**
 * The carrier a text in a file names ("顺丰", "SF", "shunfeng", "中通快递", "ZTO Express"), by its
 * code, its name, its code or name in any system, or an alias; null when none or several match.
 */
export function matchCarrier<C extends CarrierNames>(
  text: string,
  carriers: readonly C[],
): C | null {
  const t = norm(text);
  if (t === "") return null;
  const names = (c: C) =>
    [c.code, c.name, ...Object.values(c.codes), ...c.aliases].filter(
      (x): x is string => typeof x === "string" && x !== "",
    );
  const hits = carriers.filter((c) => names(c).some((n) => norm(n) === t));
  if (hits.length === 1) return hits[0]!;
  // "顺丰速运(普通)" or "SF123-顺丰速运": the longest name contained in the text, when only one is.
  const contained = carriers.filter((c) =>
    names(c).some((n) => n.length >= 2 && t.includes(norm(n))),
  );
  return contained.length === 1 ? contained[0]! : null;
}
