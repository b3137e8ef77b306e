// What a live event refreshes in an open tab (useLiveUpdates → invalidationsFor): an after-sales
// case imported, moved or reassigned elsewhere refreshes the case list, the case page and the
// agent's Today (its 我的售后单 card); a follow-up or an SLA alert too; an unknown event nothing.
import { describe, expect, it } from "vitest";
import { invalidationsFor, planKeys } from "../../web/src/api/plans.js";
import { caseKeys } from "../../web/src/api/aftersales.js";

describe("live events refresh what they make stale", () => {
  it("after-sales changes refresh the cases and the agent's Today", () => {
    for (const type of [
      "aftersales.cases.changed",
      "aftersales.followups.changed",
      "aftersales.sla.alert",
    ]) {
      const keys = invalidationsFor(type);
      expect(keys).toContainEqual([...caseKeys.all]);
      expect(keys).toContainEqual(planKeys.today);
      // The case list and one case live under the after-sales prefix the event invalidates.
      expect(caseKeys.list({}).slice(0, 1)).toEqual([...caseKeys.all]);
      expect(caseKeys.one("x").slice(0, 1)).toEqual([...caseKeys.all]);
    }
  });

  it("a plan change still refreshes the plans and Today, an unknown event nothing", () => {
    expect(invalidationsFor("schedule.changed")).toContainEqual(planKeys.today);
    expect(invalidationsFor("something.else")).toEqual([]);
  });
});
