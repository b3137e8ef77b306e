// Domain errors thrown by services; the server maps each kind to one HTTP status and one
// problem-details shape, so services never speak HTTP.
export interface FieldError {
  field: string;
  /** English, for logs and scripts; a reader sees the catalog's text for `code` when there is one. */
  message: string;
  code?: string;
  params?: MessageParams;
}

/** Parameters of a coded message: values only, never prose (the reader's catalog writes the sentence). */
export type MessageParams = Record<string, string | number>;

/**
 * A stable message code and its parameters. The server sends codes; the web and the CLI render
 * them in the reader's language from their catalogs (web/src/i18n/messages.*.ts); `message`
 * stays as the English fallback for a client that does not know the code.
 */
export interface Coded {
  code: string;
  params?: MessageParams;
}

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
export const fail = (
  kind: DomainErrorKind,
  code: string,
  params: MessageParams | undefined,
  message: string,
  options: { fields?: FieldError[]; extra?: Record<string, unknown> } = {},
) =>
  new DomainError(kind, message, options.fields ?? [], options.extra ?? {}, {
    code,
    ...(params ? { params } : {}),
  });

export const invalid = (message: string, fields: FieldError[] = []) =>
  new DomainError("invalid", message, fields);
export const invalidField = (field: string, message: string) =>
  new DomainError("invalid", message, [{ field, message }]);
export const unauthorized = (message = "Not signed in") => new DomainError("unauthorized", message);
export const forbidden = (message = "Not allowed") => new DomainError("forbidden", message);
export const notFound = (what: string) => new DomainError("not_found", `${what} not found`);
export const conflict = (message: string, extra: Record<string, unknown> = {}) =>
  new DomainError("conflict", message, [], extra);
export const tooManyRequests = (message: string, retryAfterSeconds: number) =>
  new DomainError("too_many_requests", message, [], { retryAfterSeconds });

/** A stale write: the caller's version is not the stored one. */
export const staleVersion = (what: string, current: number) =>
  conflict(
    `${what} was changed by someone else (current version ${current}); reload and try again`,
    { currentVersion: current },
  );
