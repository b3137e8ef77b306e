// The carriers and rate-card routes over HTTP on both databases: the card file as the raw body, a
// refused card's problem details (every problem with row and column, in the caller's language),
// quotes with field errors for bad input, exports, rights (members read and quote, only managers
// import and edit) and another workspace's ids answering 404.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS } from "../../../test/helpers/db.js";
import {
  Client,
  ORIGIN,
  signupClient,
  startTestApp,
  type TestApp,
} from "../../../test/helpers/http.js";
import { uniqueEmail } from "../../../test/helpers/factories.js";

const fixtures = join(import.meta.dirname, "../../../test/fixtures/logistics");

interface Problem {
  status: number;
  detail: string;
  errors: { field: string; code?: string; message: string }[];
  problems: { row: number; column: string; code: string; message: string }[];
}

for (const dialect of DIALECTS) {
  describe(`rate-card routes on ${dialect}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(dialect);
    });
    afterAll(async () => t.close());

    async function upload(c: Client, query: string, file: string, lang = "zh-CN") {
      const res = await t.app.inject({
        method: "POST",
        url: `/api/v1/logistics/rate-cards?${query}&fileName=${encodeURIComponent(file)}`,
        payload: readFileSync(join(fixtures, file)),
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
        body: JSON.parse(res.body) as Problem & {
          card: { id: string; zones: number; notCovered: string[] };
          recosted: number;
        },
      };
    }

    it("imports a card, refuses a broken one with rows and columns, quotes, exports; members read but do not import", async () => {
      const { client: owner } = await signupClient(t.app, "ecommerce");
      const ok = await upload(owner, "carrier=ZTO&validFrom=2026-01-01", "zto-rates-202612.csv");
      expect(ok.status).toBe(201);
      expect(ok.body.card).toMatchObject({ zones: 4, notCovered: ["台湾", "香港", "澳门"] });

      const refused = await upload(owner, "carrier=ZTO", "zto-rates-broken.csv", "en");
      expect(refused.status).toBe(400);
      expect(refused.body.problems.map((p) => [p.row, p.column, p.code])).toEqual([
        [3, "起始重量", "rates.band.gap"],
        [4, "省份", "rates.province.twice"],
        [4, "省份", "rates.province.unknown"],
        [5, "续重单位", "rates.band.step"],
      ]);
      expect(refused.body.problems[0]!.message).toBe(
        "Gap in zone 一区: weights over 3 up to 4 kg have no band.",
      );
      const bad = await upload(owner, "carrier=ZTO&divisor=7", "zto-rates-202612.csv");
      expect(bad.status).toBe(400);

      // A member of 物流 reads and quotes, but may not import or edit.
      const deps = (
        await owner.get<{ items: { id: string; name: string }[] }>("/api/v1/departments")
      ).body.items;
      const email = uniqueEmail("packer");
      await owner.post("/api/v1/members", {
        name: "打包员",
        email,
        password: "member-pass",
        departmentId: deps.find((d) => d.name === "物流")!.id,
      });
      const packer = new Client(t.app);
      await packer.post("/api/v1/auth/login", { email, password: "member-pass" });
      expect((await upload(packer, "carrier=ZTO", "zto-rates-202612.csv")).status).toBe(403);
      const carriers = (
        await packer.get<{
          items: {
            id: string;
            code: string;
            version: number;
            currentCard: { id: string } | null;
          }[];
        }>("/api/v1/logistics/carriers")
      ).body.items;
      const zto = carriers.find((c) => c.code === "ZTO")!;
      expect(zto.currentCard?.id).toBe(ok.body.card.id);
      expect(
        (
          await packer.patch(`/api/v1/logistics/carriers/${zto.id}`, {
            version: zto.version,
            name: "x",
          })
        ).status,
      ).toBe(403);
      const edited = await owner.patch<{ version: number; aliases: string[] }>(
        `/api/v1/logistics/carriers/${zto.id}`,
        {
          version: zto.version,
          aliases: ["中通"],
        },
      );
      expect([edited.status, edited.body.version, edited.body.aliases]).toEqual([200, 2, ["中通"]]);
      expect(
        (await owner.patch(`/api/v1/logistics/carriers/${zto.id}`, { version: 1, name: "x" }))
          .status,
      ).toBe(409);

      const q = await packer.get<{
        quotes: { carrier: { code: string }; fee: string; chargeableKg: string }[];
      }>(
        `/api/v1/logistics/quotes?province=${encodeURIComponent("浙江")}&weightKg=3.01&on=2026-12-02`,
      );
      expect(q.status).toBe(200);
      // 一区 3.01 kg → 4 kg: 4.50 + 3 × 1.20 = 8.10
      expect(q.body.quotes.map((x) => [x.carrier.code, x.chargeableKg, x.fee])).toEqual([
        ["ZTO", "4", "8.10"],
      ]);
      const invalid = await packer.get<Problem>(
        `/api/v1/logistics/quotes?province=${encodeURIComponent("火星")}&weightKg=-1`,
      );
      expect(invalid.status).toBe(400);
      expect(invalid.body.errors.map((e) => [e.field, e.code])).toEqual([
        ["weightKg", "rates.quote.bad_weight"],
        ["province", "rates.province.unknown"],
      ]);

      const csv = await packer.req(
        "GET",
        `/api/v1/logistics/rate-cards/${ok.body.card.id}/export?format=csv`,
        undefined,
        { "accept-language": "en" },
      );
      expect(csv.status).toBe(200);
      expect(csv.headers["content-type"]).toContain("text/csv");
      expect(csv.raw.split("\r\n")[0]).toBe(
        "\uFEFFzone,provinces,from_kg,to_kg,mode,price,first_kg,first_fee,step_kg,step_fee",
      );
      const json = await packer.get<{ format: string; carrier: string; validFrom: string }>(
        `/api/v1/logistics/rate-cards/${ok.body.card.id}/export?format=json`,
      );
      expect(json.body).toMatchObject({
        format: "dayclear.rate-card/v1",
        carrier: "ZTO",
        validFrom: "2026-01-01",
      });

      // Another workspace sees none of it.
      const { client: other } = await signupClient(t.app, "ecommerce");
      expect((await other.get(`/api/v1/logistics/rate-cards/${ok.body.card.id}`)).status).toBe(404);
      expect(
        (await other.get(`/api/v1/logistics/rate-cards/${ok.body.card.id}/export?format=json`))
          .status,
      ).toBe(404);
      expect(
        (await other.req("DELETE", `/api/v1/logistics/rate-cards/${ok.body.card.id}`)).status,
      ).toBe(404);
      expect(
        (await other.patch(`/api/v1/logistics/carriers/${zto.id}`, { version: 2, name: "x" }))
          .status,
      ).toBe(404);
      expect((await new Client(t.app).get("/api/v1/logistics/carriers")).status).toBe(401);
    });
  });
}
