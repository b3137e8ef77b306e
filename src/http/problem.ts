// Problem-details responses (RFC 9457): the one shape of every error the API answers, with the
// message code as the contract and `detail` rendered in the reader's language.
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FieldError } from "../core/errors.js";
import { pickLocale, renderMessage, type Locale, type Message } from "../core/messages/index.js";

const TITLE: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  412: "Precondition Failed",
  413: "Payload Too Large",
  414: "URI Too Long",
  415: "Unsupported Media Type",
  429: "Too Many Requests",
  500: "Internal Server Error",
};

/**
 * The reader's language for a response: the request's Accept-Language, else the signed-in user's
 * language, else the workspace's, else Chinese.
 */
export function requestLocale(request: FastifyRequest): Locale {
  const session = (
    request as {
      session?: { user?: { locale?: string | null }; workspace?: { locale?: string | null } };
    }
  ).session;
  return (
    pickLocale(
      request.headers["accept-language"],
      session?.user?.locale,
      session?.workspace?.locale,
    ) ?? "zh-CN"
  );
}

/**
 * A problem-details response: `code` and `params` are the contract; `detail` and each field
 * error's `message` are rendered from their codes in the caller's language.
 */
export function sendProblem(
  reply: FastifyReply,
  status: number,
  message: Message,
  errors?: FieldError[],
  extra: Record<string, unknown> = {},
) {
  const locale = requestLocale(reply.request);
  const rendered = errors?.map((e) =>
    e.code
      ? {
          ...e,
          params: e.params ?? {},
          message: renderMessage(locale, { code: e.code, params: e.params ?? {} }),
        }
      : e,
  );
  return reply
    .status(status)
    .type("application/problem+json")
    .send({
      type: "about:blank",
      title: TITLE[status] ?? "Error",
      status,
      detail: renderMessage(locale, message),
      code: message.code,
      params: message.params ?? {},
      ...(rendered && rendered.length ? { errors: rendered } : {}),
      ...extra,
    });
}
