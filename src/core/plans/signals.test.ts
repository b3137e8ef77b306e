import { describe, expect, it } from "vitest";
import { lateTasks, rolledUpStates, type TaskState } from "./signals.js";

const task = (
  id: string,
  parentId: string | null,
  status: TaskState = "todo",
  deadline: string | null = null,
) => ({ id, parentId, status, deadline });

describe("lateTasks", () => {
  it("lists every late task with the deadline it misses (its own or a summary row's above it) and its slip, latest slip first", () => {
    const tasks = [
      task("s", null, "todo", "2026-10-20"),
      task("a", "s"),
      task("b", "s", "todo", "2026-10-14"),
      task("c", null),
    ];
    const results = [
      { id: "a", late: true, lateDays: 1, finish: "2026-10-21" },
      { id: "b", late: true, lateDays: 3, finish: "2026-10-19" },
      { id: "c", late: false, lateDays: 0, finish: "2026-10-12" },
    ];
    expect(lateTasks(results, tasks)).toEqual([
      { taskId: "b", deadline: "2026-10-14", finish: "2026-10-19", lateDays: 3 },
      { taskId: "a", deadline: "2026-10-20", finish: "2026-10-21", lateDays: 1 },
    ]);
  });
});

describe("rolledUpStates", () => {
  it("gives a summary row its subtasks' state: all done → done, all to do → to do, else in progress (nested too)", () => {
    const states = rolledUpStates([
      task("p", null),
      task("q", "p"),
      task("q1", "q", "done"),
      task("q2", "q", "done"),
      task("r", "p", "todo"),
      task("x", null, "done"),
      task("x1", "x", "todo"),
      task("y", null),
      task("y1", "y", "in_progress"),
    ]);
    expect(states.get("q")).toBe("done");
    expect(states.get("p")).toBe("in_progress");
    expect(states.get("x")).toBe("todo");
    expect(states.get("y")).toBe("in_progress");
    expect(states.get("q1")).toBe("done");
  });
});
