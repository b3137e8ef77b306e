// The SLA routes over HTTP on both databases: everyone reads the policies (the defaults at first);
// the owner and the 客服 lead save them, a 客服 member and a 物流 member are refused (403); a stale
// version is 409, a shift that ends before it starts 400 naming the field; another workspace keeps
// its own policies; a case read through the API shows its clocks; SLA attainment answers per clock.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../../server/services.js";
import * as fx from "../../../test/fixtures/orders/build.js";
import { DIALECTS } from "../../../test/helpers/db.js";
import { buildShopTeam, frozenClock, services } from "../../../test/helpers/factories.js";
import { signedInClient, startTestApp, type TestApp } from "../../../test/helpers/http.js";

const V1 = "/api/v1";
const sh = (local: string) => new Date(`${local}:00+08:00`).toISOString();

interface Policies {
  version: number;
  isDefault: boolean;
  shift: { start: string; end: string };
  policies: { name: string; caseTypes: string[]; targets: Record<string, number | null> }[];
}
interface Problem {
  status: number;
  code: string;
  errors?: { field: string; code?: string }[];
  currentVersion?: number;
}

const body = (version: number, firstResponse: number, name = "all") => ({
  version,
  shift: { start: "09:00", end: "18:00", breaks: [{ start: "12:00", end: "13:00" }] },
  policies: [
    {
      name,
      caseTypes: [],
      platforms: [],
      targets: { firstResponse, decision: 480, resolution: 2400 },
      atRiskShare: 0.8,
    },
    {
      name: "taobao complaints",
      caseTypes: ["complaint"],
      platforms: ["taobao"],
      targets: { firstResponse: 30, decision: null, resolution: 960 },
      atRiskShare: 0.5,
    },
  ],
});

for (const dialect of DIALECTS) {
  describe(`after-sales SLA routes on ${dialect}`, () => {
    let t: TestApp;
    let s: Services;
    const clock = frozenClock(sh("2026-11-16T09:00"));
    beforeAll(async () => {
      t = await startTestApp(dialect, clock);
      s = services(t.tdb.database, clock);
    });
    afterAll(async () => t.close());

    const signIn = (email: string, password: string) => signedInClient(t.app, email, password);
    async function team() {
      const x = await buildShopTeam(s);
      const who = (name: string) => x.people.find((p) => p.name === name)!;
      return {
        ...x,
        owner: await signIn(x.email, "owner-password"),
        cs: await signIn(who("客服专员").email, who("客服专员").password),
        csLead: await signIn(who("客服主管").email, who("客服主管").password),
        packer: await signIn(who("物流专员").email, who("物流专员").password),
        ownerActor: x.owner,
      };
    }

    it("policies: everyone reads, the owner and the 客服 lead save, a 客服 or 物流 member is refused", async () => {
      const x = await team();
      const first = await x.packer.get<Policies>(`${V1}/aftersales/sla-policies`);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ version: 0, isDefault: true, shift: { start: "09:00" } });
      expect(first.body.policies.map((p) => p.targets.firstResponse)).toEqual([240, 120]);

      for (const c of [x.cs, x.packer]) {
        const refused = await c.put<Problem>(`${V1}/aftersales/sla-policies`, body(0, 60));
        expect([refused.status, refused.body.code]).toEqual([
          403,
          "rights.customer_service_required",
        ]);
      }
      const byOwner = await x.owner.put<Policies>(`${V1}/aftersales/sla-policies`, body(0, 60));
      expect(byOwner.status).toBe(200);
      expect(byOwner.body).toMatchObject({ version: 1, isDefault: false });
      const byLead = await x.csLead.put<Policies>(`${V1}/aftersales/sla-policies`, body(1, 90));
      expect(byLead.status).toBe(200);
      expect(byLead.body.version).toBe(2);
      const read = await x.cs.get<Policies>(`${V1}/aftersales/sla-policies`);
      expect(read.body.policies).toMatchObject([
        { name: "all", caseTypes: [], targets: { firstResponse: 90 } },
        { name: "taobao complaints", caseTypes: ["complaint"], targets: { decision: null } },
      ]);

      const stale = await x.owner.put<Problem>(`${V1}/aftersales/sla-policies`, body(1, 30));
      expect([stale.status, stale.body.currentVersion]).toEqual([409, 2]);
      const badShift = await x.owner.put<Problem>(`${V1}/aftersales/sla-policies`, {
        ...body(2, 30),
        shift: { start: "18:00", end: "09:00", breaks: [] },
      });
      expect(badShift.status).toBe(400);
      expect(badShift.body.errors?.[0]).toMatchObject({
        field: "shift",
        code: "aftersales.sla.shift_invalid",
      });
      const tooBig = await x.owner.put<Problem>(`${V1}/aftersales/sla-policies`, body(2, 0));
      expect(tooBig.status).toBe(400);

      // Another workspace still runs on its own (the defaults).
      const other = await team();
      const theirs = await other.cs.get<Policies>(`${V1}/aftersales/sla-policies`);
      expect(theirs.body).toMatchObject({ version: 0, isDefault: true });
    });

    it("a case read through the API shows its clocks; attainment per clock", async () => {
      const x = await team();
      const r = await s.imports.importFiles(x.ownerActor, { shopName: "淘宝店" }, [
        { file: "ExportOrderList202610.csv", bytes: fx.taobaoOrders() },
        { file: "ExportOrderDetailList202610.csv", bytes: fx.taobaoItems() },
      ]);
      expect(r.errors).toEqual([]);
      const order = (await s.orders.list(x.ownerActor, { limit: 50 })).items[0]!;
      await x.owner.put(`${V1}/aftersales/sla-policies`, body(0, 60));
      clock.set(sh("2026-11-13T17:30"));
      const created = await x.cs.post<{ id: string; version: number }>(`${V1}/aftersales/cases`, {
        orderId: order.id,
        type: "refund_after_shipping",
      });
      expect(created.status).toBe(201);
      clock.set(sh("2026-11-16T09:20"));
      const got = await x.packer.get<{
        dueAt: string;
        sla: {
          state: string;
          nextClock: string;
          clocks: { clock: string; dueAt: string; state: string; minutesLeft: number }[];
        };
      }>(`${V1}/aftersales/cases/${created.body.id}`);
      expect(got.status).toBe(200);
      // Friday 17:30–18:00 and Monday 09:00–09:30: 60 working minutes; at 09:20, 50 are used.
      expect(got.body.dueAt).toBe(sh("2026-11-16T09:30"));
      expect(got.body.sla).toMatchObject({ state: "at_risk", nextClock: "firstResponse" });
      expect(got.body.sla.clocks[0]).toMatchObject({
        clock: "firstResponse",
        dueAt: sh("2026-11-16T09:30"),
        state: "at_risk",
        minutesLeft: 10,
      });
      const queue = await x.cs.get<{ items: { id: string; sla: { state: string } }[] }>(
        `${V1}/aftersales/cases?state=open`,
      );
      expect(queue.body.items.map((c) => [c.id, c.sla.state])).toEqual([
        [created.body.id, "at_risk"],
      ]);

      clock.set(sh("2026-11-16T10:00"));
      const moved = await x.cs.post(`${V1}/aftersales/cases/${created.body.id}/transitions`, {
        to: "in_progress",
        version: created.body.version,
      });
      expect(moved.status).toBe(200);
      const a = await x.packer.get<Record<string, unknown>>(
        `${V1}/aftersales/sla-attainment?from=2026-11-13&to=2026-11-13&shop=${encodeURIComponent("淘宝店")}`,
      );
      expect(a.status).toBe(200);
      expect(a.body).toMatchObject({
        cases: 1,
        firstResponse: { met: 0, breached: 1, rate: 0 },
        all: { met: 0, breached: 1, rate: 0 },
      });
      const reversed = await x.packer.get<Problem>(
        `${V1}/aftersales/sla-attainment?from=2026-11-14&to=2026-11-13`,
      );
      expect(reversed.status).toBe(400);
      const noShop = await x.packer.get<Problem>(
        `${V1}/aftersales/sla-attainment?from=2026-11-13&to=2026-11-13&shop=nope`,
      );
      expect(noShop.status).toBe(404);
      // Another workspace's shop is not found either.
      const y = await team();
      await s.imports.importFiles(y.ownerActor, { shopName: "淘宝店" }, [
        { file: "ExportOrderList202610.csv", bytes: fx.taobaoOrders() },
      ]);
      const theirShop = (await s.shops.list(y.ownerActor)).items[0]!.id;
      const foreign = await x.packer.get<Problem>(
        `${V1}/aftersales/sla-attainment?from=2026-11-13&to=2026-11-13&shop=${theirShop}`,
      );
      expect(foreign.status).toBe(404);
    });
  });
}
