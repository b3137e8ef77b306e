// Assigning a case by hand (docs/AFTERSALES.md, "Routing"): the owner and the customer_service leads
// give any open case to anyone of a customer_service department; a member of such a department takes
// an unassigned case for themselves; nobody else assigns. A stale version is 409. Each assignment is
// in the case's history and the audit log, the new assignee gets a notice ({code, params}), and the
// workspace is re-planned: the case's minutes move from one person's day to the other's.
import type { Actor } from "../../core/actor.js";
import { caseMinutes } from "../../core/aftersales/case-load.js";
import { isOpen, type CaseState } from "../../core/aftersales/cases.js";
import { can } from "../../core/can.js";
import { fail, fieldError, type DomainError } from "../../core/errors.js";
import { newId } from "../../core/ids.js";
import { msg, storeMessage } from "../../core/messages/index.js";
import { effectiveFunction } from "../../core/org/rights.js";
import { policyActor } from "../../core/policy.js";
import { notify } from "../daily/notifications.js";
import { DepartmentRepository } from "../org/department.repository.js";
import { audit, nowIso, type LiveEvent, type ServiceDeps } from "../shared/context.js";
import { CaseRepository } from "./cases.repository.js";
import { CaseService } from "./cases.service.js";
import { RoutingRepository } from "./routing.repository.js";
import { rulesOf } from "./routing-rules.js";
import { CaseRoutingService } from "./routing.service.js";
import { ScheduleService } from "../plans/schedule.service.js";

export interface AssignInput {
  memberId: string;
  version: number;
}

const notFound = (): DomainError =>
  fail("not_found", "shop.not_found", { what: msg("case.entity.case") });
const stale = (current: number): DomainError =>
  fail(
    "conflict",
    "shop.stale",
    { what: msg("case.entity.case"), current },
    { extra: { currentVersion: current } },
  );

export class CaseAssignService {
  constructor(private readonly deps: ServiceDeps) {}

  async assign(actor: Actor, caseId: string, input: AssignInput) {
    const db = this.deps.db;
    const ws = actor.workspaceId;
    const cases = new CaseRepository(db);
    const current = await cases.byId(ws, caseId);
    if (!current) throw notFound();
    const departments = await new DepartmentRepository(db).list(ws);
    const who = policyActor(actor, departments);
    if (!can(who, "aftersales.handle"))
      throw fail("forbidden", "case.handle_forbidden", { function: "customer_service" });
    // A member takes an unassigned case for themselves; giving cases to others is the lead's.
    const lead = can(who, "aftersales.manage");
    if (!lead && (input.memberId !== actor.memberId || current.assigneeMemberId !== null))
      throw fail("forbidden", "case.assign.others_forbidden");
    const target = await cases.member(ws, input.memberId);
    if (
      !target ||
      target.status !== "active" ||
      effectiveFunction(departments, target.departmentId) !== "customer_service"
    ) {
      const params = { member: target?.name ?? input.memberId };
      throw fail("invalid", "case.assign.not_handler", params, {
        fields: [fieldError("memberId", "case.assign.not_handler", params)],
      });
    }
    if (!isOpen(current.state as CaseState))
      throw fail("conflict", "case.assign.finished", {
        state: msg(`case.state.${current.state as CaseState}`),
      });
    if (current.version !== input.version) throw stale(current.version);
    const service = new CaseService(this.deps);
    if (current.assigneeMemberId === input.memberId) return service.get(actor, caseId);

    const schedule = new ScheduleService(this.deps);
    const events: LiveEvent[] = [];
    const outcome = await db.transaction().execute(async (trx) => {
      const at = nowIso(this.deps);
      const repo = new RoutingRepository(trx);
      const trxCases = new CaseRepository(trx);
      if (!(await repo.assign(ws, caseId, current.version, target.id, at, !lead)))
        throw stale(current.version + 1);
      const names = await trxCases.memberNames(ws, [actor.memberId, target.id]);
      const me = names.get(actor.memberId) ?? "";
      const minutes = caseMinutes(current.type, rulesOf(await repo.rules(ws)).minutesByType);
      await repo.record([
        {
          workspaceId: ws,
          caseId,
          memberId: target.id,
          rule: "manual",
          reason: null,
          estimatedMinutes: minutes,
          routedAt: at,
        },
      ]);
      await trxCases.addEvents([
        {
          workspaceId: ws,
          id: newId(),
          caseId,
          at,
          actorMemberId: actor.via === "system" ? null : actor.memberId,
          kind: "assigned",
          fromState: null,
          toState: null,
          message: storeMessage(msg("case.history.assigned", { actor: me, member: target.name })),
        },
      ]);
      await audit(trx, actor, at, {
        action: "aftersales.case.assign",
        entityType: "aftersales_case",
        entityId: caseId,
        message: msg("audit.aftersales.case_assigned", {
          case: current.platformCaseId ?? caseId,
          caseId,
          member: target.name,
        }),
        before: { assigneeMemberId: current.assigneeMemberId, version: current.version },
        after: { assigneeMemberId: target.id },
      });
      if (target.id !== actor.memberId) {
        const written = await notify(
          trx,
          ws,
          target.id,
          {
            kind: "aftersales.assigned",
            title: msg("case.notice.assigned", {
              actor: me,
              case: current.platformCaseId ?? caseId,
            }),
            link: `/aftersales/cases/${caseId}`,
          },
          at,
        );
        for (const w of written)
          events.push({ type: "notification", memberId: w.memberId, id: w.id });
      }
      return schedule.replan(trx, ws, actor);
    });
    new CaseRoutingService(this.deps).committed(ws, outcome, events);
    return service.get(actor, caseId);
  }
}
