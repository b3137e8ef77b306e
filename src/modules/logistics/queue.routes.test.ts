// The queue, parcel and batch routes over HTTP on both databases: sign-in, the packer's right,
// validation with field details, another workspace's ids answering 404, a stale version 409.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS } from "../../../test/helpers/db.js";
import { Client, signupClient, startTestApp, type TestApp } from "../../../test/helpers/http.js";
import { addQueueOrders } from "../../../test/helpers/queue-orders.js";

interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: { field: string; code?: string; message: string }[];
}

for (const dialect of DIALECTS) {
  describe(`queue routes on ${dialect}`, () => {
    let t: TestApp;
    let owner: Client;
    let other: Client;
    let orders: Map<string, string>;
    beforeAll(async () => {
      t = await startTestApp(dialect);
      owner = (await signupClient(t.app, "ecommerce")).client;
      other = (await signupClient(t.app, "ecommerce")).client;
      const me = await owner.get<{ workspace: { id: string } }>("/api/v1/me");
      const shop = await owner.post<{ id: string }>("/api/v1/shops", {
        name: "拼多多店",
        platform: "pdd",
      });
      orders = await addQueueOrders(t.tdb.database.db, me.body.workspace.id, shop.body.id, "pdd", [
        { no: "R1", paidAt: "2026-11-30T01:00:00.000Z", recipient: "周*", phone: "1******1" },
        { no: "R2", paidAt: "2026-11-30T02:00:00.000Z", recipient: "吴*", phone: "1******2" },
      ]);
    });
    afterAll(async () => t.close());

    it("answers the queue to a signed-in member only, and checks the filters", async () => {
      expect((await new Client(t.app).get("/api/v1/logistics/queue")).status).toBe(401);
      const q = await owner.get<{ items: { platformOrderId: string }[] }>(
        "/api/v1/logistics/queue?limit=1",
      );
      expect(q.status).toBe(200);
      expect(q.body.items.map((i) => i.platformOrderId)).toEqual(["R1"]);
      const bad = await owner.get<Problem>("/api/v1/logistics/queue?limit=500&overdue=maybe");
      expect(bad.status).toBe(400);
      const province = await owner.get<Problem>("/api/v1/logistics/queue?province=Atlantis");
      expect(province.status).toBe(400);
      expect(province.body.errors?.[0]).toMatchObject({
        field: "province",
        code: "logistics.queue.unknown_province",
      });
      // another workspace sees none of these orders
      const theirs = await other.get<{ items: unknown[] }>("/api/v1/logistics/queue");
      expect(theirs.body.items).toEqual([]);
    });

    it("makes parcels and a batch, refuses another workspace's ids and stale versions", async () => {
      const made = await owner.post<{ items: { id: string; version: number }[] }>(
        "/api/v1/logistics/parcels",
        { orderIds: [orders.get("R1")!] },
      );
      expect(made.status).toBe(201);
      const parcel = made.body.items[0]!;
      expect((await other.get<Problem>(`/api/v1/logistics/parcels/${parcel.id}`)).status).toBe(404);
      expect(
        (await other.post<Problem>("/api/v1/logistics/parcels", { orderIds: [orders.get("R2")!] }))
          .status,
      ).toBe(404);
      expect(
        (await owner.post<Problem>("/api/v1/logistics/parcels", { orderIds: [], extra: 1 })).status,
      ).toBe(400);
      const stale = await owner.post<Problem>(`/api/v1/logistics/parcels/${parcel.id}/undo`, {
        version: parcel.version + 1,
      });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe("logistics.queue.stale");

      const batch = await owner.post<{ id: string; number: string; version: number }>(
        "/api/v1/logistics/batches",
        { parcelIds: [parcel.id], orderIds: [orders.get("R2")!] },
      );
      expect(batch.status).toBe(201);
      expect(batch.body.number).toMatch(/^B\d{8}-01$/);
      expect((await other.get(`/api/v1/logistics/batches/${batch.body.id}`)).status).toBe(404);
      expect((await other.get(`/api/v1/logistics/batches/${batch.body.id}/slips`)).status).toBe(
        404,
      );
      const slips = await owner.get<{ slips: { parcelId: string }[] }>(
        `/api/v1/logistics/batches/${batch.body.number}/slips`,
      );
      expect(slips.body.slips).toHaveLength(2);
      const printed = await owner.post<{ status: string }>(
        `/api/v1/logistics/batches/${batch.body.id}/printed`,
        { version: batch.body.version },
      );
      expect(printed.body.status).toBe("printed");
      const again = await owner.post<Problem>(
        `/api/v1/logistics/batches/${batch.body.id}/printed`,
        {
          version: batch.body.version,
        },
      );
      expect(again.status).toBe(409);
      const manifest = await owner.get<Problem>("/api/v1/logistics/manifest");
      expect(manifest.status).toBe(400);
    });

    it("lets only packers change parcels and SKU settings", async () => {
      const deps = await owner.get<{ items: { id: string; name: string }[] }>(
        "/api/v1/departments",
      );
      const ops = deps.body.items.find((d) => d.name === "运营")!;
      const email = `ops.${Date.now()}@example.com`;
      await owner.post("/api/v1/members", {
        name: "运营专员",
        email,
        password: "member-password",
        departmentId: ops.id,
      });
      const member = new Client(t.app);
      expect(
        (await member.post("/api/v1/auth/login", { email, password: "member-password" })).status,
      ).toBe(200);
      expect((await member.get("/api/v1/logistics/queue")).status).toBe(200);
      const refused = await member.put<Problem>("/api/v1/logistics/skus/TX", {
        location: "B",
        weightG: null,
      });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe("logistics.pack_forbidden");
      expect(
        (await member.post<Problem>("/api/v1/logistics/parcels", { orderIds: [orders.get("R2")!] }))
          .status,
      ).toBe(403);

      const sku = await owner.put<{ location: string }>("/api/v1/logistics/skus/TX-W-XL", {
        location: "A-01",
        weightG: 250,
      });
      expect(sku.body.location).toBe("A-01");
      const bad = await owner.put<Problem>("/api/v1/logistics/skus/TX", {
        location: "A",
        weightG: 0,
      });
      expect(bad.status).toBe(400);
    });
  });
}
