// The pay area's refusals, as message codes (core/messages/pay.*.ts): a field error, a not-found and
// a stale write name what they are about in the reader's language.
import { fail, fieldError, type DomainError } from "../../core/errors.js";
import { msg, type MessageCode, type MessageParams } from "../../core/messages/index.js";

export type PayEntity = "plan" | "run" | "statement" | "member";

/** 400 with the message on the field it is about. */
export const payFieldError = (
  field: string,
  code: MessageCode,
  params?: MessageParams,
): DomainError => fail("invalid", code, params, { fields: [fieldError(field, code, params)] });

/** 404: no such pay plan, run, statement or member here. */
export const payNotFound = (what: PayEntity): DomainError =>
  fail("not_found", "pay.not_found", { what: msg(`pay.entity.${what}`) });

/** 409 with `currentVersion`: someone else changed it since it was read. */
export const payStale = (what: PayEntity, current: number): DomainError =>
  fail(
    "conflict",
    "pay.stale_version",
    { what: msg(`pay.entity.${what}`), current },
    { extra: { currentVersion: current } },
  );
