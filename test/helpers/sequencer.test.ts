import { describe, expect, it } from "vitest";
import { interleave } from "./sequencer.js";

describe("the order npm test runs its files in", () => {
  it("spreads the journeys evenly among the other files, each kept in its order", () => {
    const journeys = ["j1", "j2", "j3"];
    const others = Array.from({ length: 9 }, (_, i) => `o${i + 1}`);
    const order = interleave(journeys, others);
    expect(order).toHaveLength(12);
    expect(order.filter((f) => f.startsWith("j"))).toEqual(journeys);
    expect(order.filter((f) => f.startsWith("o"))).toEqual(others);
    // One journey in the middle of each third of the run, none next to another.
    expect(order.map((f, i) => (f.startsWith("j") ? i : -1)).filter((i) => i >= 0)).toEqual([
      2, 6, 10,
    ]);
  });

  it("runs everything when one class is empty or the other is the larger", () => {
    expect(interleave([], ["a", "b"])).toEqual(["a", "b"]);
    expect(interleave(["j1", "j2"], [])).toEqual(["j1", "j2"]);
    expect(interleave(["j1", "j2", "j3"], ["o1"])).toEqual(["o1", "j1", "j2", "j3"]);
  });
});
