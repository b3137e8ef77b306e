// What the signed-in person may do, mirroring the server's org policy so the UI hides what a
// role cannot do. The server enforces it regardless.
import { useMemo } from "react";
import { useDepartments } from "../api/hooks";
import type { Department, Me, Role } from "../api/types";

export function managedDepartments(me: Me, departments: readonly Department[]): Set<string> {
  const managed = new Set<string>();
  if (me.member.role !== "lead") return managed;
  const children = new Map<string | null, string[]>();
  for (const d of departments) children.set(d.parentId, [...(children.get(d.parentId) ?? []), d.id]);
  const stack = departments.filter((d) => d.leadMemberId === me.member.id).map((d) => d.id);
  while (stack.length) {
    const id = stack.pop();
    if (id === undefined || managed.has(id)) continue;
    managed.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return managed;
}

export interface Permissions {
  owner: boolean;
  managed: Set<string>;
  /** May create members, invite, manage departments at all. */
  managesSomething: boolean;
  manageDepartment: (id: string | null) => boolean;
  manageMember: (m: { id: string; role: Role; departmentId: string | null }) => boolean;
  editOwnOrManaged: (m: { id: string; role: Role; departmentId: string | null }) => boolean;
}

export function usePermissions(me: Me): Permissions {
  const departments = useDepartments();
  return useMemo(() => {
    const owner = me.member.role === "owner";
    const managed = managedDepartments(me, departments.data?.items ?? []);
    const inScope = (d: string | null) => d !== null && managed.has(d);
    const manageMember = (m: { id: string; role: Role; departmentId: string | null }) =>
      owner || (m.id !== me.member.id && inScope(m.departmentId) && m.role !== "owner");
    return {
      owner,
      managed,
      managesSomething: owner || managed.size > 0,
      manageDepartment: (id) => owner || inScope(id),
      manageMember,
      editOwnOrManaged: (m) => owner || m.id === me.member.id || (inScope(m.departmentId) && m.role !== "owner"),
    };
  }, [me, departments.data]);
}
