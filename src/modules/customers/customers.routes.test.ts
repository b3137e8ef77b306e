// The customers routes over HTTP on both databases, on a real Taobao order export imported into a
// shop: the RFM map's cut-offs and counts are the pure core's over the list's own figures, a
// customer page's totals are the sum of its orders in fen (with its masked identity as stored and
// its after-sales case), dormant customers and their export in the reader's language, who may read
// and export (owner, the 运营 and 客服 leads and members; 设计 and 物流 refused), bad input 400 and
// another workspace's shop or customer 404.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scoreRfm, RFM_SEGMENTS } from "../../core/customers/rfm.js";
import type { Services } from "../../server/services.js";
import * as fx from "../../../test/fixtures/orders/build.js";
import { DIALECTS } from "../../../test/helpers/db.js";
import { buildShopTeam, frozenClock, services } from "../../../test/helpers/factories.js";
import {
  Client,
  signedInClient,
  signupClient,
  startTestApp,
  type TestApp,
} from "../../../test/helpers/http.js";

interface Item {
  id: string;
  customerKey: string;
  display: string | null;
  orders: number;
  spendFen: number;
  refundFen: number;
  windowOrders: number;
  windowSpendFen: number;
  recencyDays: number;
  lastPaidDate: string;
  r: number | null;
  f: number | null;
  m: number | null;
  segment: string | null;
}
interface Page {
  asOf: string;
  total: number;
  items: Item[];
  nextCursor: string | null;
}
interface Rfm {
  customers: number;
  asOf: string;
  window: { from: string; to: string; days: number };
  cutoffs: { r: number[]; f: number[]; m: number[] };
  segments: { segment: string; count: number; cells: { r: unknown; f: unknown }[] }[];
  grid: { r: number; f: number; segment: string; count: number }[];
  classes: { class: string; count: number }[];
}
interface Customer {
  identity: { kind: string; buyerRef: string | null; phone: string | null; recipient: string };
  totals: { orders: number; paidOrders: number; spendFen: number; refundFen: number };
  orders: {
    platformOrderId: string;
    paidDate: string | null;
    totalFen: number;
    refundFen: number;
  }[];
  cases: { platformOrderId: string | null; type: string }[];
  rfm: { segment: string; r: { score: number }; explanation: { code: string }[] } | null;
}

const V1 = "/api/v1";

for (const dialect of DIALECTS) {
  describe(`customers routes on ${dialect}`, () => {
    let t: TestApp;
    let s: Services;
    const clock = frozenClock("2026-10-12T04:00:00.000Z");
    beforeAll(async () => {
      t = await startTestApp(dialect, clock);
      s = services(t.tdb.database, clock);
    });
    afterAll(async () => t.close());

    const signIn = (email: string, password: string) => signedInClient(t.app, email, password);
    async function team() {
      const x = await buildShopTeam(s);
      const r = await s.imports.importFiles(x.owner, { shopName: "淘宝店" }, [
        { file: "ExportOrderList202610.csv", bytes: fx.taobaoOrders() },
        { file: "ExportOrderDetailList202610.csv", bytes: fx.taobaoItems() },
      ]);
      expect(r.errors).toEqual([]);
      const who = async (name: string) => {
        const p = x.people.find((q) => q.name === name)!;
        return signIn(p.email, p.password);
      };
      const owner = new Client(t.app);
      expect(
        (await owner.post("/api/v1/auth/login", { email: x.email, password: "owner-password" }))
          .status,
      ).toBe(200);
      return {
        ...x,
        shopId: (await s.shops.list(x.owner)).items.find((sh) => sh.name === "淘宝店")!.id,
        ownerClient: owner,
        opsLead: await who("运营主管"),
        ops: await who("运营专员"),
        csLead: await who("客服主管"),
        cs: await who("客服专员"),
        designLead: await who("设计主管"),
        packer: await who("物流专员"),
      };
    }

    /**
     * A second shop whose export goes through a saved column mapping: 14 buyers with 1 to 5 paid
     * orders each between 2026-08-20 and 2026-10-12, amounts varied (one order unpaid).
     */
    async function mappedShop(owner: Client): Promise<string> {
      const shop = (
        await owner.post<{ id: string }>(`${V1}/shops`, { name: "自营店", platform: "custom" })
      ).body.id;
      await owner.post(`${V1}/shops/${shop}/mappings`, {
        name: "m",
        mapping: {
          fields: { orderId: "单号", orderTotal: "金额", paidAt: "付款时间", buyerId: "买家" },
        },
      });
      const rows = ["单号,金额,付款时间,买家"];
      let n = 0;
      for (let b = 1; b <= 14; b++)
        for (let k = 0; k < 1 + (b % 5); k++) {
          const day = 20 + ((b * 7 + k * 11) % 53); // 2026-08-20 + 0…52 days
          const date = new Date(Date.UTC(2026, 7, day)).toISOString().slice(0, 10);
          rows.push(`M${++n},${(b * 37 + k * 13) % 400}.${b % 10}0,${date} 10:00:00,buyer${b}`);
        }
      rows.push(`M${++n},99.00,,buyer1`);
      const upload = await owner.req<{ id: string }>(
        "POST",
        `${V1}/shops/${shop}/uploads?fileName=m.csv`,
        rows.join("\n") + "\n",
        { "content-type": "application/octet-stream" },
      );
      const imp = await owner.post(`${V1}/shops/${shop}/imports`, {
        uploadIds: [upload.body.id],
        format: "mapping:m",
      });
      expect(imp.status, imp.raw).toBe(201);
      return shop;
    }

    it("shows RFM cut-offs and counts that are the core's over the list's own figures", async () => {
      const x = await team();
      x.shopId = await mappedShop(x.ownerClient);
      const rfm = await x.cs.get<Rfm>(`${V1}/customers/rfm?shop=${x.shopId}&windowDays=30`);
      expect(rfm.status, rfm.raw).toBe(200);
      expect(rfm.body.asOf).toBe("2026-10-12");
      expect(rfm.body.window).toEqual({ from: "2026-09-13", to: "2026-10-12", days: 30 });
      const list = await x.cs.get<Page>(`${V1}/customers?shop=${x.shopId}&windowDays=30&limit=200`);
      expect(list.status, list.raw).toBe(200);
      const scored = list.body.items.filter((i) => i.windowOrders > 0);
      expect(rfm.body.customers).toBe(scored.length);
      expect(scored.length).toBeGreaterThanOrEqual(8);
      expect(list.body.total).toBe(14);
      // The core over the same figures gives the same cut-offs, scores and segments.
      const core = scoreRfm({
        recencyDays: scored.map((i) => i.recencyDays),
        frequency: scored.map((i) => i.windowOrders),
        monetaryFen: scored.map((i) => i.windowSpendFen),
      });
      expect(rfm.body.cutoffs).toEqual({
        r: core.r.cutoffs,
        f: core.f.cutoffs,
        m: core.m.cutoffs,
      });
      scored.forEach((item, k) => {
        expect([item.r, item.f, item.m, item.segment]).toEqual([
          core.rScore[k],
          core.fScore[k],
          core.mScore[k],
          RFM_SEGMENTS[core.segment[k]!],
        ]);
      });
      expect(rfm.body.segments.map((g) => g.segment)).toEqual([...RFM_SEGMENTS]);
      for (const g of rfm.body.segments) {
        expect(g.count, g.segment).toBe(scored.filter((i) => i.segment === g.segment).length);
        expect(g.cells.length).toBeGreaterThan(0);
      }
      expect(rfm.body.grid.reduce((n, c) => n + c.count, 0)).toBe(scored.length);
      expect(rfm.body.classes.reduce((n, c) => n + c.count, 0)).toBe(scored.length);
      // The segment filter keeps exactly that segment's customers.
      const top = rfm.body.segments.find((g) => g.count > 0)!;
      const filtered = await x.cs.get<Page>(
        `${V1}/customers?shop=${x.shopId}&windowDays=30&segment=${top.segment}`,
      );
      expect(filtered.body.total).toBe(top.count);
      expect(new Set(filtered.body.items.map((i) => i.segment))).toEqual(new Set([top.segment]));
      // Most valuable first, and q finds a buyer as the platform shows them.
      const spends = list.body.items.map((i) => i.windowSpendFen);
      expect(spends).toEqual([...spends].sort((a, b) => b - a));
      const one = await x.cs.get<Page>(`${V1}/customers?shop=${x.shopId}&q=buyer12`);
      expect(one.body.items.map((i) => i.customerKey)).toEqual(["buyer:buyer12"]);
      // Pages follow one another without gaps or repeats.
      const p1 = await x.cs.get<Page>(`${V1}/customers?shop=${x.shopId}&windowDays=30&limit=5`);
      const p2 = await x.cs.get<Page>(
        `${V1}/customers?shop=${x.shopId}&windowDays=30&limit=5&cursor=${p1.body.nextCursor}`,
      );
      expect([...p1.body.items, ...p2.body.items].map((i) => i.id)).toEqual(
        list.body.items.slice(0, 10).map((i) => i.id),
      );
    });

    it("a customer page's totals are the sum of its orders in fen, the identity as stored", async () => {
      const x = await team();
      // The order imports' refunds become after-sales cases when the queue is read.
      await s.cases.list(x.owner, {});
      const list = await x.ops.get<Page>(
        `${V1}/customers?shop=${x.shopId}&q=${encodeURIComponent("小雨")}`,
      );
      const item = list.body.items[0]!;
      const page = await x.ops.get<Customer>(`${V1}/customers/${item.id}`);
      expect(page.status, page.raw).toBe(200);
      const c = page.body;
      expect(c.orders.length).toBe(c.totals.orders);
      expect(c.totals.spendFen).toBe(
        c.orders.filter((o) => o.paidDate !== null).reduce((n, o) => n + o.totalFen, 0),
      );
      expect(c.totals.refundFen).toBe(c.orders.reduce((n, o) => n + o.refundFen, 0));
      expect(c.totals.paidOrders).toBe(2);
      expect(c.totals.spendFen).toBe(item.spendFen);
      expect(c.totals.refundFen).toBe(8800);
      expect(c.identity).toMatchObject({
        buyerRef: "tb_小雨",
        phone: "138****1111",
        recipient: "李*",
      });
      expect(c.cases.map((k) => k.platformOrderId)).toEqual(["3515313147329357904"]);
      expect(c.rfm?.segment).toBe(item.segment);
      expect(c.rfm?.explanation.map((m) => m.code)).toEqual([
        "customers.rfm.r",
        "customers.rfm.f",
        "customers.rfm.m",
        "customers.rfm.segment_from",
        "customers.rfm.class_from",
      ]);
    });

    it("lists dormant customers and exports them in the reader's language", async () => {
      const x = await team();
      const now = await x.cs.get<Page & { days: number }>(
        `${V1}/customers/dormant?shop=${x.shopId}`,
      );
      expect(now.status, now.raw).toBe(200);
      expect([now.body.days, now.body.total]).toEqual([90, 0]);
      const later = await x.cs.get<Page & { lastDate: string; definition: { code: string } }>(
        `${V1}/customers/dormant?shop=${x.shopId}&days=30&asOf=2026-12-31`,
      );
      expect(later.body.lastDate).toBe("2026-12-01");
      expect(later.body.definition.code).toBe("customers.dormant");
      const all = await x.cs.get<Page>(`${V1}/customers?shop=${x.shopId}&limit=200`);
      expect(later.body.total).toBe(all.body.total);
      const spends = later.body.items.map((i) => i.spendFen);
      expect(spends).toEqual([...spends].sort((a, b) => b - a));

      const csv = await x.csLead.req(
        "GET",
        `${V1}/customers/dormant/export?shop=${x.shopId}&days=30&asOf=2026-12-31`,
        undefined,
        { "accept-language": "zh-CN" },
      );
      expect(csv.status, csv.raw).toBe(200);
      const lines = csv.raw
        .replace(/^\uFEFF/, "")
        .trim()
        .split("\r\n");
      expect(lines[0]).toBe("客户,买家（平台显示）,最后下单,距今天数,订单数,消费金额,退款金额");
      expect(lines.length).toBe(later.body.total + 1);
      expect(lines.some((l) => l.includes("tb_小雨"))).toBe(true);
      const en = await x.ownerClient.req(
        "GET",
        `${V1}/customers/dormant/export?shop=${x.shopId}&days=30&asOf=2026-12-31`,
        undefined,
        { "accept-language": "en" },
      );
      expect(en.raw.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe(
        "Customer,Buyer (as the platform shows it),Last order,Days since,Orders,Spend,Refunds",
      );
    });

    it("lets the owner and the 运营 and 客服 people read, refuses the others; exports for the owner and those leads", async () => {
      const x = await team();
      const rfm = `${V1}/customers/rfm?shop=${x.shopId}`;
      for (const [who, c] of [
        ["owner", x.ownerClient],
        ["运营主管", x.opsLead],
        ["运营专员", x.ops],
        ["客服主管", x.csLead],
        ["客服专员", x.cs],
      ] as const)
        expect((await c.get(rfm)).status, who).toBe(200);
      for (const [who, c] of [
        ["设计主管", x.designLead],
        ["物流专员", x.packer],
      ] as const) {
        const r = await c.get<{ code: string }>(rfm);
        expect([r.status, r.body.code], who).toEqual([403, "customers.read_forbidden"]);
        expect((await c.get(`${V1}/customers?shop=${x.shopId}`)).status).toBe(403);
      }
      const exp = `${V1}/customers/dormant/export?shop=${x.shopId}`;
      for (const c of [x.ownerClient, x.opsLead, x.csLead])
        expect((await c.get(exp)).status).toBe(200);
      for (const c of [x.cs, x.ops, x.packer]) {
        const r = await c.get<{ code: string }>(exp);
        expect([r.status, r.body.code]).toEqual([403, "customers.export_forbidden"]);
      }
    });

    it("refuses bad input with 400 and another workspace's shop or customer with 404", async () => {
      const x = await team();
      for (const q of [
        "windowDays=0",
        "windowDays=3661",
        "segment=vip",
        "asOf=2026-02-30",
        "limit=1000",
      ]) {
        const r = await x.cs.get<{ errors?: unknown[] }>(`${V1}/customers?shop=${x.shopId}&${q}`);
        expect(r.status, q).toBe(400);
      }
      expect((await x.cs.get(`${V1}/customers/rfm`)).status).toBe(400);
      const other = (await signupClient(t.app)).client;
      expect((await other.get(`${V1}/customers/rfm?shop=${x.shopId}`)).status).toBe(404);
      expect((await other.get(`${V1}/customers/dormant?shop=${x.shopId}`)).status).toBe(404);
      expect((await other.get(`${V1}/customers?shop=${x.shopId}`)).status).toBe(404);
      const id = (await x.cs.get<Page>(`${V1}/customers?shop=${x.shopId}`)).body.items[0]!.id;
      expect((await x.cs.get(`${V1}/customers/${id}`)).status).toBe(200);
      expect((await other.get(`${V1}/customers/${id}`)).status).toBe(404);
      expect((await x.cs.get(`${V1}/customers/${x.shopId}.bm9ib2R5`)).status).toBe(404);
      expect((await x.cs.get(`${V1}/customers/garbage`)).status).toBe(404);
    });
  });
}
