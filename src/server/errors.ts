import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { DomainError, type Coded, type DomainErrorKind, type FieldError } from "../core/errors.js";
import { LIMITS } from "../core/limits.js";

const STATUS: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_many_requests: 429,
};
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

export function sendProblem(
  reply: FastifyReply,
  status: number,
  detail: string,
  errors?: FieldError[],
  extra: Record<string, unknown> = {},
) {
  return reply
    .status(status)
    .type("application/problem+json")
    .send({
      type: "about:blank",
      title: TITLE[status] ?? "Error",
      status,
      detail,
      ...(errors && errors.length ? { errors } : {}),
      ...extra,
    });
}

interface AjvError {
  instancePath?: string;
  message?: string;
  keyword?: string;
  params?: Record<string, unknown>;
}

/** Turns Ajv's validation errors into "field: message" pairs a person can act on. */
export function fieldErrors(validation: AjvError[], context: string | undefined): FieldError[] {
  const prefix = context && context !== "body" ? `${context}.` : "";
  const out = new Map<string, FieldError>();
  for (const e of validation) {
    let field = (e.instancePath ?? "").replace(/^\//, "").replace(/\//g, ".");
    let message = e.message ?? "is invalid";
    let coded: Coded | undefined;
    if (e.keyword === "formatMinimum" || e.keyword === "formatMaximum") {
      // Dates and months outside the supported range (core/limits.ts).
      const month = typeof e.params?.limit === "string" && e.params.limit.length === 7;
      const min = month ? LIMITS.dateMin.slice(0, 7) : LIMITS.dateMin;
      const max = month ? LIMITS.dateMax.slice(0, 7) : LIMITS.dateMax;
      message = `must be from ${min} to ${max}`;
      coded = { code: "date.out_of_range", params: { min, max } };
    } else if (e.keyword === "required" && typeof e.params?.missingProperty === "string") {
      field = field ? `${field}.${e.params.missingProperty}` : e.params.missingProperty;
      message = "is required";
    } else if (
      e.keyword === "additionalProperties" &&
      typeof e.params?.additionalProperty === "string"
    ) {
      field = field ? `${field}.${e.params.additionalProperty}` : e.params.additionalProperty;
      message = "is not a known field";
    }
    const key = prefix + (field || (context ?? "body"));
    // Unions report one error per branch; the first says enough.
    if (!out.has(key))
      out.set(key, {
        field: key,
        message,
        ...(coded ? { code: coded.code, params: coded.params ?? {} } : {}),
      });
  }
  return [...out.values()];
}

/**
 * Errors the router raises before any route or hook runs (Fastify's `frameworkErrors`): a malformed
 * %-escape in the path, a path parameter longer than the router takes. The same problem shape as
 * every other error, with a message code.
 */
export function frameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  const tooLong = error.code === "FST_ERR_MAX_PARAM_LENGTH";
  const code = tooLong ? "request.path_too_long" : "request.bad_url";
  const status = tooLong ? 414 : 400;
  return sendProblem(
    reply,
    status,
    tooLong
      ? "A part of the address is too long"
      : "The address is not valid (a malformed %-escape)",
    [{ field: "path", message: "is not valid", code }],
    { code, params: {} },
  );
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string };
  return (
    e?.code === "23505" ||
    e?.code === "SQLITE_CONSTRAINT_UNIQUE" ||
    e?.code === "SQLITE_CONSTRAINT_PRIMARYKEY"
  );
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof DomainError) {
    const status = STATUS[error.kind];
    const { retryAfterSeconds, ...extra } = error.extra;
    if (typeof retryAfterSeconds === "number")
      void reply.header("retry-after", String(retryAfterSeconds));
    return sendProblem(reply, status, error.message, error.fields, {
      ...extra,
      ...(error.coded ? { code: error.coded.code, params: error.coded.params ?? {} } : {}),
    });
  }
  if (error.validation) {
    const errors = fieldErrors(error.validation as AjvError[], error.validationContext);
    return sendProblem(
      reply,
      400,
      `Invalid request: ${errors.map((e) => `${e.field} ${e.message}`).join("; ")}`,
      errors,
    );
  }
  if (error.code === "FST_ERR_CTP_INVALID_JSON_BODY" || error instanceof SyntaxError) {
    return sendProblem(reply, 400, "Malformed JSON in the request body", [
      { field: "body", message: "is not valid JSON" },
    ]);
  }
  if (error.code === "FST_ERR_CTP_EMPTY_JSON_BODY") {
    return sendProblem(reply, 400, "The request body is empty", [
      { field: "body", message: "is required" },
    ]);
  }
  if (
    error.code === "FST_ERR_CTP_BODY_TOO_LARGE" &&
    request.headers["content-type"]?.startsWith("application/octet-stream")
  ) {
    // An uploaded file over the limit, named in the reader's language (upload routes send ?fileName=).
    const file = (request.query as { fileName?: unknown } | undefined)?.fileName;
    const maxMb = LIMITS.importUploadMaxBytes / 1048576;
    return sendProblem(reply, 413, error.message, [], {
      code: "upload.too_large",
      params: { file: typeof file === "string" ? file : "", maxMb },
    });
  }
  if (isUniqueViolation(error)) {
    return sendProblem(
      reply,
      409,
      "This conflicts with something that was just created; reload and try again",
    );
  }
  const status = typeof error.statusCode === "number" ? error.statusCode : 500;
  if (status >= 400 && status < 500) return sendProblem(reply, status, error.message);
  request.log.error({ err: error }, "unhandled error");
  return sendProblem(reply, 500, "Something went wrong on our side; the error was logged");
}
