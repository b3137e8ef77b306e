import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  attribute,
  normalizeRulePattern,
  ruleMatches,
  type AttributionRule,
} from "./attribution.js";
import { parseImport, readCsvBytes } from "./index.js";

const rule = (
  r: Partial<AttributionRule> & Pick<AttributionRule, "kind" | "pattern">,
): AttributionRule => ({ id: r.pattern, shopId: null, memberId: `m-${r.pattern}`, ...r });
const order = (
  o: Partial<{
    shopId: string;
    sellerMemo: string | null;
    salesRef: string | null;
    skus: string[];
  }>,
) => ({ shopId: "s1", sellerMemo: null, salesRef: null, skus: [], ...o });

describe("sales attribution rules", () => {
  it("matches memo text inside the memo, the salesperson exactly, SKUs by prefix and whole shops", () => {
    expect(
      ruleMatches(
        rule({ kind: "memo", pattern: "小美" }),
        order({ sellerMemo: "客服：小美 已核对地址" }),
      ),
    ).toBe(true);
    expect(
      ruleMatches(rule({ kind: "memo", pattern: "kf01" }), order({ sellerMemo: "ＫＦ０１" })),
    ).toBe(true); // full-width, upper case
    expect(
      ruleMatches(
        rule({ kind: "salesRef", pattern: "日清穿搭日记" }),
        order({ salesRef: "日清穿搭日记" }),
      ),
    ).toBe(true);
    expect(
      ruleMatches(rule({ kind: "salesRef", pattern: "日清" }), order({ salesRef: "日清穿搭日记" })),
    ).toBe(false); // equality, not "contains"
    expect(
      ruleMatches(rule({ kind: "sku", pattern: "qd-" }), order({ skus: ["CS-002-L", "QD-001-M"] })),
    ).toBe(true);
    expect(ruleMatches(rule({ kind: "sku", pattern: "001" }), order({ skus: ["QD-001-M"] }))).toBe(
      false,
    ); // a prefix, not anywhere
    expect(ruleMatches(rule({ kind: "shop", pattern: "", shopId: "s1" }), order({}))).toBe(true);
    expect(
      ruleMatches(
        rule({ kind: "memo", pattern: "小美", shopId: "s2" }),
        order({ sellerMemo: "小美" }),
      ),
    ).toBe(false); // limited to another shop
    expect(normalizeRulePattern("memo", "  ＫＦ０１ ")).toBe("kf01");
    expect(normalizeRulePattern("shop", "anything")).toBe("");
  });

  it("gives an order to the first rule in line that matches, or to nobody", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            kind: fc.constantFrom("memo" as const, "salesRef" as const),
            pattern: fc.constantFrom("a", "b", "c", "ab"),
          }),
          { maxLength: 6 },
        ),
        fc.option(fc.constantFrom("a", "b", "ab", "xyz", "cab")),
        fc.option(fc.constantFrom("a", "b", "c")),
        (defs, memo, ref) => {
          const rules = defs.map((d, i) => ({ ...rule(d), id: `r${i}` }));
          const o = order({ sellerMemo: memo, salesRef: ref });
          const got = attribute(rules, o);
          const firstMatch = rules.findIndex((r) => ruleMatches(r, o));
          expect(got?.id ?? null).toBe(firstMatch < 0 ? null : rules[firstMatch]!.id);
        },
      ),
    );
  });

  it("reads the seller's memo and the salesperson from the exports", () => {
    const csv =
      "Name,Financial Status,Paid at,Lineitem name,Lineitem quantity,Lineitem price,Total,Notes,Employee\n#1001,paid,2026-10-01 10:00:00 +0000,Mug,1,20.00,20.00,gift wrap,Alice Chen\n";
    const t = readCsvBytes("orders_export_1.csv", new TextEncoder().encode(csv));
    if ("problem" in t) throw new Error(t.problem.code);
    const parsed = parseImport([t.table], { format: "auto" });
    expect(parsed.problems).toEqual([]);
    expect(parsed.orders[0]).toMatchObject({ sellerMemo: "gift wrap", salesRef: "Alice Chen" });
  });
});
