// Who is signed in, as the pages see them: the /me answer, and the `PolicyActor` the policy tables
// (src/core/can.ts) ask about — built by the same `policyActor` the server uses, from /me and the
// workspace's departments — so a page offers exactly what the server would accept.
import type { Department, Me, Role, Workspace } from "./api/types";
import { meAsActor } from "./components/permissions";
import { can, type Action } from "../../src/core/can";
import type { PolicyActor, PolicyTarget } from "../../src/core/policy";

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
  const actor = meAsActor(me, departments);
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
