import type { Clock } from "../core/actor.js";
import type { Database } from "../db/database.js";
import { AuditService } from "../modules/audit/audit.service.js";
import { AuthService } from "../modules/auth/auth.service.js";
import { DemoService } from "../modules/demo/demo.service.js";
import { DepartmentService } from "../modules/org/department.service.js";
import { InvitationService } from "../modules/org/invitation.service.js";
import { MemberService } from "../modules/org/member.service.js";
import { SkillService } from "../modules/org/skill.service.js";
import { TokenService } from "../modules/tokens/tokens.service.js";
import { WorkspaceService } from "../modules/workspaces/workspace.service.js";
import { PlanService } from "../modules/plans/plan.service.js";
import { ScheduleService } from "../modules/plans/schedule.service.js";
import { EfficiencyService } from "../modules/plans/efficiency.service.js";
import { TaskService } from "../modules/plans/task.service.js";
import { DutyService } from "../modules/daily/duty.service.js";
import { FeedService } from "../modules/daily/feed.service.js";
import { NoteService } from "../modules/daily/note.service.js";
import { NotificationService } from "../modules/daily/notification.service.js";
import { ReportService } from "../modules/daily/report.service.js";
import { TodayService } from "../modules/daily/today.service.js";
import type { EventPublisher } from "../modules/shared/context.js";
import { ImportService } from "../modules/orders/import.service.js";
import { KpiService } from "../modules/orders/kpi.service.js";
import { AttributionService } from "../modules/orders/attribution.service.js";
import { ShippingKpiService } from "../modules/orders/shipping.service.js";
import { OrderService } from "../modules/orders/order.service.js";
import { ShopService } from "../modules/orders/shop.service.js";
import { PayPlanService } from "../modules/pay/pay-plan.service.js";
import { PayRunService } from "../modules/pay/pay-run.service.js";
import { PayAdjustmentService } from "../modules/pay/pay-adjustments.service.js";
import { GoalService } from "../modules/goals/goals.service.js";
import { CsImportService } from "../modules/cs/cs-import.service.js";
import { CsService } from "../modules/cs/cs.service.js";
import { CarrierService } from "../modules/logistics/carriers.service.js";
import { RateCardService } from "../modules/logistics/rates.service.js";
import { ShipQueueService } from "../modules/logistics/queue.service.js";
import { ParcelService } from "../modules/logistics/parcels.service.js";
import { PackStationService } from "../modules/logistics/pack-station.service.js";
import { TrackingImportService } from "../modules/logistics/tracking.service.js";
import { WritebackService } from "../modules/logistics/writeback.service.js";
import { CarrierBillService } from "../modules/logistics/bills.service.js";
import { LogisticsDashboardService } from "../modules/logistics/dashboard.service.js";
import { PackingWorkService } from "../modules/logistics/packing-work.service.js";
import { CaseService } from "../modules/aftersales/cases.service.js";
import { CaseImportService } from "../modules/aftersales/case-import.service.js";
import { CaseMappingService } from "../modules/aftersales/case-mappings.service.js";
import { OrderSyncService } from "../modules/aftersales/order-sync.service.js";
import { SlaService } from "../modules/aftersales/sla.service.js";
import { CaseRoutingService } from "../modules/aftersales/routing.service.js";
import { CaseAssignService } from "../modules/aftersales/assign.service.js";
import { AftersalesDashboardService } from "../modules/aftersales/kpi-dashboard.service.js";
import { QualityService } from "../modules/aftersales/quality.service.js";
import { FollowupService } from "../modules/aftersales/followups.service.js";
import { ProgressService } from "../modules/progress/progress.service.js";
import { WhatIfService } from "../modules/progress/what-if.service.js";
import { CustomersService } from "../modules/customers/customers.service.js";

export function buildServices(database: Database, clock: Clock, events?: EventPublisher) {
  const deps = { db: database.db, clock, events };
  return {
    auth: new AuthService(deps),
    tokens: new TokenService(deps),
    workspaces: new WorkspaceService(deps),
    departments: new DepartmentService(deps),
    skills: new SkillService(deps),
    members: new MemberService(deps),
    invitations: new InvitationService(deps),
    audit: new AuditService(deps),
    demo: new DemoService(deps),
    plans: new PlanService(deps),
    tasks: new TaskService(deps),
    schedule: new ScheduleService(deps),
    efficiency: new EfficiencyService(deps),
    today: new TodayService(deps),
    duties: new DutyService(deps),
    reports: new ReportService(deps),
    notes: new NoteService(deps),
    notifications: new NotificationService(deps),
    feeds: new FeedService(deps),
    shops: new ShopService(deps),
    imports: new ImportService(deps),
    orders: new OrderService(deps),
    kpis: new KpiService(deps),
    attribution: new AttributionService(deps),
    shipping: new ShippingKpiService(deps),
    payPlans: new PayPlanService(deps),
    payRuns: new PayRunService(deps),
    payAdjustments: new PayAdjustmentService(deps),
    goals: new GoalService(deps),
    cs: new CsService(deps),
    csImports: new CsImportService(deps),
    carriers: new CarrierService(deps),
    rateCards: new RateCardService(deps),
    shipQueue: new ShipQueueService(deps),
    parcels: new ParcelService(deps),
    packStation: new PackStationService(deps),
    tracking: new TrackingImportService(deps),
    writeback: new WritebackService(deps),
    carrierBills: new CarrierBillService(deps),
    logisticsDashboard: new LogisticsDashboardService(deps),
    packingWork: new PackingWorkService(deps),
    cases: new CaseService(deps),
    caseImports: new CaseImportService(deps),
    caseMappings: new CaseMappingService(deps),
    caseSync: new OrderSyncService(deps),
    sla: new SlaService(deps),
    caseRouting: new CaseRoutingService(deps),
    caseAssign: new CaseAssignService(deps),
    aftersalesDashboard: new AftersalesDashboardService(deps),
    quality: new QualityService(deps),
    followups: new FollowupService(deps),
    progress: new ProgressService(deps),
    whatIfs: new WhatIfService(deps),
    customers: new CustomersService(deps),
  };
}

export type Services = ReturnType<typeof buildServices>;
