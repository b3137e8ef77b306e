// Domain errors thrown by services; the server maps each kind to one HTTP status and one
// problem-details shape, so services never speak HTTP.
import type { Message, MessageCode, MessageParams } from "./messages/index.js";
export type { MessageParams } from "./messages/index.js";

export interface FieldError {
  field: string;
  /** The reader's text (the server renders it from `code` in the caller's language). */
  message: string;
  code?: MessageCode;
  params?: MessageParams;
}

/**
 * A stable message code and its parameters (core/messages). The server sends codes; the web, the
 * API's `detail`, the CLI and exports render them in the reader's language.
 */
export type Coded = Message;

export type DomainErrorKind =
  "invalid" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "too_many_requests";

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly fields: FieldError[] = [],
    readonly extra: Record<string, unknown> = {},
    readonly coded?: Coded,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

/**
 * A domain error with a message code: `fail("invalid", "upload.too_large", { maxMb: 20 }, "The file is larger than 20 MB")`.
 * New messages are written this way; the English sentence is the fallback, the code is the contract.
 */
interface FailOptions {
  fields?: FieldError[];
  extra?: Record<string, unknown>;
}
export function fail(
  kind: DomainErrorKind,
  code: MessageCode,
  params?: MessageParams,
  options?: FailOptions,
): DomainError;
/** The older form with an English sentence for logs; the reader still gets the catalog's text. */
export function fail(
  kind: DomainErrorKind,
  code: MessageCode,
  params: MessageParams | undefined,
  logMessage: string,
  options?: FailOptions,
): DomainError;
export function fail(
  kind: DomainErrorKind,
  code: MessageCode,
  params?: MessageParams,
  messageOrOptions?: string | FailOptions,
  maybeOptions?: FailOptions,
): DomainError {
  const options = (typeof messageOrOptions === "object" ? messageOrOptions : maybeOptions) ?? {};
  const message =
    typeof messageOrOptions === "string"
      ? messageOrOptions
      : `${code}${params ? ` ${JSON.stringify(params)}` : ""}`;
  return new DomainError(kind, message, options.fields ?? [], options.extra ?? {}, {
    code,
    ...(params ? { params } : {}),
  });
}

/**
 * A field error with a code: `fieldError("dueDate", "date.out_of_range", { min, max })`. `message`
 * is filled in the caller's language when the server answers.
 */
export const fieldError = (
  field: string,
  code: MessageCode,
  params?: MessageParams,
): FieldError => ({
  field,
  message: code,
  code,
  ...(params ? { params } : {}),
});
