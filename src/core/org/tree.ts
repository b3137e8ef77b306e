// The department tree, walked downwards: a department and every department under it.
export interface DepartmentNode {
  id: string;
  parentId: string | null;
}

export class DepartmentTree {
  private readonly children = new Map<string | null, string[]>();

  constructor(departments: readonly DepartmentNode[]) {
    for (const d of departments)
      this.children.set(d.parentId, [...(this.children.get(d.parentId) ?? []), d.id]);
  }

  /** The departments given and every department under them (a cycle in bad data ends the walk). */
  subtree(...roots: string[]): Set<string> {
    const out = new Set<string>();
    const stack = [...roots];
    while (stack.length) {
      const id = stack.pop()!;
      if (out.has(id)) continue;
      out.add(id);
      stack.push(...(this.children.get(id) ?? []));
    }
    return out;
  }
}
