// The 34 province-level divisions with GB/T 2260 codes; names are normalised by stripping
// 省/市/自治区/… and the one-character short names are accepted.

export interface Province {
  code: string;
  name: string;
  short: string;
}

export const PROVINCES: readonly Province[] = [
  { code: "110000", name: "北京", short: "京" },
  { code: "120000", name: "天津", short: "津" },
  { code: "130000", name: "河北", short: "冀" },
  { code: "140000", name: "山西", short: "晋" },
  { code: "150000", name: "内蒙古", short: "蒙" },
  { code: "210000", name: "辽宁", short: "辽" },
  { code: "220000", name: "吉林", short: "吉" },
  { code: "230000", name: "黑龙江", short: "黑" },
  { code: "310000", name: "上海", short: "沪" },
  { code: "320000", name: "江苏", short: "苏" },
  { code: "330000", name: "浙江", short: "浙" },
  { code: "340000", name: "安徽", short: "皖" },
  { code: "350000", name: "福建", short: "闽" },
  { code: "360000", name: "江西", short: "赣" },
  { code: "370000", name: "山东", short: "鲁" },
  { code: "410000", name: "河南", short: "豫" },
  { code: "420000", name: "湖北", short: "鄂" },
  { code: "430000", name: "湖南", short: "湘" },
  { code: "440000", name: "广东", short: "粤" },
  { code: "450000", name: "广西", short: "桂" },
  { code: "460000", name: "海南", short: "琼" },
  { code: "500000", name: "重庆", short: "渝" },
  { code: "510000", name: "四川", short: "川" },
  { code: "520000", name: "贵州", short: "黔" },
  { code: "530000", name: "云南", short: "滇" },
  { code: "540000", name: "西藏", short: "藏" },
  { code: "610000", name: "陕西", short: "陕" },
  { code: "620000", name: "甘肃", short: "甘" },
  { code: "630000", name: "青海", short: "青" },
  { code: "640000", name: "宁夏", short: "宁" },
  { code: "650000", name: "新疆", short: "新" },
  { code: "710000", name: "台湾", short: "台" },
  { code: "810000", name: "香港", short: "港" },
  { code: "820000", name: "澳门", short: "澳" },
];

const SUFFIXES = ["壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区", "自治区", "省", "市"];
const byName = new Map<string, Province>();
for (const p of PROVINCES) {
  byName.set(p.name, p);
  byName.set(p.short, p);
}
const byCode = new Map(PROVINCES.map((p) => [p.code, p]));

function strip(name: string): string {
  let s = name.normalize("NFKC").replace(/\s+/g, "");
  for (const suffix of SUFFIXES) {
    if (s.endsWith(suffix) && s.length > suffix.length) {
      s = s.slice(0, -suffix.length);
      break;
    }
  }
  return s;
}

/** A province from a name ("浙江省", "浙江", "浙", "广西壮族自治区") or a GB/T 2260 code. */
export function findProvince(input: string | null | undefined): Province | null {
  if (!input) return null;
  const s = input.normalize("NFKC").trim();
  if (/^\d{2}(0000)?$/.test(s)) return byCode.get(s.length === 2 ? `${s}0000` : s) ?? null;
  return byName.get(strip(s)) ?? null;
}

/** The province an address starts with ("浙江省 杭州市 …", "北京北京市朝阳区…", "新疆维吾尔自治区乌鲁木齐…"). */
export function provinceOfAddress(address: string | null | undefined): Province | null {
  if (!address) return null;
  const s = address.normalize("NFKC").trim();
  for (const p of PROVINCES) {
    if (s.startsWith(p.name)) return p;
  }
  return null;
}

export interface SplitAddress {
  province: Province | null;
  provinceText: string | null;
  city: string | null;
  district: string | null;
  detail: string;
  zip: string | null;
}

/** Taobao's `省 市 区 详细地址(邮编)`; other addresses fall back to a province prefix. */
export function splitAddress(address: string): SplitAddress {
  let s = address.normalize("NFKC").trim();
  let zip: string | null = null;
  const z = /\((\d{6}|000000)\)\s*$/.exec(s);
  if (z) {
    zip = z[1] === "000000" ? null : z[1]!;
    s = s.slice(0, z.index).trim();
  }
  const parts = s.split(/\s+/);
  if (parts.length >= 3) {
    const province = findProvince(parts[0]);
    if (province) {
      return {
        province,
        provinceText: parts[0]!,
        city: parts[1] ?? null,
        district: parts.length >= 4 ? parts[2]! : null,
        detail: parts.slice(parts.length >= 4 ? 3 : 2).join(" "),
        zip,
      };
    }
  }
  const province = provinceOfAddress(s);
  return {
    province,
    provinceText: province?.name ?? null,
    city: null,
    district: null,
    detail: s,
    zip,
  };
}
