// Carrier bills and the logistics dashboard over HTTP on both databases: the bill as the raw body,
// a refused file's problems in the reader's language, who may import, the lines filtered by status,
// the dashboard and its CSV/XLSX export with headers in the reader's language, bounded spans, and
// another workspace's bill answering 404.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS } from "../../../test/helpers/db.js";
import { frozenClock, services } from "../../../test/helpers/factories.js";
import {
  Client,
  ORIGIN,
  signupClient,
  startTestApp,
  type TestApp,
} from "../../../test/helpers/http.js";
import { ztoBillCsv } from "../../../test/fixtures/logistics/bills.js";
import { costTeam, NOW } from "../../../test/fixtures/logistics/cost-team.js";

interface Imported {
  id: string;
  totals: Record<string, unknown>;
  warnings: { message: string }[];
}
interface Problem {
  status: number;
  detail: string;
  code: string;
  errors: { field: string; code?: string }[];
  problems: { row: number; column: string; code: string; message: string }[];
}

for (const dialect of DIALECTS) {
  describe(`logistics cost routes on ${dialect}`, () => {
    let t: TestApp;
    let team: Awaited<ReturnType<typeof costTeam>>;
    const as = async (email: string, password: string) => {
      const c = new Client(t.app);
      const r = await c.post("/api/v1/auth/login", { email, password });
      if (r.status !== 200) throw new Error(`login ${email}: ${r.status} ${r.raw}`);
      return c;
    };
    let owner: Client;
    let lead: Client;
    let packer: Client;
    beforeAll(async () => {
      const clock = frozenClock(NOW);
      t = await startTestApp(dialect, clock);
      team = await costTeam(services(t.tdb.database, clock), t.tdb.database);
      owner = await as(team.email, "owner-password");
      const person = (name: string) => team.people.find((p) => p.name === name)!;
      lead = await as(person("物流主管").email, person("物流主管").password);
      packer = await as(person("物流专员").email, person("物流专员").password);
    });
    afterAll(async () => t.close());

    async function upload(c: Client, query: string, bytes: Uint8Array, lang = "zh-CN") {
      const res = await t.app.inject({
        method: "POST",
        url: `/api/v1/logistics/bills?${query}`,
        payload: Buffer.from(bytes),
        headers: {
          host: "dayclear.test",
          origin: ORIGIN,
          "content-type": "application/octet-stream",
          "accept-language": lang,
          ...(c.cookie ? { cookie: c.cookie } : {}),
        },
      });
      return {
        status: res.statusCode,
        body: JSON.parse(res.body) as Problem & Imported,
      };
    }

    it("imports a bill sent as the raw body, refuses a broken one with each problem in the reader's language", async () => {
      const q = `carrierId=${team.zto.id}&fileName=${encodeURIComponent("中通11月.csv")}&period=2026-11`;
      const refused = await upload(
        lead,
        q,
        ztoBillCsv([["73100000000001", "1,2.5", "6.50"]]),
        "en",
      );
      expect(refused.status).toBe(400);
      expect(refused.body.problems).toEqual([
        expect.objectContaining({
          row: 3,
          column: "计费重量(kg)",
          code: "bill.cell.not_weight",
          message: "计费重量(kg): “1,2.5” is not a weight.",
        }),
      ]);
      const zh = await upload(lead, q, ztoBillCsv([["", "1", "6.50"]]));
      expect(zh.body.problems[0]!.message).toBe("运单号 为空。");

      const packerTry = await upload(packer, q, ztoBillCsv());
      expect(packerTry.status).toBe(403);

      const ok = await upload(lead, q, ztoBillCsv());
      expect(ok.status).toBe(201);
      expect(ok.body.totals).toMatchObject({ lines: 7, billed: "36.30", overcharged: "1.80" });
      expect(ok.body.warnings[0]!.message).toBe("中通11月.csv：第 11 行（合计）是合计行，已跳过。");

      const lines = await packer.get<{ items: { waybill: string; status: string }[] }>(
        `/api/v1/logistics/bills/${ok.body.id}/lines?status=unknown&status=reweighed`,
      );
      expect(lines.status).toBe(200);
      expect(lines.body.items.map((l) => [l.waybill, l.status])).toEqual([
        ["73100000000002", "reweighed"],
        ["73100000000099", "unknown"],
        ["YT0000000003", "unknown"],
      ]);
      const badStatus = await packer.get<Problem>(
        `/api/v1/logistics/bills/${ok.body.id}/lines?status=lost`,
      );
      expect(badStatus.status).toBe(400);

      const list = await packer.get<{ items: { id: string }[] }>("/api/v1/logistics/bills");
      expect(list.body.items.map((b) => b.id)).toEqual([ok.body.id]);

      // Another workspace neither sees nor touches it.
      const { client: stranger } = await signupClient(t.app);
      expect((await stranger.get(`/api/v1/logistics/bills/${ok.body.id}`)).status).toBe(404);
      expect((await stranger.get(`/api/v1/logistics/bills/${ok.body.id}/lines`)).status).toBe(404);
      expect((await stranger.del(`/api/v1/logistics/bills/${ok.body.id}`)).status).toBe(404);
      expect((await stranger.get("/api/v1/logistics/bills")).body).toEqual({
        items: [],
        nextCursor: null,
      });
    });

    it("saves a mapping (409 on a stale version) and refuses a bad one with the field", async () => {
      const bad = await lead.post<Problem>("/api/v1/logistics/bill-mappings", {
        name: " ",
        waybill: "单号",
        fee: "钱",
      });
      expect(bad.status).toBe(400);
      const m = await lead.post<{ id: string; version: number }>(
        "/api/v1/logistics/bill-mappings",
        {
          name: "韵达",
          waybill: "单号",
          fee: "钱",
          weight: "克",
          weightUnit: "g",
        },
      );
      expect(m.status).toBe(201);
      expect(
        (
          await lead.patch(`/api/v1/logistics/bill-mappings/${m.body.id}`, {
            version: 7,
            name: "韵达",
            waybill: "单号",
            fee: "钱",
          })
        ).status,
      ).toBe(409);
      expect((await packer.del(`/api/v1/logistics/bill-mappings/${m.body.id}`)).status).toBe(403);
      expect((await lead.del(`/api/v1/logistics/bill-mappings/${m.body.id}`)).status).toBe(200);
    });

    it("serves the dashboard and exports it as CSV and XLSX with headers in the reader's language", async () => {
      const d = await packer.get<{ totals: { cost: string; costPerParcel: string } }>(
        "/api/v1/logistics/dashboard?from=2026-11-01&to=2026-11-30",
      );
      expect(d.status).toBe(200);
      expect(d.body.totals).toMatchObject({ cost: "17.10", costPerParcel: "4.28" });

      const long = await packer.get<Problem>(
        "/api/v1/logistics/dashboard?from=2020-01-01&to=2026-11-30",
      );
      expect(long.status).toBe(400);
      expect(long.body.errors).toEqual([
        expect.objectContaining({ field: "to", code: "range.too_long" }),
      ]);
      expect(
        (await packer.get("/api/v1/logistics/dashboard?from=2026-02-30&to=2026-03-01")).status,
      ).toBe(400);

      const csv = await packer.req(
        "GET",
        "/api/v1/logistics/dashboard/export?from=2026-11-01&to=2026-11-30&format=csv",
        undefined,
        { "accept-language": "en" },
      );
      expect(csv.status).toBe(200);
      expect(csv.headers["content-type"]).toContain("text/csv");
      const text = csv.raw.replace(/^\uFEFF/, "");
      expect(text.split("\r\n").slice(0, 2)).toEqual(["Summary", "Item,Value"]);
      expect(text).toContain("By carrier\r\nCarrier,Parcels shipped,Costed,Not costed,");
      expect(text).toContain("Cost per parcel (yuan),4.28\r\n");

      // A download link names its language: lang wins over the browser's Accept-Language.
      const zhCsv = await packer.req(
        "GET",
        "/api/v1/logistics/dashboard/export?from=2026-11-01&to=2026-11-30&lang=zh-CN",
        undefined,
        { "accept-language": "en" },
      );
      expect(
        zhCsv.raw
          .replace(/^\uFEFF/, "")
          .split("\r\n")
          .slice(0, 2),
      ).toEqual(["汇总", "项目,数值"]);

      const xlsx = await t.app.inject({
        method: "GET",
        url: "/api/v1/logistics/dashboard/export?from=2026-11-01&to=2026-11-30&format=xlsx",
        headers: { host: "dayclear.test", cookie: owner.cookie!, "accept-language": "zh-CN" },
      });
      expect(xlsx.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual([
        "汇总",
        "按快递公司",
        "按省份",
        "按月份",
        "按店铺",
        "打包人效",
      ]);
      const shop = wb.getWorksheet("按店铺")!;
      expect(shop.getRow(1).getCell(1).value).toBe("店铺");
      // Amounts are numbers in the sheet.
      expect(shop.getRow(2).values).toEqual([undefined, "天猫店", 5, 4, 1, 17.1, 4.28, 450, 3.8]);
    });
  });
}
