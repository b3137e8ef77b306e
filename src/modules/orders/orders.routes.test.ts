import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIMITS } from "../../core/limits.js";
import { renderMessage } from "../../core/messages/index.js";
import { DIALECTS } from "../../../test/helpers/db.js";
import {
  Client,
  ORIGIN,
  signupClient,
  startTestApp,
  type TestApp,
} from "../../../test/helpers/http.js";
import * as fx from "../../../test/fixtures/orders/build.js";

interface Problem {
  status: number;
  detail: string;
  code?: string;
  errors?: { field: string; message: string }[];
  problems?: {
    row: number;
    column: string;
    code: string;
    params: Record<string, unknown>;
    message: string;
  }[];
}

let app: TestApp["app"];
/** Sends the file's bytes as they are (the test client sends text). */
async function upload(c: Client, shopId: string, fileName: string, bytes: Uint8Array) {
  const res = await app.inject({
    method: "POST",
    url: `/api/v1/shops/${shopId}/uploads?fileName=${encodeURIComponent(fileName)}`,
    payload: Buffer.from(bytes),
    headers: {
      host: "dayclear.test",
      origin: ORIGIN,
      "content-type": "application/octet-stream",
      ...(c.cookie ? { cookie: c.cookie } : {}),
    },
  });
  return {
    status: res.statusCode,
    body: JSON.parse(res.body) as { id: string; headers: string[] },
  };
}

for (const dialect of DIALECTS) {
  describe(`shop data over HTTP on ${dialect}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(dialect);
      app = t.app;
    });
    afterAll(async () => t.close());

    it("uploads, previews, commits, lists history and rolls back", async () => {
      const { client } = await signupClient(t.app, "ecommerce");
      const shop = await client.post<{ id: string; version: number }>("/api/v1/shops", {
        name: "拼多多店",
        platform: "pdd",
      });
      expect(shop.status).toBe(201);
      const up = await upload(client, shop.body.id, "pdd.csv", fx.pddOrders());
      expect(up.status).toBe(201);
      expect(up.body.headers).toContain("用户实付金额(元)");
      const preview = await client.post<{
        orders: number;
        created: number;
        errors: unknown[];
        sample: { platformOrderId: string; total: string }[];
        files: { platform: string }[];
      }>(`/api/v1/shops/${shop.body.id}/imports/preview`, { uploadIds: [up.body.id] });
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({
        orders: 2,
        created: 2,
        errors: [],
        files: [{ platform: "pdd" }],
      });
      expect(preview.body.sample[0]).toMatchObject({
        platformOrderId: "251003-123456789",
        total: "71.80",
      });
      expect(
        (await client.get<{ items: unknown[] }>(`/api/v1/orders?shopId=${shop.body.id}`)).body
          .items,
      ).toHaveLength(0);
      const commit = await client.post<{ id: string; created: number }>(
        `/api/v1/shops/${shop.body.id}/imports`,
        { uploadIds: [up.body.id] },
      );
      expect(commit.status).toBe(201);
      expect(commit.body.created).toBe(2);
      const orders = await client.get<{ items: { id: string }[]; nextCursor: string | null }>(
        `/api/v1/orders?shopId=${shop.body.id}&limit=1`,
      );
      expect(orders.body.items).toHaveLength(1);
      expect(orders.body.nextCursor).not.toBeNull();
      const kpis = await client.get<{
        totals: { gmv: string; paidOrders: number };
        definitions: Record<string, { code: string }>;
      }>("/api/v1/kpis?from=2026-10-01&to=2026-10-31");
      expect(kpis.body.totals).toMatchObject({ gmv: "71.80", paidOrders: 1 });
      expect(kpis.body.definitions.aov).toEqual({ code: "kpi.def.aov" });
      expect(renderMessage("zh-CN", kpis.body.definitions.aov! as never)).toMatch(/客单价/);
      const breakdown = await client.get<{
        provinces: { province: string }[];
        byPlatform: { platform: string; gmv: string }[];
      }>("/api/v1/kpis/breakdown?from=2026-10-01&to=2026-10-31");
      expect(breakdown.body.provinces[0]!.province).toBe("广西");
      expect(breakdown.body.byPlatform).toEqual([
        { platform: "pdd", paidOrders: 1, gmv: "71.80", refund: "0.00" },
      ]);
      const csv = await client.req(
        "GET",
        "/api/v1/kpis/export?from=2026-10-01&to=2026-10-03&format=csv",
      );
      expect(csv.headers["content-type"], csv.raw).toMatch(/text\/csv/);
      expect(csv.raw).toMatch(/^\uFEFFperiod,from,to,gmv/);
      expect(csv.raw).toContain("2026-10-03,2026-10-03,2026-10-03,71.80");
      const history = await client.get<{ items: { id: string; status: string }[] }>(
        `/api/v1/shops/${shop.body.id}/imports`,
      );
      expect(history.body.items.map((i) => i.status)).toEqual(["committed"]);
      const rb = await client.post<{ status: string }>(
        `/api/v1/imports/${commit.body.id}/rollback`,
      );
      expect(rb.body.status).toBe("rolled_back");
      expect((await client.post(`/api/v1/imports/${commit.body.id}/rollback`)).status).toBe(409);
      expect((await client.get<{ items: unknown[] }>("/api/v1/orders")).body.items).toHaveLength(0);
    });

    it("refuses bad files and bad input with 400 naming rows, columns and fields", async () => {
      const { client } = await signupClient(t.app);
      const shop = (
        await client.post<{ id: string }>("/api/v1/shops", { name: "PDD", platform: "pdd" })
      ).body;
      const up = await upload(client, shop.id, "bad.csv", fx.BROKEN.badMoney());
      const res = await client.post<Problem>(`/api/v1/shops/${shop.id}/imports`, {
        uploadIds: [up.body.id],
      });
      expect(res.status).toBe(400);
      // The problem as a code with its parameters, and its text in the caller's language.
      expect(res.body.code).toBe("shop.import.refused");
      expect(res.body.problems).toEqual([
        {
          file: "bad.csv",
          row: 3,
          column: "用户实付金额(元)",
          code: "shop.cell.not_amount",
          params: { column: "用户实付金额(元)", value: "12.3.4" },
          message: "用户实付金额(元)：“12.3.4”不是金额。",
        },
      ]);
      expect(res.body.detail).toBe(
        "导入被拒绝，没有保存任何数据。共 1 个问题，第一个：bad.csv 第 3 行：用户实付金额(元)：“12.3.4”不是金额。",
      );
      const en = await client.req<Problem>(
        "POST",
        `/api/v1/shops/${shop.id}/imports`,
        { uploadIds: [up.body.id] },
        { "accept-language": "en" },
      );
      expect(en.body.problems![0]!.message).toBe("用户实付金额(元): “12.3.4” is not an amount.");
      expect(en.body.detail).toBe(
        "The import was refused; nothing was stored. 1 problem(s); the first: bad.csv row 3: 用户实付金额(元): “12.3.4” is not an amount.",
      );
      const preview = await client.req<{ errors: Problem["problems"] }>(
        "POST",
        `/api/v1/shops/${shop.id}/imports/preview`,
        { uploadIds: [up.body.id] },
        { "accept-language": "en" },
      );
      expect(preview.body.errors).toEqual([
        expect.objectContaining({
          code: "shop.cell.not_amount",
          message: "用户实付金额(元): “12.3.4” is not an amount.",
        }),
      ]);
      expect((await upload(client, shop.id, "empty.csv", new Uint8Array(0))).status).toBe(400);
      const noType = await client.post<Problem>(`/api/v1/shops/${shop.id}/uploads?fileName=x.csv`, {
        a: 1,
      });
      expect(noType.status).toBe(400);
      const big = await client.req(
        "POST",
        `/api/v1/shops/${shop.id}/uploads?fileName=big.csv`,
        "x".repeat(LIMITS.importUploadMaxBytes + 1),
        { "content-type": "application/octet-stream" },
      );
      expect(big.status).toBe(413);
      const cases: [string, string, unknown, string][] = [
        ["POST", "/api/v1/shops", { name: "x", platform: "amazon" }, "platform"],
        ["POST", "/api/v1/shops", { name: "x", platform: "pdd", currency: "rmb" }, "currency"],
        ["POST", `/api/v1/shops/${shop.id}/imports`, { uploadIds: [] }, "uploadIds"],
        [
          "POST",
          `/api/v1/shops/${shop.id}/imports`,
          { uploadIds: ["x"], format: "excel" },
          "format",
        ],
        [
          "POST",
          `/api/v1/shops/${shop.id}/mappings`,
          { name: "m", mapping: { fields: { orderId: "单号" } } },
          "mapping.fields.orderTotal",
        ],
        [
          "PUT",
          `/api/v1/shops/${shop.id}/visitors`,
          { days: [{ date: "2026-10-01", visitors: -1 }] },
          "days.0.visitors",
        ],
      ];
      for (const [method, url, body, field] of cases) {
        const r = await client.req<Problem>(method as "POST", url, body);
        expect(r.status, `${method} ${url} ${r.raw}`).toBe(400);
        expect(r.body.errors?.map((e) => e.field)).toContain(field);
      }
      expect((await client.get<Problem>("/api/v1/kpis?from=2026-10-31&to=2026-10-01")).status).toBe(
        400,
      );
      expect((await client.get<Problem>("/api/v1/kpis?from=2026-10-01")).status).toBe(400);
      expect(
        (await client.patch<Problem>(`/api/v1/shops/${shop.id}`, { version: 7, name: "y" })).status,
      ).toBe(409);
    });

    it("lets members read KPIs and orders but not import, and hides other workspaces' shops", async () => {
      const owner = (await signupClient(t.app, "ecommerce")).client;
      const shop = (
        await owner.post<{ id: string }>("/api/v1/shops", { name: "TB", platform: "taobao" })
      ).body;
      const email = `m-${Math.random()}@example.com`;
      expect(
        (await owner.post("/api/v1/members", { name: "刘婷", email, password: "member-pass" }))
          .status,
      ).toBe(201);
      const member = new Client(t.app);
      await member.post("/api/v1/auth/login", { email, password: "member-pass" });
      expect((await member.get("/api/v1/kpis?from=2026-10-01&to=2026-10-31")).status).toBe(200);
      expect((await member.get("/api/v1/shops")).status).toBe(200);
      expect((await upload(member, shop.id, "tb.csv", fx.taobaoOrders())).status).toBe(403);
      expect((await member.post("/api/v1/shops", { name: "Mine", platform: "jd" })).status).toBe(
        403,
      );
      expect(
        (
          await member.put(`/api/v1/shops/${shop.id}/visitors`, {
            days: [{ date: "2026-10-01", visitors: 5 }],
          })
        ).status,
      ).toBe(403);
      const other = (await signupClient(t.app)).client;
      expect((await other.get(`/api/v1/shops/${shop.id}`)).status).toBe(404);
      expect(
        (await other.get(`/api/v1/kpis?from=2026-10-01&to=2026-10-31&shopId=${shop.id}`)).status,
      ).toBe(400);
      expect((await other.get<{ items: unknown[] }>("/api/v1/shops")).body.items).toHaveLength(0);
      expect(
        (
          await owner.put<{ items: { visitors: number }[] }>(`/api/v1/shops/${shop.id}/visitors`, {
            days: [{ date: "2026-10-01", visitors: 5 }],
          })
        ).body.items,
      ).toEqual([{ date: "2026-10-01", visitors: 5 }]);
    });
  });
}
