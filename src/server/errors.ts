import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { DomainError, type Coded, type DomainErrorKind, type FieldError } from "../core/errors.js";
import { LIMITS } from "../core/limits.js";
import { msg, type MessageCode } from "../core/messages/index.js";
import { sendProblem } from "../http/problem.js";

const STATUS: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_many_requests: 429,
};

interface AjvError {
  instancePath?: string;
  message?: string;
  keyword?: string;
  params?: Record<string, unknown>;
}

const TYPE_CODE: Record<string, MessageCode> = {
  string: "field.type.string",
  number: "field.type.number",
  integer: "field.type.integer",
  boolean: "field.type.boolean",
  array: "field.type.array",
  object: "field.type.object",
};
const FORMAT_CODE: Record<string, MessageCode> = {
  email: "field.format.email",
  date: "field.format.date",
  month: "field.format.month",
};

/** A pattern for numbers written as text ("1234.5"): the person is asked for a number. */
function numberPattern(pattern: string): boolean {
  try {
    const re = new RegExp(pattern, "u");
    return re.test("1234.5") && !re.test("x");
  } catch {
    return false;
  }
}

/**
 * What a person is told for one mismatch of the schema: a code per kind (fields.en.ts) with its
 * limit, so the reader's language says it; the validator's own English only as a last resort.
 */
function mismatch(e: AjvError): Coded {
  const p = e.params ?? {};
  const n = (v: unknown) => (typeof v === "number" ? v : Number(v));
  switch (e.keyword) {
    case "type": {
      const first = String(p.type ?? "").split(",")[0]!;
      return msg(TYPE_CODE[first] ?? "field.type.other");
    }
    case "minLength":
      return n(p.limit) === 1 ? msg("field.required") : msg("field.too_short", { min: n(p.limit) });
    case "maxLength":
      return msg("field.too_long", { max: n(p.limit) });
    case "minimum":
      return msg("field.below_min", { min: n(p.limit) });
    case "maximum":
      return msg("field.above_max", { max: n(p.limit) });
    case "exclusiveMinimum":
      return msg("field.not_above", { limit: n(p.limit) });
    case "exclusiveMaximum":
      return msg("field.not_below", { limit: n(p.limit) });
    case "multipleOf":
      return msg("field.multiple_of", { step: n(p.multipleOf) });
    case "pattern":
      return msg(numberPattern(String(p.pattern)) ? "field.format.decimal" : "field.bad_format");
    case "format":
      return msg(FORMAT_CODE[String(p.format)] ?? "field.bad_format");
    case "enum":
    case "const":
    case "anyOf":
    case "oneOf":
      return msg("field.not_allowed");
    case "minItems":
      return msg("field.too_few", { min: n(p.limit) });
    case "maxItems":
      return msg("field.too_many", { max: n(p.limit) });
    case "uniqueItems":
      return msg("field.duplicate");
    default:
      return msg("field.invalid", { reason: e.message ?? "is invalid" });
  }
}

/** Turns Ajv's validation errors into "field: message" pairs a person can act on. */
export function fieldErrors(validation: AjvError[], context: string | undefined): FieldError[] {
  const prefix = context && context !== "body" ? `${context}.` : "";
  const out = new Map<string, FieldError>();
  for (const e of validation) {
    let field = (e.instancePath ?? "").replace(/^\//, "").replace(/\//g, ".");
    let message = e.message ?? "is invalid";
    let coded: Coded | undefined = mismatch(e);
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
      coded = { code: "field.required" };
    } else if (
      e.keyword === "additionalProperties" &&
      typeof e.params?.additionalProperty === "string"
    ) {
      field = field ? `${field}.${e.params.additionalProperty}` : e.params.additionalProperty;
      message = "is not a known field";
      coded = { code: "field.unknown" };
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
  return sendProblem(reply, status, msg(code), [{ field: "path", message: "is not valid", code }]);
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
    // An error thrown before codes existed still reads as its text until it is given a code.
    const message = error.coded ?? msg("legacy.text", { text: error.message });
    return sendProblem(reply, status, message, error.fields, extra);
  }
  if (error.validation) {
    const errors = fieldErrors(error.validation as AjvError[], error.validationContext);
    return sendProblem(
      reply,
      400,
      msg("request.invalid", { fields: errors.map((e) => e.field) }),
      errors,
    );
  }
  if (error.code === "FST_ERR_CTP_INVALID_JSON_BODY" || error instanceof SyntaxError) {
    return sendProblem(reply, 400, msg("request.bad_json"), [
      { field: "body", message: "is not valid JSON", code: "request.bad_json" },
    ]);
  }
  if (error.code === "FST_ERR_CTP_EMPTY_JSON_BODY") {
    return sendProblem(reply, 400, msg("request.empty_body"), [
      { field: "body", message: "is required", code: "field.required" },
    ]);
  }
  if (
    error.code === "FST_ERR_CTP_BODY_TOO_LARGE" &&
    request.headers["content-type"]?.startsWith("application/octet-stream")
  ) {
    // An uploaded file over the limit, named in the reader's language (upload routes send ?fileName=).
    const file = (request.query as { fileName?: unknown } | undefined)?.fileName;
    const maxMb = LIMITS.importUploadMaxBytes / 1048576;
    return sendProblem(
      reply,
      413,
      msg("upload.too_large", { file: typeof file === "string" ? file : "", maxMb }),
    );
  }
  if (isUniqueViolation(error)) return sendProblem(reply, 409, msg("request.unique_conflict"));
  const status = typeof error.statusCode === "number" ? error.statusCode : 500;
  if (status >= 400 && status < 500)
    return sendProblem(reply, status, msg("request.refused", { status, reason: error.message }));
  request.log.error({ err: error }, "unhandled error");
  return sendProblem(reply, 500, msg("server.error"));
}
