// A plan's signals, computed once for every place that shows them — the plan card's and the
// Gantt header's late count, the task response after an edit and the 未排上与警告 tab: which tasks
// are late (and by how much), and what state a summary row is in. Pure, so the server and the web
// import the same code and cannot disagree.

export type TaskState = "todo" | "in_progress" | "done";

export interface LateTask {
  taskId: string;
  /** The deadline it misses: its own, or the nearest one of a summary row above it. */
  deadline: string | null;
  finish: string;
  /** Workdays past the deadline. */
  lateDays: number;
}

interface ResultLike {
  id: string;
  late: boolean;
  lateDays: number;
  finish: string;
}
interface TaskLike {
  id: string;
  parentId: string | null;
  deadline: string | null;
}

/** Every late task of a schedule, latest slip first. */
export function lateTasks(results: readonly ResultLike[], tasks: readonly TaskLike[]): LateTask[] {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const deadlineOf = (id: string): string | null => {
    let best: string | null = null;
    for (
      let t = byId.get(id), hops = 0;
      t && hops <= byId.size;
      t = t.parentId ? byId.get(t.parentId) : undefined, hops++
    ) {
      if (t.deadline && (!best || t.deadline < best)) best = t.deadline;
    }
    return best;
  };
  return results
    .filter((r) => r.late && byId.has(r.id))
    .map((r) => ({
      taskId: r.id,
      deadline: deadlineOf(r.id),
      finish: r.finish,
      lateDays: r.lateDays,
    }))
    .sort(
      (a, b) => b.lateDays - a.lateDays || (a.finish < b.finish ? -1 : a.finish > b.finish ? 1 : 0),
    );
}

/**
 * A summary row's state from the leaf tasks under it: all done → done; all to do → to do;
 * anything else (one started, or some done and some not) → in progress. Leaf tasks keep their own.
 */
export function rolledUpStates(
  tasks: readonly { id: string; parentId: string | null; status: TaskState }[],
): Map<string, TaskState> {
  const children = new Map<string, string[]>();
  for (const t of tasks)
    if (t.parentId) children.set(t.parentId, [...(children.get(t.parentId) ?? []), t.id]);
  const own = new Map(tasks.map((t) => [t.id, t.status]));
  const out = new Map<string, TaskState>();
  const visit = (id: string, depth: number): TaskState => {
    const known = out.get(id);
    if (known) return known;
    const kids = children.get(id);
    if (!kids || depth > tasks.length) {
      const s = own.get(id) ?? "todo";
      out.set(id, s);
      return s;
    }
    const states = kids.map((k) => visit(k, depth + 1));
    const s: TaskState = states.every((x) => x === "done")
      ? "done"
      : states.every((x) => x === "todo")
        ? "todo"
        : "in_progress";
    out.set(id, s);
    return s;
  };
  for (const t of tasks) visit(t.id, 0);
  return out;
}
