// Factories: each test builds its own workspace, so tests never share state or need clean-up.
import type { Actor, Clock } from "../../src/core/actor.js";
import type { Database } from "../../src/db/database.js";
import { buildServices, type Services } from "../../src/server/services.js";

let counter = 0;
export const uniqueEmail = (prefix = "user") =>
  `${prefix}.${Date.now().toString(36)}.${++counter}@example.com`;

/** A clock that stands still unless a test moves it. */
export function frozenClock(
  iso = "2026-11-02T01:00:00.000Z",
): Clock & { set(iso: string): void; advance(ms: number): void } {
  let now = new Date(iso);
  const clock = (() => new Date(now)) as Clock & {
    set(iso: string): void;
    advance(ms: number): void;
  };
  clock.set = (s) => {
    now = new Date(s);
  };
  clock.advance = (ms) => {
    now = new Date(now.getTime() + ms);
  };
  return clock;
}

export function services(database: Database, clock: Clock = frozenClock()): Services {
  return buildServices(database, clock);
}

/** A workspace with its owner signed up; returns the owner as an actor. */
export async function buildWorkspace(
  s: Services,
  opts: { name?: string; template?: "ecommerce" | "brand" | "empty" } = {},
) {
  const email = uniqueEmail("owner");
  const session = await s.auth.signup({
    workspaceName: opts.name ?? "Test shop",
    name: "Owner",
    email,
    password: "owner-password",
    template: opts.template,
  });
  const ctx = (await s.auth.resolveSession(session.token))!;
  const owner: Actor = {
    userId: ctx.user.id,
    memberId: ctx.member.id,
    workspaceId: ctx.workspace.id,
    role: "owner",
    departmentId: null,
    via: "session",
  };
  return { owner, email, token: session.token, workspaceId: ctx.workspace.id };
}

/** A member created by the owner; returns the member and an actor acting as them. */
export async function buildMember(
  s: Services,
  owner: Actor,
  input: {
    name?: string;
    role?: "owner" | "lead" | "member";
    departmentId?: string | null;
    skills?: { skillId: string; level: number }[];
  } = {},
) {
  const email = uniqueEmail("member");
  const member = await s.members.create(owner, {
    name: input.name ?? "Member",
    email,
    password: "member-password",
    role: input.role,
    departmentId: input.departmentId,
    skills: input.skills,
  });
  const actor: Actor = {
    userId: "",
    memberId: member.id,
    workspaceId: owner.workspaceId,
    role: member.role,
    departmentId: member.departmentId,
    via: "session",
  };
  return { member, actor, email, password: "member-password" };
}

/**
 * A shop team on the e-commerce template: the owner, a lead and a member in each department,
 * each with the department's skills (level 3), so template plans can be staffed.
 */
export async function buildShopTeam(s: Services) {
  const ws = await buildWorkspace(s, { template: "ecommerce" });
  const departments = await s.departments.list(ws.owner);
  const skills = await s.skills.list(ws.owner);
  const people: {
    name: string;
    department: string;
    memberId: string;
    actor: Actor;
    email: string;
    password: string;
  }[] = [];
  for (const dep of departments) {
    const depSkills = skills
      .filter((k) => k.departmentId === dep.id)
      .map((k) => ({ skillId: k.id, level: 3 }));
    for (const role of ["lead", "member"] as const) {
      const m = await buildMember(s, ws.owner, {
        name: `${dep.name}${role === "lead" ? "主管" : "专员"}`,
        role,
        departmentId: dep.id,
        skills: depSkills,
      });
      people.push({
        name: m.member.name,
        department: dep.name,
        memberId: m.member.id,
        actor: m.actor,
        email: m.email,
        password: m.password,
      });
      if (role === "lead") {
        const fresh = (await s.departments.list(ws.owner)).find((d) => d.id === dep.id)!;
        await s.departments.update(ws.owner, dep.id, {
          version: fresh.version,
          leadMemberId: m.member.id,
        });
      }
    }
  }
  return { ...ws, departments, skills, people };
}
