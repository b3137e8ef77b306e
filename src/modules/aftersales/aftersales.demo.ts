// The demo shop's after-sales (issue 11, "Demo"): a month of cases on both of its platforms, read
// through the real import as the shop would upload them — Taobao's 退款报表 (GBK) and Douyin's 售后单
// export — for the demo's own shipped orders: a few of the refunds its orders already carry as
// finished cases (each under its refund record's id: the order sync, run by the first import, made
// every refund of the demo's order import a case, and the export's row updates that one), and
// the open ones an agent works today: two new on Taobao (one well within its deadline, one near
// it), one whose Taobao deadline passed two days ago (breached), a return on its way back
// (the buyer's waybill is known: the pack station's returns mode receives it), a return received
// and waiting for the refund, and on Douyin a new refund, a return on its way and an exchange to
// send. The import routes the new ones to the 客服 members working today, so their Today shows
// them and the engine keeps their minutes free. Two 好评回访 rules put a few follow-ups with their
// script on the agents' Today. At most two quality cases per SKU: the demo does
// not cross the quality threshold (that would open a task in 运营's plans).
// Deterministic: a seeded generator, times relative to the workspace's now.
import type { Actor } from "../../core/actor.js";
import { addDays } from "../../core/calendar/date.js";
import { workspaceToday } from "../../core/calendar/today.js";
import { localDayStart } from "../../core/logistics/packing.js";
import { encodeText } from "../../core/orders/decode.js";
import { seededRandom } from "../../core/seeded-random.js";
import { nowIso, type ServiceDeps } from "../shared/context.js";
import { LogisticsDemoRepository, type DemoOrder } from "../logistics/logistics-demo.repository.js";
import { BatchRepository } from "../logistics/parcels.repository.js";
import { CaseImportService } from "./case-import.service.js";
import { FollowupService } from "./followups.service.js";
import { SlaClocks } from "./sla-clocks.js";

const HOUR = 3_600_000;
/** Product names of the demo's SKUs (orders.demo.ts), by the SKU's stem. */
const TITLES: Record<string, string> = {
  QD: "秋季法式连衣裙",
  CS: "牛津纺长袖衬衫",
  KZ: "直筒休闲裤",
  WY: "羊毛针织开衫",
  YRF: "轻薄羽绒服",
  WJ: "羊绒围巾",
  TX: "纯棉圆领T恤",
  WZ: "保暖袜三双装",
  MZ: "针织毛线帽",
};
const FINISHED_REASONS = [
  "尺码不合适",
  "七天无理由退换货",
  "不喜欢/效果不好",
  "拍错/多拍/不想要了",
];

const csvCell = (c: string) =>
  /^="[^",\n]*"$/.test(c) ? c : /[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c;
const csv = (rows: readonly (readonly string[])[]) =>
  rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";

/** An instant as the platforms' exports write it: local wall-clock time in Shanghai. */
function local(ms: number): string {
  const d = new Date(ms + 8 * HOUR).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 19)}`;
}

const fen = (f: number) => (f / 100).toFixed(2);
/** The id of the refund record the demo's order import carries for a refunded order. */
const refundIdOf = (o: DemoOrder) => `R${o.platformOrderId}`;

interface Picked {
  order: DemoOrder;
  sku: string;
  title: string;
}

export async function seedDemoAftersales(deps: ServiceDeps, owner: Actor): Promise<void> {
  const ws = owner.workspaceId;
  const at = nowIso(deps);
  const now = Date.parse(at);
  const timeZone = await new BatchRepository(deps.db).timeZone(ws);
  const today = workspaceToday(new Date(at), timeZone);
  const repo = new LogisticsDemoRepository(deps.db);
  const since = localDayStart(addDays(today, -35), timeZone);
  const [orders, lines] = await Promise.all([
    repo.orders(ws, since, today),
    repo.lines(ws, since, today),
  ]);
  const firstLine = new Map<string, { sku: string | null }>();
  for (const l of lines) if (!firstLine.has(l.orderId)) firstLine.set(l.orderId, l);
  const pick = (o: DemoOrder): Picked | null => {
    const sku = firstLine.get(o.id)?.sku;
    if (!sku) return null;
    return { order: o, sku, title: TITLES[sku.split("-")[0]!] ?? sku };
  };
  const shipped = (platform: string) =>
    orders
      .filter((o) => o.platform === platform && o.shippedAt !== null && o.shippedAt < at)
      .map(pick)
      .filter((p): p is Picked => p !== null);
  const rand = seededRandom(1111);
  const importer = new CaseImportService(deps);
  // When a case must have been opened to have used `minutes` of working time by now (the SLA's
  // own calendar and shift), so a demo made at any hour shows the same states.
  const hours = (await SlaClocks.load(deps.db, ws)).hours;
  const workedAgo = (minutes: number) => {
    let t = now;
    while (hours.workingBetween(t, now) < minutes * 60_000 && t > now - 14 * 24 * HOUR)
      t -= 5 * 60_000;
    return t;
  };

  const taobao = shipped("taobao");
  if (taobao.length > 0) {
    const rows = taobaoRows(taobao, now, rand, workedAgo);
    if (rows.length > 1)
      await importer.importFiles(owner, taobao[0]!.order.shopId, [
        {
          file: `退款报表-${today}.csv`,
          bytes: encodeText(csv(rows), "gb18030"),
        },
      ]);
  }
  const douyin = shipped("douyin");
  if (douyin.length > 0) {
    const rows = douyinRows(douyin, now, rand, workedAgo);
    if (rows.length > 1)
      await importer.importFiles(owner, douyin[0]!.order.shopId, [
        { file: `售后单-${today}.csv`, bytes: encodeText(csv(rows), "utf-8") },
      ]);
  }
  // 好评回访: the 客服 lead's two rules — big orders five days after the buyer received them, and
  // every finished case the day after — so the agents' Today has a few calls due with the script.
  await new FollowupService(deps).putRules(owner, {
    version: 0,
    rules: [
      {
        name: "高客单好评回访",
        minAmountFen: 80_000,
        trigger: "delivered",
        daysAfter: 5,
        script:
          "您好，我是日清服饰的客服。您的订单已经签收几天了，衣服穿着还合适吗？有任何尺码或质量问题都可以直接找我处理；如果满意，方便的话给我们一个好评，谢谢！",
      },
      {
        name: "售后完结回访",
        trigger: "case_resolved",
        daysAfter: 1,
        script:
          "您好，您的售后已经处理完了，想跟您确认一下退款或换货都收到了吗？这次给您添麻烦了，如果之前给了差评，方便的话可以帮我们改一下，感谢理解！",
      },
    ],
  });
}

const TAOBAO_HEADERS = [
  "订单编号",
  "退款编号",
  "订单付款时间",
  "商家编码",
  "退款完结时间",
  "买家会员名称",
  "买家实际支付金额",
  "宝贝标题",
  "买家退款金额",
  "是否需要退货",
  "退款的申请时间",
  "超时时间",
  "退款状态",
  "货物状态",
  "退货物流信息",
  "退款原因",
];

/** The demo's Taobao refunds: finished ones over the month, then today's open ones. */
function taobaoRows(
  orders: readonly Picked[],
  now: number,
  rand: () => number,
  workedAgo: (minutes: number) => number,
): string[][] {
  const rows: string[][] = [TAOBAO_HEADERS];
  let n = 0;
  const row = (
    p: Picked,
    o: {
      applied: number;
      deadline: number | null;
      completed: number | null;
      refundFen: number;
      ret: boolean;
      state: string;
      waybill: string;
      reason: string;
    },
  ) => {
    n++;
    rows.push([
      `="${p.order.platformOrderId}"`,
      // A refund the order export already carries keeps its refund record's id (one case).
      `="${o.completed !== null ? refundIdOf(p.order) : `RD${p.order.platformOrderId.slice(-8)}${String(n).padStart(2, "0")}`}"`,
      local(Date.parse(p.order.paidAt)),
      p.sku,
      o.completed === null ? "" : local(o.completed),
      p.order.buyerRef ?? "tb_买家",
      fen(p.order.totalFen),
      p.title,
      fen(o.refundFen),
      o.ret ? "是" : "否",
      local(o.applied),
      o.deadline === null ? "" : local(o.deadline),
      o.state,
      "买家已收到货",
      o.waybill,
      o.reason,
    ]);
  };
  const shippedAt = (p: Picked) => Date.parse(p.order.shippedAt!);
  // Finished over the month: the orders whose refund the shop's order export already shows.
  const refunded = orders.filter(
    (p) => p.order.refundFen > 0 && shippedAt(p) < now - 4 * 24 * HOUR,
  );
  for (const p of refunded.slice(0, 14)) {
    const applied = shippedAt(p) + (2 + Math.floor(rand() * 3)) * 24 * HOUR;
    const completed = applied + (4 + Math.floor(rand() * 40)) * HOUR;
    if (completed >= now) continue;
    const ret = rand() < 0.6;
    row(p, {
      applied,
      deadline: null,
      completed,
      refundFen: p.order.refundFen,
      ret,
      state: "退款成功",
      waybill: ret ? `中通快递,ZT7${String(78000000 + n * 131).padStart(9, "0")}` : "",
      reason: FINISHED_REASONS[Math.floor(rand() * FINISHED_REASONS.length)]!,
    });
  }
  // Today's open ones, on recent orders without a refund.
  const open = orders.filter(
    (p) =>
      p.order.refundFen === 0 &&
      shippedAt(p) < now - 3 * 24 * HOUR &&
      shippedAt(p) > now - 12 * 24 * HOUR,
  );
  const take = (k: number) => open[Math.min(open.length - 1, Math.floor((k * open.length) / 6))];
  const specs = [
    // new, an hour of working time ago: well within its first answer (4 working hours)
    {
      applied: workedAgo(60),
      hours: 48,
      state: "买家已经申请退款,等待卖家同意",
      ret: false,
      reason: "尺码不合适",
      part: 0.5,
      waybill: "",
    },
    // new, 200 of the first answer's 240 working minutes used: at risk
    {
      applied: workedAgo(200),
      hours: 48,
      state: "买家已经申请退款,等待卖家同意",
      ret: false,
      reason: "不喜欢/效果不好",
      part: 1,
      waybill: "",
    },
    // new, its deadline passed two days ago: breached
    {
      applied: now - 4 * 24 * HOUR,
      hours: 48,
      state: "买家已经申请退款,等待卖家同意",
      ret: false,
      reason: "质量问题",
      part: 1,
      waybill: "",
    },
    // agreed, the buyer's return is on its way (the pack station's returns mode receives it)
    {
      applied: now - 3 * 24 * HOUR,
      hours: 10 * 24,
      state: "卖家已经同意退款,等待买家退货",
      ret: true,
      reason: "七天无理由退换货",
      part: 1,
      waybill: "中通快递,ZT7880000001",
    },
    // the goods came back: refund or refuse
    {
      applied: now - 6 * 24 * HOUR,
      hours: 9 * 24,
      state: "买家已经退货,等待卖家确认收货",
      ret: true,
      reason: "尺码不合适",
      part: 1,
      waybill: "圆通速递,YT5880000002",
    },
  ];
  specs.forEach((s, k) => {
    const p = take(k);
    if (!p) return;
    row(p, {
      applied: s.applied,
      deadline: s.applied + s.hours * HOUR,
      completed: null,
      refundFen: Math.round(p.order.totalFen * s.part),
      ret: s.ret,
      state: s.state,
      waybill: s.waybill,
      reason: s.reason,
    });
  });
  return rows;
}

const DOUYIN_HEADERS = [
  "售后单号",
  "主订单编号",
  "子订单编号",
  "商品名称",
  "售后类型",
  "售后状态",
  "申请时间",
  "退款金额",
  "售后原因",
  "超时时间",
  "退货物流单号",
  "退货物流公司",
];

/** The demo's Douyin cases: a few finished over the month, three open today. */
function douyinRows(
  orders: readonly Picked[],
  now: number,
  rand: () => number,
  workedAgo: (minutes: number) => number,
): string[][] {
  const rows: string[][] = [DOUYIN_HEADERS];
  let n = 0;
  const row = (
    p: Picked,
    type: string,
    state: string,
    applied: number,
    refundFen: number,
    reason: string,
    deadline: number | null,
    waybill: string,
    carrier: string,
  ) => {
    n++;
    rows.push([
      // A refund the order export already carries keeps its refund record's id (one case).
      state === "售后成功"
        ? refundIdOf(p.order)
        : `71${p.order.platformOrderId.slice(-14)}${String(n).padStart(3, "0")}`,
      p.order.platformOrderId,
      p.order.platformOrderId,
      p.title,
      type,
      state,
      local(applied),
      fen(refundFen),
      reason,
      deadline === null ? "" : local(deadline),
      waybill || "-",
      carrier || "-",
    ]);
  };
  const shippedAt = (p: Picked) => Date.parse(p.order.shippedAt!);
  const finished = orders.filter(
    (p) => p.order.refundFen > 0 && shippedAt(p) < now - 4 * 24 * HOUR,
  );
  for (const p of finished.slice(0, 6)) {
    const applied = shippedAt(p) + (1 + Math.floor(rand() * 3)) * 24 * HOUR;
    if (applied >= now - HOUR) continue;
    row(
      p,
      rand() < 0.5 ? "退货退款" : "已发货仅退款",
      "售后成功",
      applied,
      p.order.refundFen,
      FINISHED_REASONS[Math.floor(rand() * FINISHED_REASONS.length)]!,
      null,
      "",
      "",
    );
  }
  const open = orders.filter(
    (p) =>
      p.order.refundFen === 0 &&
      shippedAt(p) < now - 3 * 24 * HOUR &&
      shippedAt(p) > now - 12 * 24 * HOUR,
  );
  const nth = (k: number) => open[Math.min(open.length - 1, Math.floor((k * open.length) / 4))];
  const a = nth(0);
  if (a)
    row(
      a,
      "已发货仅退款",
      "待商家同意",
      workedAgo(90),
      Math.round(a.order.totalFen / 2),
      "与商品描述不符",
      now + 43 * HOUR,
      "",
      "",
    );
  const b = nth(1);
  if (b)
    row(
      b,
      "退货退款",
      "待买家退货",
      now - 2 * 24 * HOUR,
      b.order.totalFen,
      "尺码不合适",
      now + 5 * 24 * HOUR,
      "JT0880000003",
      "极兔速递",
    );
  const c = nth(2);
  if (c) row(c, "换货", "待商家发货", now - 30 * HOUR, 0, "尺码不合适", now + 18 * HOUR, "", "");
  return rows;
}
