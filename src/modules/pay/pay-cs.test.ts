// Golden: a 客服 statement whose scorecard comes from imported customer-service data, computed by
// hand; an entered value still overrides the data and the line says both; without CS data the
// metric is "not entered".
import { renderMessage, type Message } from "../../core/messages/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../../server/services.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { buildMember, buildShopTeam, services } from "../../../test/helpers/factories.js";
import { AJIE, qianniuCsv, XIAOMEI } from "../../../test/fixtures/cs/build.js";
import * as fx from "../../../test/fixtures/orders/build.js";

for (const dialect of DIALECTS) {
  describe(`客服 scorecards from CS data on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database);
    });
    afterAll(async () => tdb.cleanup());

    it("scores conversion and response times from the month's CS data, by hand", async () => {
      const t = await buildShopTeam(s);
      const person = (name: string) => t.people.find((p) => p.name === name)!;
      const csDept = t.departments.find((d) => d.name === "客服")!.id;
      const agent = person("客服专员");
      const lead = person("客服主管");
      const newcomer = await buildMember(s, t.owner, { name: "新客服", departmentId: csDept });
      // October orders (GMV 1,576.00, none attributed) so the month can be computed; CS data of October 1–3.
      await s.imports.importFiles(t.owner, { shopName: "天猫" }, [
        { file: "ExportOrderList202610.csv", bytes: fx.taobaoOrders() },
        { file: "ExportOrderDetailList202610.csv", bytes: fx.taobaoItems() },
      ]);
      await s.cs.setAccounts(t.owner, {
        accounts: [
          { account: XIAOMEI, memberId: agent.memberId },
          { account: AJIE, memberId: lead.memberId },
        ],
      });
      await s.csImports.importFile(t.owner, "qianniu-cs-202610.csv", qianniuCsv());
      const plan = await s.payPlans.create(t.owner, {
        templateId: "customer-service",
        effectiveFrom: "2026-10-01",
      });
      await s.payPlans.assign(t.owner, plan.id, {
        targetType: "department",
        targetId: csDept,
        effectiveFrom: "2026-10-01",
      });
      // Payment rate and the lead's points have no data source: entered, the same for everyone.
      const entered = [
        { memberId: null, key: "bonus.scorecard.payment-rate", value: "92" },
        { memberId: null, key: "bonus.scorecard.other", value: "85" },
      ];
      const run = await s.payRuns.compute(t.owner, { period: "2026-10", inputs: entered });
      const statement = (id: string) => run.statements.find((x) => x.memberId === id)!;
      const line = (id: string, code: string) => statement(id).lines.find((l) => l.code === code)!;
      /** A line's input values by key, as an English reader reads them. */
      const values = (l: { inputs: { key: string; value: Message }[] }) =>
        Object.fromEntries(l.inputs.map((i) => [i.key, renderMessage("en", i.value)]));

      // 小美 (客服专员): 38 of 60 inquirers paid = 63.33 % → 80 points; first response 13.7 s ≤ 15 → 100;
      // average 26.3 s ≤ 30 → 100; payment rate 92 → 100; other 85 → 80.
      // Score 40 % × 80 + 25 % × 100 + 10 % × 100 + 10 % × 100 + 15 % × 80 = 32 + 25 + 10 + 10 + 12 = 89 ≥ gate 60 → 1,000.00 × 89 % = 890.00.
      const card = line(agent.memberId, "scorecard");
      expect(card.amount).toBe("890.00");
      expect(values(card)).toMatchObject({
        "inquiry-conversion": "63.33 → 80 points",
        "first-response": "13.7 → 100 points",
        "average-response": "26.3 → 100 points",
        "payment-rate": "92 → 100 points",
        other: "85 → 80 points",
        score: "89",
      });
      expect(card.sources.map((m) => renderMessage("en", m))).toEqual([
        "Inquiry conversion (%): CS data 2026-10-01…2026-10-31: 60 inquirers, 38 paid",
        "Payment rate (%): entered 92",
        "First response (s): CS data 2026-10-01…2026-10-31: 60 inquirers, 38 paid (days weighted by inquirers)",
        "Average response (s): CS data 2026-10-01…2026-10-31: 60 inquirers, 38 paid (days weighted by inquirers)",
        "Other (lead's points): entered 85",
      ]);
      expect(card.sources.map((m) => renderMessage("zh-CN", m))).toEqual([
        "询单转化率：客服数据 2026-10-01…2026-10-31：询单 60 人，付款 38 人",
        "付款率：手工录入 92",
        "首次响应：客服数据 2026-10-01…2026-10-31：询单 60 人，付款 38 人（各天按询单人数加权）",
        "平均响应：客服数据 2026-10-01…2026-10-31：询单 60 人，付款 38 人（各天按询单人数加权）",
        "其他：手工录入 85",
      ]);
      expect(card.inputs.find((i) => i.key === "inquiry-conversion")!.label).toEqual({
        code: "pay.tpl.cs.inquiry_conversion",
      });
      // Total: base 4,000.00 + attributed 0.00 + scorecard 890.00 + reviews 0.00 + pool (1 % of 1,576.00 = 15.76 shared by 3) 5.25/5.25/5.26.
      const pool = line(agent.memberId, "cs-unattributed").amount;
      expect(["5.25", "5.26"]).toContain(pool);
      expect(statement(agent.memberId).total).toBe((4000 + 890 + Number(pool)).toFixed(2));

      // 阿杰 (客服主管): 20 of 40 = 50.00 % → 60; first 18.3 s → 90; average 36.9 s → 80; 92 → 100; 85 → 80.
      // 24 + 25 + 9 + 8 + 12 = 78 → 780.00.
      expect(line(lead.memberId, "scorecard").amount).toBe("780.00");
      expect(values(line(lead.memberId, "scorecard"))).toMatchObject({
        "inquiry-conversion": "50 → 60 points",
        "first-response": "18.3 → 90 points",
        "average-response": "36.9 → 80 points",
        score: "78",
      });

      // 新客服 has no CS data in October: the bound metrics are not entered and score 0 (not the best band): 25 + 12 = 37 < 60 → nothing.
      expect(line(newcomer.member.id, "scorecard").amount).toBe("0.00");
      expect(values(line(newcomer.member.id, "scorecard"))).toMatchObject({
        "inquiry-conversion": "not entered → 0 points",
        "first-response": "not entered → 0 points",
        score: "37",
      });

      // An entered conversion for 小美 overrides her data; the source says both. 40 + 25 + 10 + 10 + 12 = 97 → 970.00.
      const corrected = await s.payRuns.compute(t.owner, {
        period: "2026-10",
        version: run.version,
        inputs: [
          ...entered,
          { memberId: agent.memberId, key: "bonus.scorecard.inquiry-conversion", value: "66" },
        ],
      });
      const fixed = corrected.statements
        .find((x) => x.memberId === agent.memberId)!
        .lines.find((l) => l.code === "scorecard")!;
      expect(fixed.amount).toBe("970.00");
      expect(values(fixed)).toMatchObject({ "inquiry-conversion": "66 → 100 points" });
      expect(renderMessage("en", fixed.sources[0]!)).toBe(
        "Inquiry conversion (%): entered 66 (instead of the shop data: 63.33%, CS data 2026-10-01…2026-10-31: 60 inquirers, 38 paid)",
      );
      expect(renderMessage("zh-CN", fixed.sources[0]!)).toBe(
        "询单转化率：手工录入 66（代替店铺数据 63.33%：客服数据 2026-10-01…2026-10-31：询单 60 人，付款 38 人）",
      );
      // 阿杰 keeps his data.
      expect(
        corrected.statements
          .find((x) => x.memberId === lead.memberId)!
          .lines.find((l) => l.code === "scorecard")!.amount,
      ).toBe("780.00");
    });
  });
}
