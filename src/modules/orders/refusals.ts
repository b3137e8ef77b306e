// The shop and CS services' refusals as message codes (core/messages/shop.*.ts): a record that is
// not there, a stale version, a field that cannot be saved.
import { fail, fieldError, type DomainError } from "../../core/errors.js";
import { msg, type MessageCode, type MessageParams } from "../../core/messages/index.js";

type Entity = "shop" | "mapping" | "upload" | "import" | "order" | "rule";
const ENTITY: Record<Entity, MessageCode> = {
  shop: "shop.entity.shop",
  mapping: "shop.entity.mapping",
  upload: "shop.entity.upload",
  import: "shop.entity.import",
  order: "shop.entity.order",
  rule: "shop.entity.rule",
};

/** 404: the record is not in this workspace. */
export const notFoundIn = (what: Entity): DomainError =>
  fail("not_found", "shop.not_found", { what: msg(ENTITY[what]) });

/** 409: someone changed the record since the caller read it. */
export const staleRecord = (what: Entity, current: number): DomainError =>
  fail(
    "conflict",
    "shop.stale",
    { what: msg(ENTITY[what]), current },
    { extra: { currentVersion: current } },
  );

/** 400 naming one field and what is wrong with it. */
export const badField = (field: string, code: MessageCode, params?: MessageParams): DomainError =>
  fail(
    "invalid",
    "request.invalid",
    { fields: [field] },
    { fields: [fieldError(field, code, params)] },
  );
