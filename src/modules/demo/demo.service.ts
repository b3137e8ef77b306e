import { randomBytes } from "node:crypto";
import type { Actor } from "../../core/actor.js";
import { fail } from "../../core/errors.js";
import type { Executor } from "../../db/database.js";
import { newId } from "../../core/ids.js";
import { AuthRepository } from "../auth/auth.repository.js";
import { hashPassword } from "../auth/password.js";
import { DepartmentRepository } from "../org/department.repository.js";
import { MemberRepository } from "../org/member.repository.js";
import { SkillRepository } from "../org/skill.repository.js";
import { nowIso, type ServiceDeps } from "../shared/context.js";
import { WorkspaceRepository } from "../workspaces/workspace.repository.js";
import { WorkspaceService } from "../workspaces/workspace.service.js";
import {
  DEMO_DOMAIN,
  DEMO_PEOPLE,
  DEMO_WORKSPACE_NAME,
  demoAccounts,
  type DemoAccount,
} from "./demo.data.js";
import { seedDemoOrders } from "../orders/orders.demo.js";
import { seedDemoCs } from "../cs/cs.demo.js";
import { seedDemoPlans } from "./demo.plans.js";
import { seedDemoGoalsAndPay } from "./demo.goals-pay.js";
import { seedDemoLogistics } from "../logistics/logistics.demo.js";
import { seedDemoAftersales } from "../aftersales/aftersales.demo.js";
import { addDays } from "../../core/calendar/date.js";
import { workspaceToday } from "../../core/calendar/today.js";

export interface DemoLogin {
  workspaceId: string;
  userId: string;
  email: string;
  password: string;
  created: boolean;
}

export class DemoService {
  constructor(private readonly deps: ServiceDeps) {}

  /** The demo can be opened from the web only while no real workspace exists on this instance. */
  async status(): Promise<{ hasWorkspaces: boolean; demoExists: boolean; demoAvailable: boolean }> {
    const repo = new WorkspaceRepository(this.deps.db);
    const [nonDemo, demo] = await Promise.all([repo.countNonDemo(), repo.findDemo()]);
    return {
      hasWorkspaces: nonDemo.n > 0 || !!demo,
      demoExists: !!demo,
      demoAvailable: nonDemo.n === 0,
    };
  }

  /**
   * The demo accounts a signed-out visitor is shown on the sign-in page: only while the demo is
   * the instance's only workspace, and only the accounts still active in it. Never a password.
   */
  async signInAccounts(): Promise<DemoAccount[]> {
    const repo = new WorkspaceRepository(this.deps.db);
    const [nonDemo, demo] = await Promise.all([repo.countNonDemo(), repo.findDemo()]);
    if (!demo || Number(nonDemo.n) > 0) return [];
    const accounts = demoAccounts();
    const emails = new Set(
      await new MemberRepository(this.deps.db).activeEmails(
        demo.id,
        accounts.map((a) => a.email),
      ),
    );
    return accounts.filter((a) => emails.has(a.email));
  }

  async openFromWeb(opts: { history?: boolean } = {}): Promise<DemoLogin> {
    if (!(await this.status()).demoAvailable) throw fail("forbidden", "org.demo.unavailable");
    return this.ensure(opts);
  }

  /**
   * Creates the demo shop, or, when it exists, gives every demo account a fresh password. All
   * demo accounts share the password printed to whoever asked, so one can sign in as any of them.
   */
  /** `history: false` leaves out last month's goals and pay (journeys that set them up themselves). */
  async ensure(opts: { history?: boolean } = {}): Promise<DemoLogin> {
    const password = `demo-${randomBytes(6).toString("base64url")}`;
    const passwordHash = await hashPassword(password);
    const ownerEmail = `owner@${DEMO_DOMAIN}`;
    const login = await this.deps.db
      .transaction()
      .execute(async (trx): Promise<DemoLogin & { ownerMemberId?: string }> => {
        const wsRepo = new WorkspaceRepository(trx);
        const auth = new AuthRepository(trx);
        const at = nowIso(this.deps);
        const existing = await wsRepo.findDemo();
        if (existing) {
          const emails = DEMO_PEOPLE.map((p) => `${p.email}@${DEMO_DOMAIN}`);
          await auth.setPasswordHashOf(emails, passwordHash, at);
          const owner = await auth.findUserByEmail(ownerEmail);
          return {
            workspaceId: existing.id,
            userId: owner!.id,
            email: ownerEmail,
            password,
            created: false,
          };
        }
        const w = await new WorkspaceService(this.deps).createIn(
          trx,
          { name: DEMO_WORKSPACE_NAME, locale: "zh-CN", isDemo: true },
          at,
        );
        const owner = DEMO_PEOPLE[0]!;
        const ownerUserId = newId();
        const ownerMemberId = newId();
        await auth.createUser({
          id: ownerUserId,
          email: ownerEmail,
          name: owner.name,
          passwordHash,
          locale: null,
          createdAt: at,
          updatedAt: at,
        });
        await new MemberRepository(trx).create({
          workspaceId: w.id,
          id: ownerMemberId,
          userId: ownerUserId,
          name: owner.name,
          role: "owner",
          title: owner.title,
          departmentId: null,
          status: "active",
          hoursPerDay: null,
          workweek: null,
          version: 1,
          createdAt: at,
          updatedAt: at,
        });
        const actor: Actor = {
          userId: ownerUserId,
          memberId: ownerMemberId,
          workspaceId: w.id,
          role: "owner",
          departmentId: null,
          via: "system",
        };
        await this.seedOrg(trx, actor, passwordHash, at, ownerMemberId);
        return {
          workspaceId: w.id,
          userId: ownerUserId,
          email: ownerEmail,
          password,
          created: true,
          ownerMemberId,
        };
      });
    const { ownerMemberId, ...result } = login;
    if (login.created && ownerMemberId) {
      // Plans go through the plan service (its own transactions), after the organisation exists.
      const owner: Actor = {
        userId: login.userId,
        memberId: ownerMemberId,
        workspaceId: login.workspaceId,
        role: "owner",
        departmentId: null,
        via: "system",
      };
      await seedDemoLogistics(this.deps, owner); // before the plans: Today's packing runs count in them
      await seedDemoAftersales(this.deps, owner); // before the plans: routed cases' minutes count too
      await seedDemoPlans(this.deps, owner);
      if (opts.history !== false) await seedDemoGoalsAndPay(this.deps, owner);
    }
    return result;
  }

  private async seedOrg(
    trx: Executor,
    actor: Actor,
    passwordHash: string,
    at: string,
    ownerMemberId: string,
  ): Promise<void> {
    const ws = actor.workspaceId;
    const depRepo = new DepartmentRepository(trx);
    const skillRepo = new SkillRepository(trx);
    const memberRepo = new MemberRepository(trx);
    const depIds = new Map<string, string>();
    const functions = [
      ["运营", "operations"],
      ["设计", "design"],
      ["客服", "customer_service"],
      ["物流", "logistics"],
    ] as const;
    for (const [i, [name, fn]] of functions.entries()) {
      const id = newId();
      depIds.set(name, id);
      await depRepo.create({
        workspaceId: ws,
        id,
        parentId: null,
        name,
        leadMemberId: null,
        function: fn,
        sortOrder: i,
        version: 1,
        createdAt: at,
        updatedAt: at,
      });
    }
    const skillIds = new Map<string, string>();
    for (const p of DEMO_PEOPLE)
      for (const [s] of p.skills) {
        if (!skillIds.has(s)) {
          const id = newId();
          skillIds.set(s, id);
          await skillRepo.create({
            workspaceId: ws,
            id,
            name: s,
            departmentId: null,
            createdAt: at,
          });
        }
      }
    const today = workspaceToday(new Date(at), "Asia/Shanghai"); // the demo workspace's zone
    for (const p of DEMO_PEOPLE) {
      let memberId = ownerMemberId;
      if (p.key !== "owner") {
        const userId = newId();
        memberId = newId();
        await new AuthRepository(trx).createUser({
          id: userId,
          email: `${p.email}@${DEMO_DOMAIN}`,
          name: p.name,
          passwordHash,
          locale: null,
          createdAt: at,
          updatedAt: at,
        });
        await memberRepo.create({
          workspaceId: ws,
          id: memberId,
          userId,
          name: p.name,
          role: p.role,
          title: p.title,
          departmentId: p.dept ? depIds.get(p.dept)! : null,
          status: "active",
          hoursPerDay: p.hoursPerDay ?? null,
          workweek: p.workweek ? JSON.stringify(p.workweek) : null,
          version: 1,
          createdAt: at,
          updatedAt: at,
        });
      }
      await memberRepo.replaceSkills(
        ws,
        memberId,
        p.skills.map(([s, level]) => ({ skillId: skillIds.get(s)!, level })),
      );
      if (p.role === "lead" && p.dept) {
        const dep = (await depRepo.getById(ws, depIds.get(p.dept)!))!;
        await depRepo.update(ws, dep.id, dep.version, { leadMemberId: memberId, updatedAt: at });
      }
      if (p.leave) {
        await memberRepo.addLeave({
          workspaceId: ws,
          id: newId(),
          memberId,
          startDate: addDays(today, p.leave.from),
          endDate: addDays(today, p.leave.from + p.leave.days - 1),
          kind: p.leave.kind,
          note: p.leave.note,
          createdAt: at,
        });
      }
    }
    const w = (await new WorkspaceRepository(trx).getById(ws))!;
    await new WorkspaceRepository(trx).update(ws, w.version, {
      orgTemplate: "ecommerce",
      updatedAt: at,
    });
    await seedDemoOrders(trx, ws, at);
    await seedDemoCs(trx, ws, at);
  }
}
