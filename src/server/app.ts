import cookie from "@fastify/cookie";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import Fastify, { type FastifyServerOptions } from "fastify";
import { systemClock, type Clock } from "../core/actor.js";
import type { Database } from "../db/database.js";
import { auditRoutes } from "../modules/audit/audit.routes.js";
import { authRoutes } from "../modules/auth/auth.routes.js";
import { demoRoutes } from "../modules/demo/demo.routes.js";
import { orgRoutes } from "../modules/org/org.routes.js";
import { memberRoutes } from "../modules/org/member.routes.js";
import { tokenRoutes } from "../modules/tokens/tokens.routes.js";
import { workspaceRoutes } from "../modules/workspaces/workspace.routes.js";
import { aftersalesRoutes } from "../modules/aftersales/aftersales.routes.js";
import { aftersalesSlaRoutes } from "../modules/aftersales/sla.routes.js";
import { routingRoutes } from "../modules/aftersales/routing.routes.js";
import { aftersalesDashboardRoutes } from "../modules/aftersales/kpi-dashboard.routes.js";
import { careRoutes } from "../modules/aftersales/care.routes.js";
import { customerRoutes } from "../modules/customers/customers.routes.js";
import { planRoutes } from "../modules/plans/plan.routes.js";
import { efficiencyRoutes } from "../modules/plans/efficiency.routes.js";
import { dailyRoutes } from "../modules/daily/daily.routes.js";
import { kpiRoutes } from "../modules/orders/kpi.routes.js";
import { orderRoutes } from "../modules/orders/orders.routes.js";
import { payRoutes } from "../modules/pay/pay.routes.js";
import { goalRoutes } from "../modules/goals/goals.routes.js";
import { csRoutes } from "../modules/cs/cs.routes.js";
import { rateRoutes } from "../modules/logistics/rates.routes.js";
import { queueRoutes } from "../modules/logistics/queue.routes.js";
import { scanRoutes } from "../modules/logistics/scan.routes.js";
import { costRoutes } from "../modules/logistics/cost.routes.js";
import { packingRoutes } from "../modules/logistics/packing.routes.js";
import { progressRoutes } from "../modules/progress/progress.routes.js";
import { createEventBus } from "./events.js";
import { eventRoutes } from "./events.routes.js";
import { authHook } from "./auth-hook.js";
import { serverConfigFromEnv, VERSION, type ServerConfig } from "./config.js";
import { errorHandler, frameworkError } from "./errors.js";
import { sendProblem } from "../http/problem.js";
import { registerOpenApi } from "./openapi.js";
import { buildServices } from "./services.js";
import { rejectForbiddenText } from "./text-guard.js";
import { serializerFactory, validatorCompiler } from "./validation.js";
import { registerWeb } from "./web.js";
import { registerSecurityHeaders } from "./security-headers.js";
import type { App } from "./types.js";
import { msg } from "../core/messages/index.js";

export interface AppOptions {
  database: Database;
  config?: Partial<ServerConfig>;
  clock?: Clock;
  logger?: FastifyServerOptions["logger"];
  /** The PostgreSQL URL, for live events across instances (LISTEN/NOTIFY). */
  databaseUrl?: string;
}

export async function buildApp(opts: AppOptions): Promise<App> {
  const config = { ...serverConfigFromEnv(), ...opts.config };
  const app: App = Fastify({
    logger: opts.logger ?? { level: config.logLevel },
    trustProxy: config.trustProxy,
    frameworkErrors: frameworkError,
    // Responses are serialized, not validated: a stored date outside today's input range (a row
    // written before the range existed) must still read back, not fail a `Nullable(IsoDate)` branch.
    serializerOpts: { ajv: { validateFormats: false } },
    schemaController: { compilersFactory: { buildSerializer: serializerFactory } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  const bus = await createEventBus(opts.database, opts.databaseUrl);
  const services = buildServices(opts.database, opts.clock ?? systemClock, bus);
  // Work the server process does outside requests (goal reminders) publishes on the same bus, so
  // open pages hear of it at once on SQLite too.
  app.decorate("events", bus);

  // Unknown fields are refused, not silently dropped; types are not coerced in bodies.
  app.setValidatorCompiler(validatorCompiler);
  app.setErrorHandler(errorHandler);
  // NUL and lone surrogates in any body, query or path text: 400 on both databases (text-guard.ts).
  app.addHook("preValidation", rejectForbiddenText);
  // Declared up front so every request object has the same shape.
  app.decorateRequest("actor", undefined);
  app.decorateRequest("sessionToken", undefined);
  app.decorateRequest("session", undefined);
  registerSecurityHeaders(app);
  await app.register(cookie);
  await registerOpenApi(app);

  app.get("/api/health", { schema: { hide: true } }, async () => ({
    status: "ok",
    database: opts.database.dialect,
    version: VERSION,
  }));

  await app.register(
    async (api) => {
      api.addHook("onRequest", authHook(services, config.publicOrigins));
      // Each routes file gets the services it uses, no more.
      const s = services;
      await authRoutes(api, { auth: s.auth, workspaces: s.workspaces, members: s.members });
      await tokenRoutes(api, { tokens: s.tokens });
      await workspaceRoutes(api, { workspaces: s.workspaces });
      await orgRoutes(api, {
        auth: s.auth,
        departments: s.departments,
        skills: s.skills,
        invitations: s.invitations,
      });
      await memberRoutes(api, { members: s.members });
      await auditRoutes(api, { audit: s.audit });
      await planRoutes(api, { plans: s.plans, tasks: s.tasks, schedule: s.schedule });
      await efficiencyRoutes(api, { efficiency: s.efficiency });
      await dailyRoutes(api, {
        today: s.today,
        duties: s.duties,
        reports: s.reports,
        notes: s.notes,
        notifications: s.notifications,
        feeds: s.feeds,
      });
      await orderRoutes(api, {
        shops: s.shops,
        imports: s.imports,
        orders: s.orders,
        attribution: s.attribution,
      });
      await kpiRoutes(api, { kpis: s.kpis, shipping: s.shipping });
      await payRoutes(api, {
        payPlans: s.payPlans,
        payRuns: s.payRuns,
        payAdjustments: s.payAdjustments,
      });
      await goalRoutes(api, { goals: s.goals });
      await aftersalesRoutes(api, {
        cases: s.cases,
        caseImports: s.caseImports,
        caseMappings: s.caseMappings,
      });
      await aftersalesSlaRoutes(api, { sla: s.sla });
      await routingRoutes(api, { caseRouting: s.caseRouting, caseAssign: s.caseAssign });
      await aftersalesDashboardRoutes(api, { aftersalesDashboard: s.aftersalesDashboard });
      await careRoutes(api, { quality: s.quality, followups: s.followups });
      await csRoutes(api, { cs: s.cs, csImports: s.csImports });
      await rateRoutes(api, { carriers: s.carriers, rateCards: s.rateCards });
      await queueRoutes(api, { shipQueue: s.shipQueue, parcels: s.parcels });
      await scanRoutes(api, {
        packStation: s.packStation,
        tracking: s.tracking,
        writeback: s.writeback,
      });
      await costRoutes(api, {
        carrierBills: s.carrierBills,
        logisticsDashboard: s.logisticsDashboard,
      });
      await packingRoutes(api, { packingWork: s.packingWork });
      await progressRoutes(api, { progress: s.progress, whatIfs: s.whatIfs });
      await customerRoutes(api, { customers: s.customers });
      await eventRoutes(api, bus);
      await demoRoutes(api, { auth: s.auth, demo: s.demo }, config.demo);
    },
    { prefix: "/api/v1" },
  );

  app.addHook("onClose", async () => bus.close());
  await registerWeb(app, config.webRoot);
  app.setNotFoundHandler((req, reply) =>
    sendProblem(
      reply,
      404,
      msg("request.no_route", { method: req.method, path: req.url.split("?")[0] ?? "" }),
    ),
  );
  return app;
}
