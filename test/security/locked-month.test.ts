// A locked pay month stays true (issue 10, findings 11–13), over HTTP on both databases:
// - every write that would change a number October's locked run read is refused with 409 and a
//   code naming the month and the run (a new or changed October order, a roll-back of the import
//   holding them, visitor counts, CS days, a hand-set owner), or leaves October untouched (an
//   attribution rule, a ship window) — October's GMV, shipping and attributed sales read the same
//   after every attempt as before;
// - an "if none" event nobody entered is listed as missing and blocks the lock (it paid silently);
// - a plan version effective mid-month pays the sales of its own dates: two lines over their dates.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeBytes, encodeText } from "../../src/core/orders/decode.js";
import { AJIE, qianniuCsv, XIAOMEI } from "../fixtures/cs/build.js";
import * as fx from "../fixtures/orders/build.js";
import { DIALECTS } from "../helpers/db.js";
import { Client, ORIGIN, signupClient, startTestApp, type TestApp } from "../helpers/http.js";

interface Problem {
  status: number;
  code?: string;
  params?: Record<string, string | number>;
}
interface Line {
  kind: string;
  code: string;
  amount: string;
  /** Each number the line used: its key, and its name and value as messages. */
  inputs: { key: string; value: { code: string; params?: { from?: string; to?: string } } }[];
  missing?: boolean;
}
interface Run {
  id: string;
  version: number;
  status: string;
  statements: { memberId: string; total: string; lines: Line[] }[];
  missing: { memberId: string; key: string }[];
}

const plan = (ratePct: number, events: unknown[] = []) => ({
  format: "dayclear.pay-plan/v1",
  name: "运营 · 店铺提成",
  baseSalary: "5000.00",
  commissions: [
    { code: "shop-gmv", label: "Shop GMV commission", base: "gmv", scope: "shop", ratePct },
  ],
  bonuses: [],
  events,
  pools: [],
});
const NO_LATE = {
  code: "no-late-handover",
  label: "No late hand-over",
  amount: "100.00",
  when: "if_none",
};
/** The Taobao October export with one cell changed: `from` → `to` (an order id, a date). */
const taobaoWith = (edits: [string, string][]) => {
  let text = decodeBytes(fx.taobaoOrders()).text;
  for (const [from, to] of edits) text = text.split(from).join(to);
  return encodeText(text, "gb18030");
};
const fen = (s: string) => Math.round(Number(s) * 100);

for (const dialect of DIALECTS) {
  describe(`a locked month stays true on ${dialect}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(dialect);
    });
    afterAll(async () => t.close());

    const upload = async (c: Client, shopId: string, file: string, bytes: Uint8Array) => {
      const res = await t.app.inject({
        method: "POST",
        url: `/api/v1/shops/${shopId}/uploads?fileName=${encodeURIComponent(file)}`,
        payload: Buffer.from(bytes),
        headers: {
          host: "dayclear.test",
          origin: ORIGIN,
          "content-type": "application/octet-stream",
          ...(c.cookie ? { cookie: c.cookie } : {}),
        },
      });
      expect(res.statusCode).toBeLessThan(300);
      return (JSON.parse(res.body) as { id: string }).id;
    };
    const importFiles = async (c: Client, shopId: string, files: [string, Uint8Array][]) => {
      const uploadIds = [];
      for (const [name, bytes] of files) uploadIds.push(await upload(c, shopId, name, bytes));
      return c.post<Problem & { id: string; created: number; updated: number; skipped: number }>(
        `/api/v1/shops/${shopId}/imports`,
        { uploadIds },
      );
    };
    /** A workspace whose owner has a plan from October 1st and October's Taobao orders. */
    async function october(events: unknown[] = []) {
      const { client: owner } = await signupClient(t.app, "ecommerce");
      const me = (await owner.get<{ member: { id: string } }>("/api/v1/me")).body.member.id;
      const shopId = (
        await owner.post<{ id: string }>("/api/v1/shops", { name: "日清服饰", platform: "taobao" })
      ).body.id;
      const imported = await importFiles(owner, shopId, [
        ["ExportOrderList202610.csv", fx.taobaoOrders()],
        ["ExportOrderDetailList202610.csv", fx.taobaoItems()],
      ]);
      expect(imported.status).toBe(201);
      const p = await owner.post<{ id: string; version: number }>("/api/v1/pay-plans", {
        effectiveFrom: "2026-10-01",
        definition: plan(1, events),
      });
      expect(p.status).toBe(201);
      expect(
        (
          await owner.post(`/api/v1/pay-plans/${p.body.id}/assignments`, {
            targetType: "member",
            targetId: me,
            effectiveFrom: "2026-10-01",
          })
        ).status,
      ).toBe(201);
      return {
        owner,
        me,
        shopId,
        importId: imported.body.id,
        planId: p.body.id,
        planVersion: p.body.version,
      };
    }

    it("lists an if_none event nobody entered as missing, pays nothing for it and refuses to lock until it is entered", async () => {
      const w = await october([NO_LATE]);
      const draft = await w.owner.post<Run>("/api/v1/pay-runs", { period: "2026-10" });
      expect(draft.status).toBe(200);
      expect(draft.body.missing).toEqual([
        expect.objectContaining({ memberId: w.me, key: "event.no-late-handover" }),
      ]);
      expect(
        draft.body.statements[0]!.lines.find((l) => l.code === "no-late-handover"),
      ).toMatchObject({ amount: "0.00", missing: true });
      const refused = await w.owner.post<Problem>(`/api/v1/pay-runs/${draft.body.id}/lock`, {
        version: draft.body.version,
      });
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({
        code: "pay.inputs_missing",
        params: { period: "2026-10", count: 1 },
      });
      expect((await w.owner.get<Run>(`/api/v1/pay-runs/${draft.body.id}`)).body.status).toBe(
        "draft",
      );
      // Entered as 0 late hand-overs: the +100 is paid and the run locks.
      const entered = await w.owner.post<Run>("/api/v1/pay-runs", {
        period: "2026-10",
        version: draft.body.version,
        inputs: [{ memberId: null, key: "event.no-late-handover", value: "0" }],
      });
      expect(entered.body.missing).toEqual([]);
      expect(
        entered.body.statements[0]!.lines.find((l) => l.code === "no-late-handover")!.amount,
      ).toBe("100.00");
      expect(
        (
          await w.owner.post<Run>(`/api/v1/pay-runs/${entered.body.id}/lock`, {
            version: entered.body.version,
          })
        ).status,
      ).toBe(200);
    });

    it("refuses every write that would change locked October, leaves it untouched where a rule applies, and October's figures read the same", async () => {
      const w = await october();
      const ws = w.owner;
      const csLinked = await ws.put("/api/v1/cs-accounts", {
        accounts: [
          { account: XIAOMEI, memberId: w.me },
          { account: AJIE, memberId: w.me },
        ],
      });
      expect(csLinked.status).toBe(200);
      const run = await ws.post<Run>("/api/v1/pay-runs", { period: "2026-10" });
      const locked = await ws.post<Run>(`/api/v1/pay-runs/${run.body.id}/lock`, {
        version: run.body.version,
      });
      expect(locked.status).toBe(200);
      const figures = async () => ({
        kpi: (await ws.get<{ totals: unknown }>("/api/v1/kpis?from=2026-10-01&to=2026-10-31")).body
          .totals,
        shipping: (
          await ws.get<Record<string, unknown>>(
            "/api/v1/kpis/shipping?from=2026-10-01&to=2026-10-31",
          )
        ).body,
        attributed: (
          await ws.get<{ total: unknown; unattributed: unknown }>(
            "/api/v1/attribution/summary?from=2026-10-01&to=2026-10-31",
          )
        ).body,
        visitors: (
          await ws.get<{ items: unknown[] }>(
            `/api/v1/shops/${w.shopId}/visitors?from=2026-10-01&to=2026-10-31`,
          )
        ).body.items,
        cs: (await ws.get<{ items: unknown[] }>("/api/v1/cs-days?from=2026-10-01&to=2026-10-31"))
          .body.items,
      });
      const before = await figures();
      expect(fen((before.kpi as { gmv: string }).gmv)).toBeGreaterThan(0);
      const closed = (res: { status: number; body: Problem }, code = "pay.month_locked") => {
        expect(res.status).toBe(409);
        expect(res.body).toMatchObject({
          code,
          params: { month: "2026-10", runId: run.body.id, period: "2026-10" },
        });
      };

      // A new order paid in October, and a changed October order: refused whole, naming the row.
      const added = await importFiles(ws, w.shopId, [
        ["ExportOrderList202610.csv", taobaoWith([["3515313147329357901", "3515313147329357999"]])],
        ["ExportOrderDetailList202610.csv", fx.taobaoItems()],
      ]);
      closed(added, "import.month_locked");
      expect(added.body.params).toMatchObject({ row: 2 });
      closed(
        await importFiles(ws, w.shopId, [
          ["ExportOrderList202610.csv", taobaoWith([["1,299.00", "1,999.00"]])],
          ["ExportOrderDetailList202610.csv", fx.taobaoItems()],
        ]),
        "import.month_locked",
      );
      // October's refunds and visitor counts in a file: refused too.
      closed(
        await importFiles(ws, w.shopId, [["taobao-refunds-202610.csv", fx.taobaoRefunds()]]),
        "import.month_locked",
      );
      closed(
        await importFiles(ws, w.shopId, [["visitors-202610.csv", fx.visitorsCsv()]]),
        "import.month_locked",
      );
      // The same file again changes nothing: it is accepted (every order unchanged).
      const same = await importFiles(ws, w.shopId, [
        ["ExportOrderList202610.csv", fx.taobaoOrders()],
        ["ExportOrderDetailList202610.csv", fx.taobaoItems()],
      ]);
      expect(same.status).toBe(201);
      expect(same.body).toMatchObject({ created: 0, updated: 0 });
      // Rolling back the import that holds October's orders (it read 0.00 afterwards).
      closed(await ws.post<Problem>(`/api/v1/imports/${w.importId}/rollback`));
      // Visitor counts typed in, CS performance days of October, a hand-set owner.
      closed(
        await ws.put<Problem>(`/api/v1/shops/${w.shopId}/visitors`, {
          days: [{ date: "2026-10-02", visitors: 5000 }],
        }),
      );
      const cs = await t.app.inject({
        method: "POST",
        url: "/api/v1/cs-imports?fileName=qianniu.csv",
        payload: Buffer.from(qianniuCsv()),
        headers: {
          host: "dayclear.test",
          origin: ORIGIN,
          "content-type": "application/octet-stream",
          cookie: ws.cookie!,
        },
      });
      closed(
        { status: cs.statusCode, body: JSON.parse(cs.body) as Problem },
        "import.month_locked",
      );
      const order = (
        await ws.get<{ items: { id: string; version: number; paidDate: string | null }[] }>(
          "/api/v1/orders?limit=50",
        )
      ).body.items.find((o) => o.paidDate?.startsWith("2026-10"))!;
      closed(
        await ws.put<Problem>(`/api/v1/orders/${order.id}/owner`, {
          version: order.version,
          memberId: w.me,
        }),
      );
      // Rules apply to open months only: a shop rule and a tighter ship window leave October as it was.
      // (the rule may take the unpaid order, which belongs to no month; October's paid orders keep their owner)
      expect(
        (
          await ws.post("/api/v1/attribution-rules", {
            kind: "shop",
            pattern: "",
            shopId: w.shopId,
            memberId: w.me,
          })
        ).status,
      ).toBe(201);
      const shop = (await ws.get<{ version: number }>(`/api/v1/shops/${w.shopId}`)).body;
      expect(
        (
          await ws.patch(`/api/v1/shops/${w.shopId}`, {
            version: shop.version,
            shipWindowHours: 12,
          })
        ).status,
      ).toBe(200);

      expect(await figures()).toEqual(before);
      expect((await ws.get<Run>(`/api/v1/pay-runs/${run.body.id}`)).body.statements).toEqual(
        locked.body.statements,
      );
    });

    it("pays a version effective mid-month on the sales of its own dates: one line per version over its dates", async () => {
      const w = await october();
      const pdd = (
        await w.owner.post<{ id: string }>("/api/v1/shops", { name: "拼多多店", platform: "pdd" })
      ).body.id;
      expect(
        (await importFiles(w.owner, pdd, [["pdd_orders_export_202610.csv", fx.pddOrders()]]))
          .status,
      ).toBe(201);
      // From October 2nd the rate doubles: sales of the 1st keep 1 %, those from the 2nd get 2 %.
      expect(
        (
          await w.owner.post(`/api/v1/pay-plans/${w.planId}/versions`, {
            version: w.planVersion,
            effectiveFrom: "2026-10-02",
            definition: plan(2),
          })
        ).status,
      ).toBe(201);
      const gmv = async (from: string, to: string) =>
        fen(
          (await w.owner.get<{ totals: { gmv: string } }>(`/api/v1/kpis?from=${from}&to=${to}`))
            .body.totals.gmv,
        );
      const [first, rest] = [
        await gmv("2026-10-01", "2026-10-01"),
        await gmv("2026-10-02", "2026-10-31"),
      ];
      expect(first).toBeGreaterThan(0);
      expect(rest).toBeGreaterThan(0);
      const run = await w.owner.post<Run>("/api/v1/pay-runs", { period: "2026-10" });
      expect(run.status).toBe(200);
      const lines = run.body.statements[0]!.lines.filter((l) => l.kind === "commission");
      const dates = (l: Line) => l.inputs.find((i) => i.key === "dates")?.value;
      expect(lines.map((l) => [dates(l), fen(l.amount)])).toEqual([
        [
          { code: "pay.v.dates", params: { from: "2026-10-01", to: "2026-10-01" } },
          Math.round(first * 0.01),
        ],
        [
          { code: "pay.v.dates", params: { from: "2026-10-02", to: "2026-10-31" } },
          Math.round(rest * 0.02),
        ],
      ]);
      // The base salary did not change: one line, the whole salary; the total is the sum of the lines.
      expect(
        run.body.statements[0]!.lines.filter((l) => l.kind === "base").map((l) => l.amount),
      ).toEqual(["5000.00"]);
      expect(fen(run.body.statements[0]!.total)).toBe(
        run.body.statements[0]!.lines.reduce((n, l) => n + fen(l.amount), 0),
      );
    });
  });
}
