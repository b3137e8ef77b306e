import { describe, expect, it } from "vitest";
import { renderMessage } from "../messages/index.js";
import {
  computeCpm,
  cpmByIds,
  CycleError,
  LINK_FF,
  LINK_FS,
  LINK_SS,
  UnknownTaskError,
} from "./cpm.js";

describe("critical path method", () => {
  it("computes the textbook example (A3 → B2, A → C4, B,C → D1)", () => {
    // Given a network whose longest path A–C–D is 8 long
    const r = cpmByIds([
      { id: "A", duration: 3 },
      { id: "B", duration: 2, dependsOn: [{ task: "A" }] },
      { id: "C", duration: 4, dependsOn: [{ task: "A" }] },
      { id: "D", duration: 1, dependsOn: [{ task: "B" }, { task: "C" }] },
    ]);
    // Then the project takes 8, B has 2 days of float and A–C–D are critical
    expect(r.projectEnd).toBe(8);
    const byId = Object.fromEntries(r.tasks.map((t) => [t.id, t]));
    expect(byId.A).toMatchObject({ es: 0, ef: 3, ls: 0, lf: 3, totalFloat: 0, critical: true });
    expect(byId.B).toMatchObject({
      es: 3,
      ef: 5,
      ls: 5,
      lf: 7,
      totalFloat: 2,
      freeFloat: 2,
      critical: false,
    });
    expect(byId.C).toMatchObject({ es: 3, ef: 7, ls: 3, lf: 7, totalFloat: 0, critical: true });
    expect(byId.D).toMatchObject({ es: 7, ef: 8, totalFloat: 0 });
    expect(r.criticalPath).toEqual(["A", "C", "D"]);
  });

  it("honours SS, FF and SF links with lags", () => {
    const r = cpmByIds([
      { id: "dig", duration: 10 },
      { id: "pipe", duration: 6, dependsOn: [{ task: "dig", type: "SS", lagDays: 2 }] }, // starts 2 after dig starts
      { id: "fill", duration: 3, dependsOn: [{ task: "pipe", type: "FF", lagDays: 1 }] }, // finishes ≥ 1 after pipe
      { id: "sign", duration: 2, dependsOn: [{ task: "dig", type: "SF", lagDays: 5 }] }, // finishes ≥ 5 after dig starts
    ]);
    const t = Object.fromEntries(r.tasks.map((x) => [x.id, x]));
    expect(t.pipe!.es).toBe(2);
    expect(t.fill!.ef).toBe(9);
    expect(t.fill!.es).toBe(6);
    expect(t.sign!.ef).toBe(5);
    expect(r.projectEnd).toBe(10);
    // pipe can slip until fill would have to finish after 10: LF(pipe) = 9, TF = 1
    expect(t.pipe!.totalFloat).toBe(1);
    expect(t.dig!.critical).toBe(true);
  });

  it("free float differs from total float on a shared path", () => {
    // X(2) → Y(2) → Z(1), W(7) → Z: X and Y share 3 days of total float, only Y has free float
    const r = cpmByIds([
      { id: "X", duration: 2 },
      { id: "Y", duration: 2, dependsOn: [{ task: "X" }] },
      { id: "W", duration: 7 },
      { id: "Z", duration: 1, dependsOn: [{ task: "Y" }, { task: "W" }] },
    ]);
    const t = Object.fromEntries(r.tasks.map((x) => [x.id, x]));
    expect(t.X).toMatchObject({ totalFloat: 3, freeFloat: 0 });
    expect(t.Y).toMatchObject({ totalFloat: 3, freeFloat: 3 });
  });

  it("reports a cycle with its path", () => {
    expect(() =>
      cpmByIds([
        { id: "a", duration: 1, dependsOn: [{ task: "c" }] },
        { id: "b", duration: 1, dependsOn: [{ task: "a" }] },
        { id: "c", duration: 1, dependsOn: [{ task: "b" }] },
      ]),
    ).toThrow(/dependency cycle: (a → b → c → a|b → c → a → b|c → a → b → c)/);
    try {
      cpmByIds([
        { id: "x", duration: 1 },
        { id: "a", duration: 1, dependsOn: [{ task: "b" }] },
        { id: "b", duration: 1, dependsOn: [{ task: "a" }] },
      ]);
    } catch (e) {
      expect(e).toBeInstanceOf(CycleError);
      expect((e as CycleError).path).toHaveLength(3);
      expect((e as CycleError).path[0]).toBe((e as CycleError).path[2]);
    }
  });

  it("says a cycle and an unknown task as message codes a reader sees in their language", () => {
    const thrown = (tasks: Parameters<typeof cpmByIds>[0]): unknown => {
      try {
        cpmByIds(tasks);
      } catch (e) {
        return e;
      }
      throw new Error("cpmByIds did not throw");
    };
    const cycle = thrown([
      { id: "a", duration: 1, dependsOn: [{ task: "b" }] },
      { id: "b", duration: 1, dependsOn: [{ task: "a" }] },
    ]);
    expect(cycle).toBeInstanceOf(CycleError);
    const coded = (cycle as CycleError).coded;
    expect(coded.code).toBe("plans.file.cycle");
    expect(renderMessage("zh-CN", coded)).toMatch(
      /^循环依赖：(a → b → a|b → a → b)（每项任务都在等前一项）$/,
    );
    expect((cycle as Error).message).toBe(renderMessage("en", coded));
    const unknown = thrown([{ id: "a", duration: 1, dependsOn: [{ task: "zz" }] }]);
    expect(unknown).toBeInstanceOf(UnknownTaskError);
    expect(unknown).toBeInstanceOf(RangeError);
    expect((unknown as Error).message).toBe('task "a": dependsOn names unknown task "zz"');
    expect(renderMessage("zh-CN", (unknown as UnknownTaskError).coded)).toBe(
      "任务“a”：dependsOn 指向不存在的任务“zz”",
    );
  });

  it("handles a 100,000-task chain with typed arrays and no recursion", () => {
    const n = 100_000;
    const from = new Int32Array(n - 1);
    const to = new Int32Array(n - 1);
    for (let i = 0; i < n - 1; i++) {
      from[i] = i;
      to[i] = i + 1;
    }
    const r = computeCpm({
      durations: new Float64Array(n).fill(1),
      from,
      to,
      type: new Uint8Array(n - 1).fill(LINK_FS),
    });
    expect(r.projectEnd).toBe(n);
    expect(r.critical.every((c) => c === 1)).toBe(true);
  });

  it("a deadline beyond the end gives everyone float", () => {
    const r = computeCpm(
      { durations: [2, 3], from: [0], to: [1], type: [LINK_SS], lag: [1] },
      { projectEnd: 10 },
    );
    expect(Array.from(r.es)).toEqual([0, 1]);
    expect(Array.from(r.totalFloat)).toEqual([6, 6]);
    expect(LINK_FF).toBe(2);
  });
});
