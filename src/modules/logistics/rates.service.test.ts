// Carriers, rate cards and parcel costs on both databases, with the real files in
// test/fixtures/logistics (a GBK CSV card for 中通, an XLSX card for 顺丰, a JSON card with settings for
// 京东, a broken GBK CSV): import (and the refusal with row and column, storing nothing), the
// cheapest carrier with the ones left out, parcel costs from the card valid on the ship day
// (estimated from SKU weights when a parcel has no weight), re-costing after a new card, carrier
// edits, and export → import round trips.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderMessage } from "../../core/messages/index.js";
import type { Services } from "../../server/services.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { failure } from "../../../test/helpers/errors.js";
import { frozenClock, services } from "../../../test/helpers/factories.js";
import { packTeam } from "../../../test/fixtures/logistics/team.js";
import { costFormulas } from "./cost-formula.js";
import { costParcel, recostParcels } from "./parcel-cost.js";
import { ParcelRepository, SkuSettingsRepository } from "./parcels.repository.js";
import { rateCardFile } from "./rates-export.js";
import { RateCardService, type RateCardRejected } from "./rates.service.js";
import type { LiveEvent } from "../shared/context.js";

const fixtures = join(import.meta.dirname, "../../../test/fixtures/logistics");
const file = (name: string) => new Uint8Array(readFileSync(join(fixtures, name)));
const zh = (m: Parameters<typeof renderMessage>[1]) => renderMessage("zh-CN", m);

for (const dialect of DIALECTS) {
  describe(`rate cards on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    const clock = frozenClock("2026-11-02T02:00:00.000Z"); // 10:00 on 2026-11-02 in Shanghai
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database, clock);
    });
    afterAll(async () => tdb.cleanup());

    const team = async () => {
      const t = await packTeam(s, tdb.database);
      const carriers = (await s.carriers.list(t.lead)).items;
      const carrier = (code: string) => carriers.find((c) => c.code === code)!;
      const importAll = async () => {
        await s.rateCards.importCard(t.lead, {
          carrier: "ZTO",
          fileName: "zto-rates-202612.csv",
          bytes: file("zto-rates-202612.csv"),
          validFrom: "2026-11-01",
        });
        await s.rateCards.importCard(t.lead, {
          carrier: "SF",
          fileName: "sf-rates-202612.xlsx",
          bytes: file("sf-rates-202612.xlsx"),
          validFrom: "2026-11-01",
          divisor: 6000,
          volumetric: "full",
          stepRounding: "0.5",
        });
        await s.rateCards.importCard(t.lead, {
          carrier: "jd",
          fileName: "jd-rate-card.json",
          bytes: file("jd-rate-card.json"),
          validFrom: "2026-11-01",
        });
      };
      return { ...t, carrier, importAll };
    };

    it("imports a GBK CSV card for a carrier; the provinces it leaves out are listed; packers may not import", async () => {
      const t = await team();
      const r = await s.rateCards.importCard(t.lead, {
        carrier: "ZTO",
        fileName: "zto-rates-202612.csv",
        bytes: file("zto-rates-202612.csv"),
        validFrom: "2026-11-01",
      });
      expect(r).toMatchObject({
        replaced: false,
        recosted: 0,
        card: {
          carrier: { code: "ZTO", name: "中通快递" },
          validFrom: "2026-11-01",
          validTo: null,
          zones: 4,
          bands: 6,
          notCovered: ["台湾", "香港", "澳门"],
          settings: { divisor: null, volumetric: "none", stepRounding: "1" },
        },
      });
      const refused = await failure(
        s.rateCards.importCard(t.packer, {
          carrier: "ZTO",
          fileName: "zto-rates-202612.csv",
          bytes: file("zto-rates-202612.csv"),
        }),
      );
      expect([refused?.kind, refused?.coded?.code]).toEqual([
        "forbidden",
        "rights.logistics_required",
      ]);
      // Everyone reads: the packer sees the card and the carrier's card of today.
      const zto = (await s.carriers.list(t.packer)).items.find((c) => c.code === "ZTO")!;
      expect(zto).toMatchObject({
        cards: 1,
        currentCard: { id: r.card.id, validFrom: "2026-11-01" },
      });
      const card = await s.rateCards.get(t.packer, r.card.id);
      expect(card.card.zones[3]).toEqual({
        name: "偏远",
        provinces: ["新疆", "西藏"],
        bands: [
          {
            fromKg: "0",
            toKg: null,
            mode: "first_additional",
            firstKg: "1",
            firstFee: "15.00",
            stepKg: "0.5",
            stepFee: "6.00",
          },
        ],
      });
      // A card of a later day closes the earlier one the day before.
      await s.rateCards.importCard(t.lead, {
        carrier: "ZTO",
        fileName: "zto-rates-202612.csv",
        bytes: file("zto-rates-202612.csv"),
        validFrom: "2026-12-01",
      });
      const list = await s.rateCards.list(t.lead, t.carrier("ZTO").id);
      expect(list.items.map((c) => [c.validFrom, c.validTo])).toEqual([
        ["2026-11-01", "2026-11-30"],
        ["2026-12-01", null],
      ]);
    });

    it("refuses a broken card with every problem's row and column and stores nothing", async () => {
      const t = await team();
      const e = (await failure(
        s.rateCards.importCard(t.lead, {
          carrier: "ZTO",
          fileName: "zto-rates-broken.csv",
          bytes: file("zto-rates-broken.csv"),
        }),
      )) as RateCardRejected | null;
      expect(e?.kind).toBe("invalid");
      expect(e!.problems.map((p) => [p.row, p.column, p.code])).toEqual([
        [3, "起始重量", "rates.band.gap"],
        [4, "省份", "rates.province.twice"],
        [4, "省份", "rates.province.unknown"],
        [5, "续重单位", "rates.band.step"],
      ]);
      expect(zh(e!.coded!)).toBe(
        "价目表未导入：共 4 个问题，第一个：zto-rates-broken.csv 第 3 行“起始重量”列：区域“一区”有断档：超过 3 kg 至 4 kg 的重量没有重量段。",
      );
      expect(
        renderMessage("en", { code: e!.problems[1]!.code, params: e!.problems[1]!.params }),
      ).toBe("江苏 is in zone 二区 and in zone 一区: a province belongs to one zone.");
      expect((await s.rateCards.list(t.lead)).items).toEqual([]);
      const empty = await failure(
        s.rateCards.importCard(t.lead, {
          carrier: "ZTO",
          fileName: "x.csv",
          bytes: new Uint8Array(),
        }),
      );
      expect(empty?.coded?.code).toBe("upload.empty");
      const unknown = await failure(
        s.rateCards.importCard(t.lead, {
          carrier: "NOPE",
          fileName: "x.csv",
          bytes: file("zto-rates-202612.csv"),
        }),
      );
      expect([unknown?.kind, unknown?.coded?.code]).toEqual([
        "not_found",
        "rates.quote.no_carrier",
      ]);
    });

    it("quotes every carrier cheapest first, with the carriers left out and why", async () => {
      const t = await team();
      await t.importAll();
      // 广东 1.2 kg, 30×20×10 cm:
      //   中通 1.2 → 2 kg, 二区 0–3 kg flat 4.00
      //   京东 half 8000: volumetric 0.75 kg < 1.2 → 1.5 kg: 6.00 + 1 × 1.00 = 7.00
      //   顺丰 full 6000: max(1.2, 1) = 1.2 → 1.5 kg: 同城 12.00 + 1 × 2.00 = 14.00
      const q = await s.rateCards.quote(
        t.packer,
        s.rateCards.parseQuote({ province: "广东省", weightKg: "1.2", dims: "30x20x10" }),
      );
      expect(q.on).toBe("2026-11-02");
      expect(q.quotes.map((x) => [x.carrier.code, x.chargeableKg, x.fee, x.zone])).toEqual([
        ["ZTO", "2", "4.00", "二区"],
        ["JD", "1.5", "7.00", "全国"],
        ["SF", "1.5", "14.00", "同城"],
      ]);
      expect(zh(q.quotes[2]!.formula)).toBe(
        "取大（实重 1.2 kg，体积重 30×20×10 cm ÷ 6000 = 1 kg），按 0.5 kg 进位 → 计费重 1.5 kg；同城 0 kg 以上：首重 1 kg 12.00 + 续重 1 × 2.00（每 0.5 kg） = 14.00",
      );
      expect(q.leftOut.map((l) => [l.carrier.code, renderMessage("en", l.reason)])).toEqual(
        ["EMS", "JTSD", "POSTB", "STO", "YTO", "YUNDA"].map((c) => [
          c,
          "no rate card valid on 2026-11-02",
        ]),
      );
      // A Pinduoduo order: 京东's card is limited to JD.
      const pdd = await s.rateCards.quote(
        t.packer,
        s.rateCards.parseQuote({
          province: "粤",
          weightKg: "1.2",
          dims: "30x20x10",
          platform: "pdd",
        }),
      );
      expect(pdd.quotes.map((x) => x.carrier.code)).toEqual(["ZTO", "SF"]);
      expect(zh(pdd.leftOut.find((l) => l.carrier.code === "JD")!.reason)).toBe(
        "仅限 jd，不含 pdd",
      );
      // Hong Kong: no card covers it.
      const hk = await s.rateCards.quote(
        t.packer,
        s.rateCards.parseQuote({ province: "香港", weightKg: "1" }),
      );
      expect(hk.quotes).toEqual([]);
      expect(
        hk.leftOut
          .filter((l) => l.reason.code === "rates.out.no_coverage")
          .map((l) => l.carrier.code),
      ).toEqual(["JD", "SF", "ZTO"]);
      // 京东 to 新疆, 0.5 kg, declared 100.00: flat 4.50 → minimum 5.00 + remote 8.00 + 0.50 insurance = 13.50
      const xj = await s.rateCards.quote(
        t.packer,
        s.rateCards.parseQuote({
          carrier: "JD",
          province: "新疆",
          weightKg: "0.5",
          declaredValue: "100",
        }),
      );
      expect(xj.quotes.map((x) => [x.chargeableKg, x.fee])).toEqual([["0.5", "13.50"]]);
      expect(renderMessage("en", xj.quotes[0]!.formula)).toBe(
        "actual 0.5 kg, rounded up to 0.5 kg → 0.5 kg chargeable; 全国 0–1 kg flat 4.50, below the minimum charge 5.00 + remote-area surcharge (新疆) 8.00 + insurance 100.00 × 0.5% = 13.50",
      );
      // A quote for a day before any card.
      const early = await s.rateCards.quote(
        t.packer,
        s.rateCards.parseQuote({ province: "浙江", weightKg: "1", on: "2026-10-31" }),
      );
      expect(early.quotes).toEqual([]);
      // Bad input answers with field errors, never a 500.
      const bad = await failure(
        Promise.resolve().then(() =>
          s.rateCards.parseQuote({ province: "火星", weightKg: "0", dims: "30x20" }),
        ),
      );
      expect(bad?.fields.map((f) => [f.field, f.code])).toEqual([
        ["weightKg", "rates.quote.bad_weight"],
        ["dims", "rates.quote.bad_dims"],
        ["province", "rates.province.unknown"],
      ]);
    });

    it("costs parcels from the card valid on their ship day, estimating the weight from SKUs, and re-costs after a new card", async () => {
      const t = await team();
      await t.importAll();
      const parcels = new ParcelRepository(tdb.database.db);
      const set = async (id: string, patch: Parameters<ParcelRepository["update"]>[3]) => {
        const p = (await parcels.get(t.workspaceId, id))!;
        expect(
          await parcels.update(t.workspaceId, id, p.version, patch, "2026-11-02T02:00:00.000Z"),
        ).toBe(true);
      };
      const zto = t.carrier("ZTO").id;
      const weighed = await t.parcel("261101-000000001"); // 广东, made 2026-11-02
      await set(weighed, { carrierId: zto, weightG: 1200, weightSource: "scale" });
      const estimated = await t.parcel("261101-000000002"); // 浙江, no weight
      await set(estimated, { carrierId: zto });
      const early = await t.parcel("261101-000000003"); // 广东, shipped 11-01 01:00 in Shanghai
      await set(early, { carrierId: zto, weightG: 1200, shippedAt: "2026-10-31T17:00:00.000Z" });
      const noCard = await t.parcel("261101-000000008");
      await set(noCard, { carrierId: t.carrier("YTO").id, weightG: 800 });

      const a = await costParcel(tdb.database.db, t.workspaceId, weighed);
      expect([a?.costFen, a?.chargeableG, a?.estimated]).toEqual([400, 2000, false]);
      expect(zh(a!.formula)).toBe(
        "实重 1.2 kg，按 1 kg 进位 → 计费重 2 kg；二区 0–3 kg 一口价 4.00 = 4.00",
      );
      // No weight and no SKU weight: not costed, and says why.
      const b0 = await costParcel(tdb.database.db, t.workspaceId, estimated);
      expect([b0?.costFen, zh(b0!.formula)]).toEqual([
        null,
        "未计费：没有重量，且包裹中并非每个 SKU 都有重量可用于估算",
      ]);
      await new SkuSettingsRepository(tdb.database.db).put(t.workspaceId, {
        sku: "TX-W-XL",
        location: null,
        weightG: 350,
        updatedAt: "2026-11-02T02:00:00.000Z",
      });
      const b = await costParcel(tdb.database.db, t.workspaceId, estimated);
      expect([b?.costFen, b?.weightG, b?.estimated]).toEqual([320, 350, true]);
      expect(zh(b!.formula)).toBe(
        "实重 0.35 kg，按 1 kg 进位（实重按 SKU 重量估算） → 计费重 1 kg；一区 0–3 kg 一口价 3.20 = 3.20",
      );
      const c = await costParcel(tdb.database.db, t.workspaceId, noCard);
      expect([c?.costFen, zh(c!.formula)]).toEqual([
        null,
        "未计费（圆通速递）：2026-11-02 没有生效的价目表",
      ]);
      expect(await costParcel(tdb.database.db, "another-workspace", weighed)).toBeNull();
      // The parcel row holds the cost, the card and the formula; its version did not move.
      const row = (await parcels.get(t.workspaceId, weighed))!;
      const oldCard = (await s.rateCards.list(t.lead, zto)).items[0]!.id;
      expect([row.costFen, row.costCardId, row.version]).toEqual([400, oldCard, 2]);
      // Stored as the card's revision and the quote's inputs (not the formula's JSON); read back,
      // it is the formula the costing gave.
      expect(row.costFormula).toBe("q1:1:1200::440000:");
      const [shown] = await costFormulas(tdb.database.db, t.workspaceId, [row]);
      expect(zh(shown!)).toBe(zh(a!.formula));

      // A new 中通 card from 11-02 (二区 0–3 kg now 4.50): the import re-costs 中通's parcels; the
      // parcel shipped on 11-01 keeps the old card.
      const newer = readFileSync(join(fixtures, "zto-rates-202612.csv"))
        .toString("latin1")
        .replace(/,4\.00,/, ",4.50,");
      // Imported by a service with live events: the importer's pages hear the re-cost's progress.
      const live: LiveEvent[] = [];
      const withEvents = new RateCardService({
        db: tdb.database.db,
        clock,
        events: { publish: (_ws, e) => live.push(e) },
      });
      const r = await withEvents.importCard(t.lead, {
        carrier: "ZTO",
        fileName: "zto-rates-202611.csv",
        bytes: new Uint8Array(Buffer.from(newer, "latin1")),
        validFrom: "2026-11-02",
      });
      expect(r.recosted).toBe(3);
      const progress = live.filter((e) => e.type === "rates.recost.progress");
      expect(progress.map((e) => [e.done, e.total])).toEqual([
        [0, 3],
        [3, 3],
      ]);
      expect(progress.every((e) => e.memberId === t.lead.memberId && e.carrierId === zto)).toBe(
        true,
      );
      const after = await parcels.getMany(t.workspaceId, [weighed, early]);
      expect(after.map((p) => [p.id, p.costFen, p.costCardId])).toEqual(
        [
          [weighed, 450, r.card.id],
          [early, 400, oldCard],
        ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
      );
      // A re-cost of everything reports its progress to the end.
      const seen: [number, number][] = [];
      const all = await recostParcels(tdb.database.db, t.workspaceId, {
        batchSize: 100,
        onProgress: (done, total) => seen.push([done, total]),
      });
      expect(all).toMatchObject({ count: 4, costed: 3, totalFen: 450 + 320 + 400 });
      expect(seen.at(0)).toEqual([0, 4]);
      expect(seen.at(-1)).toEqual([4, 4]);
    });

    it("edits a carrier's codes, aliases and platforms; a stale version or a taken code is refused", async () => {
      const t = await team();
      const zto = t.carrier("ZTO");
      const edited = await s.carriers.update(t.lead, zto.id, {
        version: zto.version,
        codes: { ...zto.codes, pdd: "中通" },
        aliases: ["中通", "中通快运", " "],
        platforms: ["taobao"],
      });
      expect(edited).toMatchObject({
        version: 2,
        codes: { pdd: "中通", kdniao: "ZTO" },
        aliases: ["中通", "中通快运"],
        platforms: ["taobao"],
      });
      const stale = await failure(
        s.carriers.update(t.lead, zto.id, { version: zto.version, name: "x" }),
      );
      expect([stale?.kind, stale?.extra.currentVersion]).toEqual(["conflict", 2]);
      const taken = await failure(s.carriers.update(t.lead, zto.id, { version: 2, code: "sf" }));
      expect([taken?.kind, taken?.fields[0]?.field]).toEqual(["conflict", "code"]);
      const packer = await failure(s.carriers.update(t.packer, zto.id, { version: 2, name: "x" }));
      expect(packer?.kind).toBe("forbidden");
      const added = await s.carriers.create(t.lead, {
        code: "DBL",
        name: "德邦快递",
        aliases: ["德邦"],
      });
      expect(added).toMatchObject({ code: "DBL", active: true, platforms: null, version: 1 });
      // A carrier that ships for Taobao only is left out of a Pinduoduo quote.
      await t.importAll();
      const q = await s.rateCards.quote(
        t.packer,
        s.rateCards.parseQuote({ province: "广东", weightKg: "1", platform: "pdd" }),
      );
      expect(zh(q.leftOut.find((l) => l.carrier.code === "ZTO")!.reason)).toBe(
        "只为 taobao 发货，不含 pdd",
      );
    });

    it("exports a card as CSV, XLSX and JSON that import back to the same card", async () => {
      const t = await team();
      await t.importAll();
      const cards = (await s.rateCards.list(t.lead)).items;
      for (const c of cards) {
        const v1 = await s.rateCards.fileOf(t.lead, c.id);
        for (const [format, locale] of [
          ["csv", "zh-CN"],
          ["xlsx", "en"],
          ["json", "en"],
        ] as const) {
          const f = await rateCardFile(v1, format, locale);
          const back = await s.rateCards.importCard(t.lead, {
            carrier: c.carrier.code,
            fileName: f.fileName,
            bytes: new Uint8Array(f.body),
            validFrom: "2026-12-01",
            ...(format === "json"
              ? {}
              : {
                  divisor: v1.settings.divisor ?? ("none" as const),
                  volumetric:
                    v1.settings.volumetric === "half"
                      ? `half:${v1.settings.volumetricPct}`
                      : v1.settings.volumetric,
                  stepRounding: v1.settings.stepRounding,
                }),
          });
          const again = await s.rateCards.fileOf(t.lead, back.card.id);
          const { validFrom: _a, ...want } = v1;
          const { validFrom: _b, ...got } = again;
          if (format === "json") expect(got).toEqual(want);
          else expect(got.zones).toEqual(want.zones);
        }
      }
      const csv = await rateCardFile(
        await s.rateCards.fileOf(t.lead, cards.find((c) => c.carrier.code === "ZTO")!.id),
        "csv",
        "zh-CN",
      );
      expect(csv.body.toString("utf8").split("\r\n").slice(0, 2)).toEqual([
        "\uFEFF区域,省份,起始重量,截止重量,方式,价格,首重,首重费,续重单位,续重费",
        "一区,浙江、江苏、上海、安徽,0,3,一口价,3.20,,,,",
      ]);
    });
  });
}
