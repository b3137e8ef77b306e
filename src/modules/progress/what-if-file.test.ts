// `dayclear whatif` on the plan file the server gives (GET /plans/{id}/plan-file) proposes what the
// server's POST /plans/{id}/what-ifs proposes for a workspace with one plan: the same finish, the
// same lateness, the same options with the same predicted finishes and costs (both databases).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIMITS } from "../../core/limits.js";
import { fileWhatIfs } from "../../core/progress/what-ifs-file.js";
import type { Services } from "../../server/services.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import {
  buildMember,
  buildWorkspace,
  frozenClock,
  services,
} from "../../../test/helpers/factories.js";

for (const dialect of DIALECTS) {
  describe(`what-ifs from the server's plan file on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    const clock = frozenClock("2026-10-12T02:00:00Z"); // Monday 10:00 in Shanghai
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database, clock);
    });
    afterAll(async () => tdb.cleanup());

    it("gives the API's options, finishes and costs", async () => {
      const ws = await buildWorkspace(s, { template: "ecommerce" });
      const skill = (await s.skills.list(ws.owner))[0]!;
      const junior = await buildMember(s, ws.owner, {
        name: "设计专员",
        skills: [{ skillId: skill.id, level: 2 }],
      });
      await buildMember(s, ws.owner, {
        name: "资深设计",
        skills: [{ skillId: skill.id, level: 5 }],
      });
      await s.efficiency.put(ws.owner, {
        factors: { "1": 0.6, "2": 0.8, "3": 1, "4": 1.1, "5": 1.25 },
        version: 0,
      });
      const plan = await s.plans.create(ws.owner, { name: "上新", launchDate: "2026-10-14" });
      const task = async (name: string, effortHours: number, dependsOn: string[] = []) =>
        (
          await s.tasks.create(ws.owner, plan.id, {
            name,
            effortHours,
            skillId: skill.id,
            assigneeMemberId: junior.member.id,
            dependsOn: dependsOn.map((taskId) => ({ taskId })),
          })
        ).task.id;
      const kv = await task("主图设计", 16);
      await task("详情页", 16, [kv]);

      const api = await s.whatIfs.propose(ws.owner, plan.id);
      const file = await s.schedule.planFile(ws.workspaceId);
      const cli = fileWhatIfs(file, "2026-10-14", {
        options: LIMITS.whatIfOptionsMax,
        runs: LIMITS.whatIfEngineRunsMax,
        work: LIMITS.whatIfEngineWork,
      });
      expect(api.lateDays).toBeGreaterThan(0);
      expect({ finish: cli.finish, lateDays: cli.lateDays }).toEqual({
        finish: api.finish,
        lateDays: api.lateDays,
      });
      const view = (o: {
        id: string;
        score: {
          finish: string | null;
          daysGained: number;
          hoursMoved: number;
          overtimeHours: number;
        };
      }) => ({
        id: o.id,
        finish: o.score.finish,
        daysGained: o.score.daysGained,
        hoursMoved: o.score.hoursMoved,
        overtimeHours: o.score.overtimeHours,
      });
      expect(cli.options.map(view)).toEqual(api.options.map(view));
      expect(cli.options.length).toBeGreaterThan(0);
      expect(cli.best?.optionIds ?? null).toEqual(api.best?.optionIds ?? null);
    });
  });
}
