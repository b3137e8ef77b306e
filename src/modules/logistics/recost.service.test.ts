// Re-costing many parcels after a rate-card change, on both databases: several hundred parcels in
// several batches (on PostgreSQL one statement per batch, written while the next batch is costed)
// end with exactly the cost, card and formula the pure core gives each parcel under the new card —
// the same on SQLite and PostgreSQL — the progress runs to the end, and re-costing again changes
// nothing. The formula is stored as the card's revision and the quote's inputs and read back as the
// core's formula; a parcel the re-cost leaves alone (cancelled) keeps the formula of the card it was
// costed with, though that card's content was replaced.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock, type Actor } from "../../core/actor.js";
import { compileRateCard, DEFAULT_SETTINGS } from "../../core/logistics/rate-card.js";
import { readRateCardRecords, withOptions } from "../../core/logistics/rate-card-file.js";
import { quoteCard } from "../../core/logistics/rate-quote.js";
import { msg, renderMessage, storeMessage, type Message } from "../../core/messages/index.js";
import { PROVINCES, readCsvBytes } from "../../core/orders/index.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { AuthService } from "../auth/auth.service.js";
import { CarrierRepository } from "./carriers.repository.js";
import { costFormulas } from "./cost-formula.js";
import { recostParcels } from "./parcel-cost.js";
import { RateCardService } from "./rates.service.js";

const CARD = join(import.meta.dirname, "../../../test/fixtures/logistics/zto-rates-202612.csv");
/** The card with every price 10 % up. */
const newer = () =>
  new Uint8Array(
    Buffer.from(
      readFileSync(CARD)
        .toString("latin1")
        .replace(/(\d+)\.(\d\d)/g, (_m, a: string, b: string) => {
          const fen = Math.round((Number(a) * 100 + Number(b)) * 1.1);
          return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, "0")}`;
        }),
      "latin1",
    ),
  );

/** 350 parcels: weights 0.1–20 kg (some none: not costed), a third with a size, every province. */
const parcels = Array.from({ length: 350 }, (_, i) => ({
  id: `p${String(i).padStart(5, "0")}`,
  weightG: i % 29 === 0 ? null : 100 + ((i * 7919) % 19_900),
  dims: i % 3 === 0 ? ([100 + (i % 500), 100 + (i % 400), 50 + (i % 300)] as const) : null,
  province: PROVINCES[i % PROVINCES.length]!.name,
  shippedAt: new Date(Date.UTC(2026, 10, 1 + (i % 28), 4)).toISOString(),
}));

/** What the core gives each parcel under a card: [id, fen, formula] (null when not costed). */
function expected(bytes = newer()): [string, number | null, Message | null][] {
  const r = readCsvBytes("card.csv", bytes);
  if ("problem" in r) throw new Error(r.problem.code);
  const read = readRateCardRecords("card.csv", r.table.records, withOptions(DEFAULT_SETTINGS, {}));
  if (!read.ok) throw new Error("card");
  const c = compileRateCard("card.csv", read.card, read.locate);
  if (!c.ok) throw new Error("card");
  return parcels.map((p) => {
    if (p.weightG === null) return [p.id, null, null];
    const q = quoteCard(c.card, {
      weightG: p.weightG,
      dims: p.dims ? { lengthMm: p.dims[0], widthMm: p.dims[1], heightMm: p.dims[2] } : null,
      province: p.province,
    });
    return q.ok ? [p.id, q.feeFen, q.formula] : [p.id, null, null];
  });
}

for (const dialect of DIALECTS) {
  describe(`re-costing many parcels on ${dialect}`, () => {
    let tdb: TestDatabase;
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
    });
    afterAll(async () => tdb.cleanup());

    it("writes each parcel the core's cost and formula under the new card, batch after batch, and a second run changes nothing", async () => {
      const db = tdb.database.db;
      const auth = new AuthService({ db, clock: systemClock });
      const s = await auth.signup({
        workspaceName: "Recost",
        name: "Owner",
        email: `recost-${dialect}@example.com`,
        password: "recost-password",
      });
      const ctx = (await auth.resolveSession(s.token))!;
      const owner: Actor = {
        userId: ctx.user.id,
        memberId: ctx.member.id,
        workspaceId: ctx.workspace.id,
        role: "owner",
        departmentId: null,
        via: "system",
      };
      const ws = owner.workspaceId;
      const rates = new RateCardService({ db, clock: systemClock });
      await rates.importCard(owner, {
        carrier: "ZTO",
        fileName: "zto.csv",
        bytes: new Uint8Array(readFileSync(CARD)),
        validFrom: "2026-11-01",
      });
      const zto = (await new CarrierRepository(db).find(ws, "ZTO", new Date().toISOString()))!;
      const at = "2026-11-01T00:00:00.000Z";
      await db
        .insertInto("parcels")
        .values(
          parcels.map((p) => ({
            workspaceId: ws,
            id: p.id,
            shopId: "no-shop",
            status: "shipped" as const,
            carrierId: zto.id,
            weightG: p.weightG,
            weightSource: p.weightG === null ? null : ("scale" as const),
            lengthMm: p.dims?.[0] ?? null,
            widthMm: p.dims?.[1] ?? null,
            heightMm: p.dims?.[2] ?? null,
            province: p.province,
            shippedAt: p.shippedAt,
            version: 1,
            createdAt: at,
            updatedAt: at,
          })),
        )
        .execute();
      // Costed under the first card, then the card is replaced (every price 10 % up). One parcel is
      // cancelled in between: the re-cost leaves it as the first card costed it.
      await recostParcels(db, ws, { carrierIds: [zto.id], batchSize: 100 });
      const first = expected(new Uint8Array(readFileSync(CARD)));
      await db
        .insertInto("parcels")
        .values({
          workspaceId: ws,
          id: "p99999",
          shopId: "no-shop",
          status: "shipped",
          carrierId: zto.id,
          weightG: parcels[1]!.weightG,
          weightSource: "scale",
          province: parcels[1]!.province,
          shippedAt: parcels[1]!.shippedAt,
          version: 1,
          createdAt: at,
          updatedAt: at,
        })
        .execute();
      await recostParcels(db, ws, { carrierIds: [zto.id], batchSize: 100 });
      await db
        .updateTable("parcels")
        .set({ status: "cancelled" })
        .where("workspaceId", "=", ws)
        .where("id", "=", "p99999")
        .execute();
      const card = await rates.importCard(owner, {
        carrier: "ZTO",
        fileName: "zto-new.csv",
        bytes: newer(),
        validFrom: "2026-11-01",
      });
      const want = expected();
      const read = async () =>
        (
          await db
            .selectFrom("parcels")
            .select(["id", "costFen", "costCardId", "costFormula", "version", "updatedAt"])
            .where("workspaceId", "=", ws)
            .where("status", "!=", "cancelled")
            .orderBy("id")
            .execute()
        ).map((r) => ({ ...r, costFen: r.costFen === null ? null : Number(r.costFen) }));
      const rows = await read();
      const shown = async (rs: { costCardId: string | null; costFormula: string | null }[]) =>
        (await costFormulas(db, ws, rs)).map((f) => f && renderMessage("zh-CN", f));
      expect(rows.map((r) => [r.id, r.costFen])).toEqual(want.map((w) => [w[0], w[1]]));
      const costed = want.filter((w) => w[1] !== null);
      // The formula, read back in either language, is the one the core gives (一区/二区, the sizes,
      // through the batch write); what is stored is the short form, not the formula's JSON.
      const withCost = rows.filter((r) => r.costFen !== null);
      expect(await shown(withCost)).toEqual(costed.map((w) => renderMessage("zh-CN", w[2]!)));
      expect((await costFormulas(db, ws, withCost)).map((f) => renderMessage("en", f!))).toEqual(
        costed.map((w) => renderMessage("en", w[2]!)),
      );
      expect(withCost.every((r) => r.costFormula!.length < 40)).toBe(true);
      // The cancelled parcel still shows the first card's cost and formula (the card's first
      // revision), not the replaced card's.
      const cancelled = await db
        .selectFrom("parcels")
        .select(["costFen", "costCardId", "costFormula"])
        .where("workspaceId", "=", ws)
        .where("id", "=", "p99999")
        .executeTakeFirstOrThrow();
      expect(cancelled.costCardId).toBe(card.card.id);
      expect([Number(cancelled.costFen), ...(await shown([cancelled]))]).toEqual([
        first[1]![1],
        renderMessage("zh-CN", first[1]![2]!),
      ]);
      expect(first[1]![1]).not.toBe(want[1]![1]);
      // A parcel without a weight says so.
      expect(rows.find((r) => r.id === "p00029")!.costFormula).toBe(
        storeMessage(msg("rates.nocost.no_weight")),
      );
      expect(costed.length).toBeGreaterThan(300);
      expect(
        rows.filter((r) => r.costFen !== null).every((r) => r.costCardId === card.card.id),
      ).toBe(true);
      // A derived cost moves neither the version nor updated_at.
      expect(rows.every((r) => r.version === 1 && r.updatedAt === at)).toBe(true);

      // Again by hand, in batches of 100: the progress runs to the end, the totals are the core's,
      // and every row is as it was.
      const seen: [number, number][] = [];
      const again = await recostParcels(db, ws, {
        carrierIds: [zto.id],
        batchSize: 100,
        onProgress: (done, total) => seen.push([done, total]),
      });
      expect(again).toEqual({
        count: 350,
        costed: costed.length,
        totalFen: costed.reduce((n, w) => n + w[1]!, 0),
      });
      expect(seen).toEqual([
        [0, 350],
        [100, 350],
        [200, 350],
        [300, 350],
        [350, 350],
      ]);
      expect(await read()).toEqual(rows);
    });
  });
}
