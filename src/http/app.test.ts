// actorOf: a handler reached without a signed-in member answers 401 with the coded
// auth.not_signed_in (rendered in the caller's language), never an uncoded English sentence.
import type { FastifyRequest } from "fastify";
import { describe, expect, it } from "vitest";
import { DomainError } from "../core/errors.js";
import { renderMessage } from "../core/messages/index.js";
import { actorOf } from "./app.js";

describe("actorOf", () => {
  it("refuses a request without a member with the coded auth.not_signed_in", () => {
    let thrown: unknown;
    try {
      actorOf({ actor: undefined } as FastifyRequest);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    const e = thrown as DomainError;
    expect(e.kind).toBe("unauthorized");
    expect(e.coded).toEqual({ code: "auth.not_signed_in" });
    expect(renderMessage("zh-CN", e.coded!)).toBe("你尚未登录（或登录已过期），请重新登录。");
  });
});
