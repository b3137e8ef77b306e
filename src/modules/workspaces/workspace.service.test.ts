import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "../../core/errors.js";
import type { Services } from "../../server/services.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { buildWorkspace, services } from "../../../test/helpers/factories.js";

for (const dialect of DIALECTS) {
  describe(`workspace settings and calendar on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database);
    });
    afterAll(async () => tdb.cleanup());

    it("starts with Asia/Shanghai, CNY, a Monday–Friday week and China's official 2026 holidays", async () => {
      const { owner } = await buildWorkspace(s);
      const w = await s.workspaces.get(owner);
      expect(w).toMatchObject({
        timeZone: "Asia/Shanghai",
        currency: "CNY",
        locale: "zh-CN",
        workweek: [1, 2, 3, 4, 5],
        hoursPerDay: 8,
      });
      const { days, officialYears } = await s.workspaces.calendar(owner, 2026);
      expect(officialYears).toEqual([2025, 2026, 2027]);
      const byDate = new Map(days.map((d) => [d.date, d.kind]));
      expect(byDate.get("2026-10-01")).toBe("holiday");
      expect(byDate.get("2026-10-07")).toBe("holiday");
      expect(byDate.get("2026-09-20")).toBe("workday");
      expect(byDate.get("2026-10-10")).toBe("workday");
      expect(byDate.get("2026-10-09")).toBeUndefined();
    });

    it("lets the owner add a company day off, remove it and reset a year to the official data", async () => {
      const { owner } = await buildWorkspace(s);
      await s.workspaces.putCalendarDay(owner, "2026-12-31", { kind: "holiday", name: "年终盘点" });
      await s.workspaces.deleteCalendarDay(owner, "2026-10-10");
      let days = (await s.workspaces.calendar(owner, 2026)).days;
      expect(days.find((d) => d.date === "2026-12-31")).toMatchObject({
        kind: "holiday",
        name: "年终盘点",
      });
      expect(days.find((d) => d.date === "2026-10-10")).toBeUndefined();
      await s.workspaces.resetCalendar(owner, [2026]);
      days = (await s.workspaces.calendar(owner, 2026)).days;
      expect(days.find((d) => d.date === "2026-12-31")).toBeUndefined();
      expect(days.find((d) => d.date === "2026-10-10")?.kind).toBe("workday");
    });

    it("updates settings with the version read, and refuses the stale second write", async () => {
      const { owner } = await buildWorkspace(s);
      const w = await s.workspaces.get(owner);
      const updated = await s.workspaces.update(owner, {
        version: w.version,
        name: "新名字",
        workweek: [1, 2, 3, 4, 5, 6],
        hoursPerDay: 7.5,
      });
      expect(updated).toMatchObject({
        name: "新名字",
        workweek: [1, 2, 3, 4, 5, 6],
        hoursPerDay: 7.5,
        version: w.version + 1,
      });
      await expect(
        s.workspaces.update(owner, { version: w.version, name: "stale" }),
      ).rejects.toMatchObject({ kind: "conflict" });
      await expect(
        s.workspaces.update(owner, { version: updated.version, timeZone: "Mars/Olympus" }),
      ).rejects.toBeInstanceOf(DomainError);
      expect((await s.workspaces.get(owner)).name).toBe("新名字");
    });
  });
}
