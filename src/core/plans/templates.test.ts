import { describe, expect, it } from "vitest";
import {
  findBuiltinTemplate,
  startOffset,
  templateLeadDays,
  type PlanTemplate,
} from "./templates.js";

const n = (s: string) => ({ "zh-CN": s, en: s });

describe("template placement", () => {
  it("starts the 双11 playbook 31 workdays before its launch (8 h goals due 30 workdays before), warm-up at its own 10", () => {
    const t = findBuiltinTemplate("double11")!;
    const lead = templateLeadDays(t, 8);
    expect(lead).toBe(31);
    expect(
      startOffset(
        t.tasks.find((x) => x.key === "goal")!,
        lead,
      ),
    ).toBe(31);
    expect(
      startOffset(
        t.tasks.find((x) => x.key === "warmup")!,
        lead,
      ),
    ).toBe(10);
  });

  it("counts a chain back from the launch, lags included, and survives a cycle", () => {
    const chain: PlanTemplate = {
      id: "x",
      name: n("x"),
      kind: "project",
      tasks: [
        { key: "a", name: n("a"), effortHours: 16 },
        { key: "b", name: n("b"), effortHours: 8, dependsOn: [{ key: "a", lagDays: 2 }] },
        { key: "c", name: n("c"), effortHours: 4, dueBefore: 1, dependsOn: [{ key: "b" }] },
      ],
    };
    // c: 1 + 1 = 2; b: 2 + 1 = 3; a: 3 + 2 (lag) + 2 = 7.
    expect(templateLeadDays(chain, 8)).toBe(7);
    const loop: PlanTemplate = {
      ...chain,
      tasks: [
        { key: "a", name: n("a"), dependsOn: [{ key: "b" }] },
        { key: "b", name: n("b"), dependsOn: [{ key: "a" }] },
      ],
    };
    expect(templateLeadDays(loop, 8)).toBeGreaterThan(0);
  });
});
