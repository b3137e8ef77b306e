// The queue part's refusals as message codes (core/messages/logistics-queue.*): a record that is not
// in the workspace, a stale version, a refused field, a state that no longer allows the change.
import { fail, fieldError, type DomainError } from "../../core/errors.js";
import { msg, type MessageCode, type MessageParams } from "../../core/messages/index.js";

export type QueueEntity = "order" | "parcel" | "batch" | "shop";

/** 404: the record is not in this workspace. */
export const queueNotFound = (what: QueueEntity): DomainError =>
  fail("not_found", "logistics.queue.not_found", { what: msg(`logistics.queue.entity.${what}`) });

/** 409: someone changed the record since the caller read it. */
export const queueStale = (what: QueueEntity, current: number): DomainError =>
  fail(
    "conflict",
    "logistics.queue.stale",
    { what: msg(`logistics.queue.entity.${what}`), current },
    { extra: { currentVersion: current } },
  );

/** 400 naming one field and what is wrong with it (the detail says the same). */
export const badQueueField = (
  field: string,
  code: MessageCode,
  params?: MessageParams,
): DomainError => fail("invalid", code, params, { fields: [fieldError(field, code, params)] });

/** 409: the stored state no longer allows it (an order already in a parcel, a shipped parcel …). */
export const queueConflict = (code: MessageCode, params?: MessageParams): DomainError =>
  fail("conflict", code, params);
