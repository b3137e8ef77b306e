import { Type } from "typebox";
import type { MemberService } from "./member.service.js";
import { actorOf, type App } from "../../http/app.js";
import { IdParams, Page } from "../shared/common.schema.js";
import {
  CreateLeaveBody,
  CreateMemberBody,
  LeaveParams,
  LeaveSchema,
  MemberDetailSchema,
  MemberListQuery,
  MemberSchema,
  SetSkillsBody,
  UpdateMemberBody,
} from "./org.schema.js";

const tags = ["members"];

export async function memberRoutes(app: App, services: { members: MemberService }): Promise<void> {
  app.get(
    "/members",
    {
      schema: {
        tags,
        summary: "Members, oldest first, a page at a time",
        querystring: MemberListQuery,
        response: { 200: Page(MemberSchema) },
      },
    },
    async (req) =>
      services.members.list(actorOf(req), { ...req.query, limit: req.query.limit ?? 50 }),
  );
  app.post(
    "/members",
    {
      schema: {
        tags,
        summary: "Add a member with an initial password",
        body: CreateMemberBody,
        response: { 201: MemberDetailSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await services.members.create(actorOf(req), req.body)),
  );
  app.get(
    "/members/:id",
    {
      schema: {
        tags,
        summary: "A member with skills and days off",
        params: IdParams,
        response: { 200: MemberDetailSchema },
      },
    },
    async (req) => services.members.get(actorOf(req), req.params.id),
  );
  app.patch(
    "/members/:id",
    {
      schema: {
        tags,
        summary: "Change a member (send the version you read)",
        params: IdParams,
        body: UpdateMemberBody,
        response: { 200: MemberDetailSchema },
      },
    },
    async (req) => services.members.update(actorOf(req), req.params.id, req.body),
  );
  app.post(
    "/members/:id/deactivate",
    {
      schema: {
        tags,
        summary: "Deactivate a member (history is kept; they can no longer sign in)",
        params: IdParams,
        response: { 200: MemberDetailSchema },
      },
    },
    async (req) => services.members.setStatus(actorOf(req), req.params.id, "inactive"),
  );
  app.post(
    "/members/:id/reactivate",
    {
      schema: {
        tags,
        summary: "Reactivate a member",
        params: IdParams,
        response: { 200: MemberDetailSchema },
      },
    },
    async (req) => services.members.setStatus(actorOf(req), req.params.id, "active"),
  );
  app.put(
    "/members/:id/skills",
    {
      schema: {
        tags,
        summary: "Replace a member's skills and levels (1–5)",
        params: IdParams,
        body: SetSkillsBody,
        response: { 200: MemberDetailSchema },
      },
    },
    async (req) => services.members.setSkills(actorOf(req), req.params.id, req.body.skills),
  );
  app.post(
    "/members/:id/leaves",
    {
      schema: {
        tags,
        summary: "Add days off",
        params: IdParams,
        body: CreateLeaveBody,
        response: { 201: LeaveSchema },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await services.members.addLeave(actorOf(req), req.params.id, req.body)),
  );
  app.delete(
    "/members/:id/leaves/:leaveId",
    {
      schema: {
        tags,
        summary: "Remove days off",
        params: LeaveParams,
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await services.members.deleteLeave(actorOf(req), req.params.id, req.params.leaveId);
      return reply.status(204).send(null);
    },
  );
}
