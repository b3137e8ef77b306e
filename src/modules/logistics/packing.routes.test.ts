// Packing work over HTTP on both databases: who reads a day's load, who sets the time per parcel,
// bad input refused with field errors (never a 500), a stale version answered 409, and Today
// carrying the packer's run in the JSON the web reads.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS } from "../../../test/helpers/db.js";
import { buildShopTeam, frozenClock, services } from "../../../test/helpers/factories.js";
import { Client, startTestApp, type TestApp } from "../../../test/helpers/http.js";
import { shopifyExport } from "../../../test/helpers/packing.js";

interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: { field: string; code?: string }[];
}

for (const dialect of DIALECTS) {
  describe(`packing routes on ${dialect}`, { timeout: 120_000 }, () => {
    let t: TestApp;
    let owner: Client;
    let lead: Client;
    let packer: Client;
    let ops: Client;
    beforeAll(async () => {
      const clock = frozenClock("2026-11-02T02:00:00Z");
      t = await startTestApp(dialect, clock);
      const s = services(t.tdb.database, clock);
      const team = await buildShopTeam(s);
      await s.imports.importFiles(team.owner, { shopName: "Shopify 店" }, [
        {
          file: "orders_export_1.csv",
          bytes: shopifyExport([{ count: 30, paidAt: "2026-11-02T01:00:00Z", prefix: "R" }]),
        },
      ]);
      const as = async (email: string, password: string) => {
        const c = new Client(t.app);
        const r = await c.post("/api/v1/auth/login", { email, password });
        if (r.status !== 200) throw new Error(`login ${email}: ${r.status} ${r.raw}`);
        return c;
      };
      const person = (name: string) => team.people.find((p) => p.name === name)!;
      owner = await as(team.email, "owner-password");
      lead = await as(person("物流主管").email, person("物流主管").password);
      packer = await as(person("物流专员").email, person("物流专员").password);
      ops = await as(person("运营专员").email, person("运营专员").password);
    });
    afterAll(async () => t.close());

    it("lets the people of 物流 read a day's load and only the owner or a 物流 lead set the time", async () => {
      const load = await packer.get<{ date: string; parcels: number; members: unknown[] }>(
        "/api/v1/logistics/packing/load?date=2026-11-02",
      );
      expect(load.status).toBe(200);
      expect(load.body).toMatchObject({ date: "2026-11-02", parcels: 30 });
      expect(load.body.members).toHaveLength(2);
      expect((await ops.get("/api/v1/logistics/packing/load")).status).toBe(403);
      // Everyone reads the setting; the packer may not change it.
      expect((await ops.get("/api/v1/logistics/packing/settings")).body).toMatchObject({
        parcelSeconds: null,
        secondsPerParcel: 60,
        secondsSource: "default",
        version: 0,
      });
      const refused = await packer.put<Problem>("/api/v1/logistics/packing/settings", {
        parcelSeconds: 90,
        version: 0,
      });
      expect([refused.status, refused.body.code]).toEqual([403, "rights.logistics_required"]);
      const saved = await lead.put<{ parcelSeconds: number; version: number }>(
        "/api/v1/logistics/packing/settings",
        { parcelSeconds: 90, version: 0 },
      );
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ parcelSeconds: 90, version: 1 });
      const stale = await owner.put<Problem>("/api/v1/logistics/packing/settings", {
        parcelSeconds: 120,
        version: 0,
      });
      expect([stale.status, stale.body.code]).toEqual([409, "logistics.people.settings_stale"]);
      // Today carries the packer's run: 15 of the 30 parcels at 90 s.
      const today = await packer.get<{ packing: { parcels: number; hours: number } | null }>(
        "/api/v1/today",
      );
      expect(today.body.packing).toMatchObject({ parcels: 15, hours: 0.38 });
      expect((await ops.get<{ packing: unknown }>("/api/v1/today")).body.packing).toBeNull();
    });

    it("refuses bad input with field errors", async () => {
      for (const body of [
        { parcelSeconds: 2, version: 1 },
        { parcelSeconds: "90", version: 1 },
        { parcelSeconds: 90 },
        { parcelSeconds: 90, version: 1, extra: true },
      ]) {
        const r = await owner.put<Problem>("/api/v1/logistics/packing/settings", body);
        expect(r.status).toBe(400);
      }
      const far = await lead.get<Problem>("/api/v1/logistics/packing/load?date=2027-01-01");
      expect(far.status).toBe(400);
      expect(far.body.errors?.map((e) => e.field)).toEqual(["date"]);
      expect((await lead.get("/api/v1/logistics/packing/load?date=2026-02-30")).status).toBe(400);
    });
  });
}
