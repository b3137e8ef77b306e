// Who is signed in, as the pages see them: the /me answer, and the `PolicyActor` the policy tables
// (src/core/can.ts) ask about — built by the same `policyActor` the server uses, from /me and the
// workspace's departments — so a page offers exactly what the server would accept. Imports carry
// .js so the web tests (checked by the root tsconfig) can load it.
import type { Department, Me, Role, Workspace } from "./api/types.js";
import { can, type Action } from "../../src/core/can.js";
import { policyActor, type PolicyActor, type PolicyTarget } from "../../src/core/policy.js";

export interface SignedIn {
  me: Me;
  member: Me["member"];
  workspace: Workspace;
  role: Role;
  actor: PolicyActor;
  /** The workspace's departments; empty while they load (a lead then manages nothing yet). */
  departments: readonly Department[];
  /** The server's rule for this person (core/can.ts). */
  can: (action: Action, target?: PolicyTarget) => boolean;
}

export function signedIn(me: Me, departments: readonly Department[] = []): SignedIn {
  const actor = policyActor(
    { role: me.member.role, memberId: me.member.id, departmentId: me.member.departmentId },
    departments,
  );
  return {
    me,
    member: me.member,
    workspace: me.workspace,
    role: me.member.role,
    actor,
    departments,
    can: (action, target = {}) => can(actor, action, target),
  };
}

/** Today's date (YYYY-MM-DD) in the workspace's time zone, by the browser's clock. */
export function workspaceDate(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}
