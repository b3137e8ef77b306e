// The after-sales routes over HTTP on both databases: a 客服 member imports Taobao's refunds and
// works a case through its states (a refused move answers 409 with its code, a missing outcome 400
// naming the field), the queue's filters, a broken file refused with every problem's row and column
// in the caller's language, a saved mapping used for a custom layout, a 运营 member reading but
// refused work (403), another workspace's case 404.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../../server/services.js";
import * as as from "../../../test/fixtures/aftersales/build.js";
import * as fx from "../../../test/fixtures/orders/build.js";
import { DIALECTS } from "../../../test/helpers/db.js";
import { buildShopTeam, frozenClock, services } from "../../../test/helpers/factories.js";
import {
  type Client,
  ORIGIN,
  signedInClient,
  startTestApp,
  type TestApp,
} from "../../../test/helpers/http.js";

interface Case {
  id: string;
  caseKey: string;
  source: string;
  type: string;
  state: string;
  platformState: string | null;
  requestedFen: number;
  refundFen: number | null;
  resolution: string | null;
  orderId: string | null;
  dueAt: string | null;
  version: number;
  nextStates: string[];
  history: {
    kind: string;
    fromState: string | null;
    toState: string | null;
    message: { code: string };
  }[];
}
interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: { field: string; code?: string }[];
  allowed?: string[];
  problems?: { file: string; row: number; column: string; code: string; message: string }[];
}

const V1 = "/api/v1";

for (const dialect of DIALECTS) {
  describe(`after-sales routes on ${dialect}`, () => {
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
      const who = (name: string) => x.people.find((p) => p.name === name)!;
      return {
        ...x,
        shopId: (await s.shops.list(x.owner)).items.find((sh) => sh.name === "淘宝店")!.id,
        cs: await signIn(who("客服专员").email, who("客服专员").password),
        csLead: await signIn(who("客服主管").email, who("客服主管").password),
        ops: await signIn(who("运营专员").email, who("运营专员").password),
      };
    }
    async function upload(c: Client, query: string, bytes: Uint8Array) {
      const res = await t.app.inject({
        method: "POST",
        url: `${V1}/aftersales/imports?${query}`,
        payload: Buffer.from(bytes),
        headers: {
          host: "dayclear.test",
          origin: ORIGIN,
          "content-type": "application/octet-stream",
          "accept-language": "zh-CN",
          ...(c.cookie ? { cookie: c.cookie } : {}),
        },
      });
      return { status: res.statusCode, body: JSON.parse(res.body) as Record<string, unknown> };
    }
    const list = async (c: Client, query = "") =>
      (await c.get<{ items: Case[]; nextCursor: string | null }>(`${V1}/aftersales/cases${query}`))
        .body;

    it("imports Taobao's refunds and works a case through its states, refused moves answered with their code", async () => {
      const x = await team();
      const imp = await upload(
        x.cs,
        `shop=${encodeURIComponent("淘宝店")}&fileName=taobao-refunds-202610.csv`,
        as.taobaoCases(),
      );
      expect(imp.status, JSON.stringify(imp.body)).toBe(200);
      expect(imp.body).toMatchObject({ created: 2, updated: 0, rows: 2, dryRun: false });
      expect(imp.body).not.toHaveProperty("errors");

      const open = await list(x.ops, `?state=open&shopId=${x.shopId}`);
      expect(open.items.map((c) => [c.caseKey, c.state, c.dueAt])).toEqual([
        ["R20261006002", "new", "2026-10-08T01:00:00.000Z"],
        ["R20261008004", "waiting_buyer", null],
      ]);
      expect((await list(x.ops, "?type=return_refund")).items.map((c) => c.caseKey)).toEqual([
        "R20261008004",
      ]);
      expect((await list(x.ops, "?state=resolved")).items.map((c) => c.source)).toEqual(["order"]);
      expect((await list(x.ops, "?assignee=me")).items).toEqual([]);
      const badState = await x.ops.get<Problem>(`${V1}/aftersales/cases?state=lost`);
      expect([badState.status, badState.body.code]).toEqual([400, "case.state_unknown"]);

      const id = open.items[1]!.id;
      const notAllowed = await x.cs.post<Problem>(`${V1}/aftersales/cases/${id}/transitions`, {
        to: "inspected",
        version: 1,
        inspection: "passed",
      });
      expect(notAllowed.status).toBe(409);
      expect(notAllowed.body).toMatchObject({
        code: "case.transition.not_allowed",
        allowed: ["in_progress", "received", "closed"],
      });
      const received = await x.cs.post<Case>(`${V1}/aftersales/cases/${id}/transitions`, {
        to: "received",
        version: 1,
      });
      expect(received.status).toBe(200);
      expect(received.body).toMatchObject({ state: "received", version: 2 });
      const noResult = await x.cs.post<Problem>(`${V1}/aftersales/cases/${id}/transitions`, {
        to: "inspected",
        version: 2,
      });
      expect(noResult.status).toBe(400);
      expect(noResult.body.errors).toMatchObject([
        { field: "inspection", code: "case.transition.inspection_required" },
      ]);
      const stale = await x.cs.post<Problem>(`${V1}/aftersales/cases/${id}/transitions`, {
        to: "closed",
        version: 1,
      });
      expect(stale.status).toBe(409);
      const refunded = await x.csLead.post<Case>(`${V1}/aftersales/cases/${id}/transitions`, {
        to: "resolved",
        version: 2,
        resolution: "refunded",
      });
      expect(refunded.body).toMatchObject({
        state: "resolved",
        resolution: "refunded",
        refundFen: 90000,
        nextStates: [],
      });
      const detail = await x.ops.get<Case>(`${V1}/aftersales/cases/${id}`);
      expect(detail.body.history.map((e) => [e.kind, e.fromState, e.toState])).toEqual([
        ["imported", null, "waiting_buyer"],
        ["assigned", null, null],
        ["transition", "waiting_buyer", "received"],
        ["transition", "received", "resolved"],
      ]);
    });

    it("opens a case by hand; a 运营 member reads but may not work cases; another workspace's case is 404", async () => {
      const x = await team();
      const order = (await s.orders.list(x.owner, { limit: 50 })).items.find(
        (o) => o.platformOrderId === "3515313147329357902",
      )!;
      const bad = await x.cs.post<Problem>(`${V1}/aftersales/cases`, {
        orderId: order.id,
        type: "lost",
      });
      expect(bad.status).toBe(400);
      const created = await x.cs.post<Case>(`${V1}/aftersales/cases`, {
        orderId: order.id,
        type: "exchange",
        reason: "尺码不合适",
        lines: [{ orderLineNo: 1 }],
      });
      expect(created.status, created.raw).toBe(201);
      expect(created.body).toMatchObject({
        source: "manual",
        type: "exchange",
        state: "new",
        orderId: order.id,
        history: [{ kind: "created" }, { kind: "assigned" }],
      });
      const refused = await x.ops.post<Problem>(`${V1}/aftersales/cases`, {
        orderId: order.id,
        type: "exchange",
      });
      expect([refused.status, refused.body.code]).toEqual([403, "case.handle_forbidden"]);
      const move = await x.ops.post<Problem>(
        `${V1}/aftersales/cases/${created.body.id}/transitions`,
        { to: "in_progress", version: 1 },
      );
      expect(move.status).toBe(403);
      const upl = await upload(x.ops, "shop=淘宝店&fileName=a.csv", as.taobaoCases());
      expect(upl.status).toBe(403);
      expect((await x.ops.get<Case>(`${V1}/aftersales/cases/${created.body.id}`)).status).toBe(200);
      const other = await team();
      expect((await other.cs.get(`${V1}/aftersales/cases/${created.body.id}`)).status).toBe(404);
      expect(
        (
          await other.cs.post(`${V1}/aftersales/cases/${created.body.id}/transitions`, {
            to: "in_progress",
            version: 1,
          })
        ).status,
      ).toBe(404);
    });

    it("refuses a broken file whole with every problem's row and column in the caller's language", async () => {
      const x = await team();
      const res = await upload(
        x.cs,
        "shop=淘宝店&fileName=taobao-refunds-broken.csv",
        as.taobaoCasesBroken(),
      );
      expect(res.status).toBe(400);
      const body = res.body as unknown as Problem;
      expect(body.problems!.map((p) => [p.row, p.column, p.code])).toEqual([
        [3, "退款状态", "case.cell.unknown_state"],
        [4, "买家退款金额", "shop.cell.not_amount"],
        [5, "退款编号", "shop.cell.empty"],
      ]);
      expect(body.problems![0]!.message).toContain("等待平台仲裁");
      expect((await list(x.cs)).items.filter((c) => c.source === "import")).toEqual([]);
      const dry = await upload(x.cs, "shop=淘宝店&fileName=a.csv&dryRun=true", as.taobaoCases());
      expect(dry.body).toMatchObject({ dryRun: true, created: 2 });
      expect((await list(x.cs)).items.filter((c) => c.source === "import")).toEqual([]);
    });

    it("saves a mapping (the lead, not a member) and imports a custom layout through it", async () => {
      const x = await team();
      const body = {
        name: "自有",
        mapping: {
          columns: {
            caseId: "售后号",
            orderId: "单号",
            type: "类别",
            state: "进度",
            requested: "金额",
            openedAt: "登记时间",
            reason: "问题",
          },
        },
      };
      expect((await x.cs.post(`${V1}/aftersales/mappings`, body)).status).toBe(403);
      const missing = await x.csLead.post<Problem>(`${V1}/aftersales/mappings`, {
        name: "缺列",
        mapping: { columns: { caseId: "售后号" } },
      });
      expect(missing.status).toBe(400);
      expect(missing.body.errors!.map((e) => e.field)).toContain("mapping.columns.orderId");
      const saved = await x.csLead.post<{ id: string; version: number }>(
        `${V1}/aftersales/mappings`,
        body,
      );
      expect(saved.status, JSON.stringify(saved.body)).toBe(201);
      expect((await x.csLead.post(`${V1}/aftersales/mappings`, body)).status).toBe(409);
      const listed = await x.cs.get<{ items: { name: string }[] }>(`${V1}/aftersales/mappings`);
      expect(listed.body.items.map((m) => m.name)).toEqual(["自有"]);
      const res = await upload(
        x.cs,
        `shop=淘宝店&fileName=custom-aftersales.csv&format=${encodeURIComponent("mapping:自有")}`,
        as.customCases(),
      );
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({ created: 1 });
      expect((await list(x.cs, "?type=exchange")).items).toMatchObject([
        { caseKey: "K-1", state: "new" },
      ]);
      const renamed = await x.csLead.put<{ name: string; version: number }>(
        `${V1}/aftersales/mappings/${saved.body.id}`,
        { ...body, name: "自有表", version: 1 },
      );
      expect(renamed.body).toMatchObject({ name: "自有表", version: 2 });
      const staleMapping = await x.csLead.put(`${V1}/aftersales/mappings/${saved.body.id}`, {
        ...body,
        version: 1,
      });
      expect(staleMapping.status).toBe(409);
      expect((await x.csLead.del(`${V1}/aftersales/mappings/${saved.body.id}`)).status).toBe(204);
      expect(
        (await x.cs.get<{ items: unknown[] }>(`${V1}/aftersales/mappings`)).body.items,
      ).toEqual([]);
    });
  });
}
