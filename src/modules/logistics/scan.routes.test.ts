// The pack station, tracking import and write-back routes over HTTP on both databases: a packer's
// session scans to ship and is stopped by a refunded order (200 with the outcome, nothing written),
// bad input answers 400 with field errors, other departments 403, other workspaces' ids 404, a
// refused tracking file 400 with every problem's row and column, the write-back file downloaded
// with its name and encoding, the check read back, mappings with their versions.
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../../server/services.js";
import { DIALECTS } from "../../../test/helpers/db.js";
import { frozenClock, services } from "../../../test/helpers/factories.js";
import {
  type Client,
  ORIGIN,
  signedInClient,
  startTestApp,
  type TestApp,
} from "../../../test/helpers/http.js";
import { brokenSheet, ewaybillSheet, sheetCsv } from "../../../test/fixtures/logistics/build.js";
import { packTeam } from "../../../test/fixtures/logistics/team.js";

interface Scan {
  outcome: string;
  stop: boolean;
  message: { code: string; params: Record<string, unknown> };
  parcel: { id: string; status: string; waybillNo: string | null } | null;
}

for (const dialect of DIALECTS) {
  describe(`logistics scan routes on ${dialect}`, () => {
    let t: TestApp;
    let s: Services;
    const clock = frozenClock("2026-11-02T04:00:00.000Z");
    beforeAll(async () => {
      t = await startTestApp(dialect, clock);
      s = services(t.tdb.database, clock);
    });
    afterAll(async () => t.close());

    const signIn = (email: string, password: string) => signedInClient(t.app, email, password);
    async function team() {
      const x = await packTeam(s, t.tdb.database);
      const who = (name: string) => x.people.find((p) => p.name === name)!;
      return {
        ...x,
        packerClient: await signIn(who("物流专员").email, who("物流专员").password),
        outsiderClient: await signIn(who("运营专员").email, who("运营专员").password),
        leadClient: await signIn(who("物流主管").email, who("物流主管").password),
      };
    }
    async function upload(c: Client, query: string, bytes: Uint8Array) {
      const res = await t.app.inject({
        method: "POST",
        url: `/api/v1/logistics/tracking-imports?${query}`,
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

    it("scans to ship over HTTP and stops at a refunded order with nothing written", async () => {
      const x = await team();
      const id = await x.parcel("261101-000000001");
      const slip = await x.packerClient.post<Scan>("/api/v1/logistics/pack/slip", { code: id });
      expect(slip.status).toBe(200);
      expect(slip.body).toMatchObject({ outcome: "ok", stop: false, parcel: { id } });
      const shipped = await x.packerClient.post<Scan>("/api/v1/logistics/pack/waybill", {
        slip: id,
        waybill: "SF1400000000001",
        weightG: 480,
        weightSource: "scale",
      });
      expect(shipped.body).toMatchObject({
        outcome: "ok",
        parcel: { status: "shipped", waybillNo: "SF1400000000001" },
      });
      const refunded = await x.parcel("261101-000000004");
      const stop = await x.packerClient.post<Scan>("/api/v1/logistics/pack/waybill", {
        slip: refunded,
        waybill: "SF1400000000004",
      });
      expect(stop.status).toBe(200);
      expect(stop.body).toMatchObject({
        outcome: "refunded",
        stop: true,
        message: {
          code: "scan.order_refunded",
          params: { order: "261101-000000004", refund: 3990 },
        },
      });
      expect((await x.parcelRow(refunded)).status).toBe("open");
      const mine = await x.packerClient.get<{ items: { outcome: string; step: string }[] }>(
        "/api/v1/logistics/scans?mine=true",
      );
      expect(mine.body.items.map((e) => [e.step, e.outcome])).toEqual([
        ["waybill", "refunded"],
        ["waybill", "ok"],
        ["slip", "ok"],
      ]);
    });

    it("answers 400 with field errors, 403 to other departments, 404 for another workspace's parcel", async () => {
      const x = await team();
      const id = await x.parcel("261101-000000001");
      const bad = await x.packerClient.post<{ errors: { field: string }[] }>(
        "/api/v1/logistics/pack/waybill",
        { slip: id, waybill: "SF1400000000001", weightG: 0, extra: 1 },
      );
      expect(bad.status).toBe(400);
      const refused = await x.outsiderClient.post<{ code: string }>("/api/v1/logistics/pack/slip", {
        code: id,
      });
      expect([refused.status, refused.body.code]).toEqual([403, "logistics.pack_forbidden"]);
      const other = await team();
      const foreign = await other.packerClient.put<{ code: string }>(
        `/api/v1/logistics/parcels/${id}/waybill`,
        { waybill: "SF1400000000001" },
      );
      expect(foreign.status).toBe(404);
      const stale = await x.leadClient.put<{ currentVersion: number }>(
        `/api/v1/logistics/parcels/${id}/waybill`,
        { waybill: "SF1400000000001", version: 9 },
      );
      expect([stale.status, stale.body.currentVersion]).toEqual([409, 1]);
    });

    it("imports a tracking file, refuses a broken one with rows and columns, makes and downloads the write-back file, checks it", async () => {
      const x = await team();
      const shop = encodeURIComponent("拼多多旗舰店");
      const broken = await upload(
        x.packerClient,
        `shop=${shop}&fileName=broken.csv`,
        sheetCsv(brokenSheet(), "gb18030"),
      );
      expect(broken.status).toBe(400);
      const problems = broken.body.problems as {
        row: number;
        column: string;
        code: string;
        message: string;
      }[];
      expect(problems.map((p) => [p.row, p.column, p.code])[0]).toEqual([
        3,
        "订单号",
        "tracking.order_unknown",
      ]);
      expect(problems[0]!.message).toBe(
        "订单号：订单 261101-999999999 不是本店铺的订单（请先导入店铺订单）。",
      );
      const ok = await upload(
        x.packerClient,
        `shop=${shop}&fileName=ewaybill.csv`,
        sheetCsv(ewaybillSheet(), "gb18030"),
      );
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ rows: 3, parcelsCreated: 3, updated: 3 });
      const made = await x.packerClient.post<{ id: string; lines: number; format: string }>(
        "/api/v1/logistics/writeback-files",
        { shop: "拼多多旗舰店", platform: "taobao", from: "2000-01-01", to: "2000-01-02" },
      );
      expect([made.status, (made.body as unknown as { code: string }).code]).toEqual([
        400,
        "writeback.nothing",
      ]);
      const made2 = await x.packerClient.post<{ id: string; lines: number; format: string }>(
        "/api/v1/logistics/writeback-files",
        { shop: "拼多多旗舰店", platform: "taobao", from: "2026-11-02", to: "2026-11-02" },
      );
      expect(made2.status).toBe(201);
      expect(made2.body).toMatchObject({ lines: 3, format: "csv-gbk" });
      const res = await t.app.inject({
        method: "GET",
        url: `/api/v1/logistics/writeback-files/${made2.body.id}/download`,
        headers: { host: "dayclear.test", cookie: x.packerClient.cookie! },
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toContain("gb18030");
      expect(String(res.headers["content-disposition"])).toContain(
        encodeURIComponent("taobao-批量发货"),
      );
      expect(iconv.decode(res.rawPayload, "gb18030").split("\r\n")[0]).toBe(
        "订单编号,物流公司,运单号",
      );
      const other = await team();
      const foreign = await other.packerClient.get(
        `/api/v1/logistics/writeback-files/${made2.body.id}/download`,
      );
      expect(foreign.status).toBe(404);
      const check = await x.outsiderClient.get<{ orders: number; pending: number }>(
        `/api/v1/logistics/writeback-check?shop=${shop}`,
      );
      expect(check.body).toMatchObject({ orders: 3, pending: 3 });
    });

    it("saves, changes (409 when stale) and deletes a tracking mapping", async () => {
      const x = await team();
      const created = await x.packerClient.post<{ id: string; version: number }>(
        "/api/v1/logistics/mappings",
        { kind: "tracking", name: "仓库", mapping: { columns: { order: "单", waybill: "运" } } },
      );
      expect(created.status).toBe(201);
      const changed = await x.packerClient.put<{ version: number }>(
        `/api/v1/logistics/mappings/${created.body.id}`,
        {
          name: "仓库2",
          mapping: { columns: { order: "单", waybill: "运" }, weightUnit: "g" },
          version: 1,
        },
      );
      expect([changed.status, changed.body.version]).toEqual([200, 2]);
      const stale = await x.packerClient.put(`/api/v1/logistics/mappings/${created.body.id}`, {
        name: "仓库3",
        mapping: { columns: { order: "单", waybill: "运" } },
        version: 1,
      });
      expect(stale.status).toBe(409);
      const list = await x.outsiderClient.get<{ items: { name: string }[] }>(
        "/api/v1/logistics/mappings?kind=tracking",
      );
      expect(list.body.items.map((m) => m.name)).toEqual(["仓库2"]);
      expect(
        (await x.packerClient.del(`/api/v1/logistics/mappings/${created.body.id}`)).status,
      ).toBe(204);
    });
  });
}
