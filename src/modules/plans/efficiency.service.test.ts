// The workspace's efficiency table (issue 12): read by everyone, set by the owner, and read by the
// engine's input on the next re-plan — a level-5 member's task takes effort ÷ 1.25 hours.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../../server/services.js";
import { failure } from "../../../test/helpers/errors.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import {
  buildMember,
  buildWorkspace,
  frozenClock,
  services,
} from "../../../test/helpers/factories.js";

const NEUTRAL = { "1": 1, "2": 1, "3": 1, "4": 1, "5": 1 };

for (const dialect of DIALECTS) {
  describe(`the efficiency table on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    const clock = frozenClock("2026-10-12T02:00:00Z"); // Monday 10:00 in Shanghai
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database, clock);
    });
    afterAll(async () => tdb.cleanup());

    it("re-plans a level-5 member's task in effort ÷ 1.25 hours once level 5 is set to 1.25; level 3's stays", async () => {
      const ws = await buildWorkspace(s, { template: "ecommerce" });
      const skill = (await s.skills.list(ws.owner))[0]!;
      const senior = await buildMember(s, ws.owner, {
        name: "资深设计",
        skills: [{ skillId: skill.id, level: 5 }],
      });
      const regular = await buildMember(s, ws.owner, {
        name: "设计专员",
        skills: [{ skillId: skill.id, level: 3 }],
      });
      const lead = await buildMember(s, ws.owner, { name: "主管", role: "lead" });
      const plan = await s.plans.create(ws.owner, { name: "上新", launchDate: "2026-10-13" });
      const task = async (name: string, assignee: string) =>
        (
          await s.tasks.create(ws.owner, plan.id, {
            name,
            effortHours: 20,
            skillId: skill.id,
            assigneeMemberId: assignee,
          })
        ).task;
      const bySenior = await task("主图设计", senior.member.id);
      const byRegular = await task("详情页", regular.member.id);
      const hoursOf = async (taskId: string) => {
        const r = await s.schedule.forPlan(ws.workspaceId, plan.id);
        const allocs = r.allocations.filter((a) => a.task === taskId);
        return {
          hours: Math.round(allocs.reduce((x, a) => x + a.hours, 0) * 100) / 100,
          days: new Set(allocs.map((a) => a.date)).size,
          finish: r.tasks.find((t) => t.id === taskId)!.finish,
        };
      };

      // Default: every level at 1 — hours = effort, the plan file carries no table.
      const start = await s.efficiency.get(lead.actor);
      expect(start).toMatchObject({ factors: NEUTRAL, version: 0, neutral: true });
      expect(await hoursOf(bySenior.id)).toMatchObject({ hours: 20, days: 3 });
      expect((await s.schedule.planFile(ws.workspaceId)).efficiency).toBeUndefined();
      const notes = async () =>
        (await s.whatIfs.propose(ws.owner, plan.id)).notes.map((n) => n.code);
      expect(await notes()).toContain("progress.whatif.efficiency_neutral");

      // Only the owner sets it.
      const factors = { "1": 0.6, "2": 0.8, "3": 1, "4": 1.1, "5": 1.25 };
      const refused = await failure(s.efficiency.put(lead.actor, { factors, version: 0 }));
      expect(refused).toMatchObject({
        kind: "forbidden",
        coded: { code: "plans.efficiency.owner_only" },
      });
      // Level 3 is the reference; a factor out of bounds names its level.
      const bad = await failure(
        s.efficiency.put(ws.owner, { factors: { ...factors, "3": 1.1, "1": 0 }, version: 0 }),
      );
      expect(bad?.kind).toBe("invalid");
      expect(bad?.fields.map((f) => [f.field, f.code])).toEqual([
        ["factors.1", "plans.efficiency.out_of_range"],
        ["factors.3", "plans.efficiency.reference_level"],
      ]);

      const saved = await s.efficiency.put(ws.owner, { factors, version: 0 });
      expect(saved).toMatchObject({ factors, version: 1, neutral: false });
      // 20 h of effort at 1.25: 16 h, two days instead of three; the level-3 member's stays 20 h.
      expect(await hoursOf(bySenior.id)).toEqual({ hours: 16, days: 2, finish: "2026-10-13" });
      expect(await hoursOf(byRegular.id)).toMatchObject({ hours: 20, days: 3 });
      expect((await s.schedule.planFile(ws.workspaceId)).efficiency).toEqual(factors);
      // The corrective actions no longer say every level works at the same speed.
      expect(await notes()).not.toContain("progress.whatif.efficiency_neutral");

      // A stale version is refused with the current one; back to neutral, back to 20 h.
      const stale = await failure(s.efficiency.put(ws.owner, { factors: NEUTRAL, version: 0 }));
      expect(stale).toMatchObject({ kind: "conflict", extra: { currentVersion: 1 } });
      await s.efficiency.put(ws.owner, { factors: NEUTRAL, version: 1 });
      expect(await hoursOf(bySenior.id)).toMatchObject({ hours: 20, days: 3 });
      expect((await s.schedule.planFile(ws.workspaceId)).efficiency).toBeUndefined();

      // The change is audited with the factors.
      const log = await s.audit.list(ws.owner, { limit: 10 }, "en");
      const entries = log.items.filter((e) => e.action === "plans.efficiency.set");
      expect(entries.map((e) => e.summary)).toContain(
        "Efficiency by skill level set to 1: 0.6, 2: 0.8, 3: 1, 4: 1.1, 5: 1.25",
      );
    });
  });
}
