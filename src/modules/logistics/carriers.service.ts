// The workspace's carriers (seeded with 顺丰, 中通, 圆通, 韵达, 申通, 极兔, 京东, EMS, 邮政 and their codes
// per system), editable: the workspace code, the name, the code or name in each system (tracking
// services, platform back ends), other names files use, the platforms it ships for, on or off.
// Everyone reads them; the owner and the leads holding the logistics function change them.
import type { Actor } from "../../core/actor.js";
import { fail, fieldError } from "../../core/errors.js";
import { newId } from "../../core/ids.js";
import { workspaceToday } from "../../core/calendar/today.js";
import { msg } from "../../core/messages/index.js";
import { audit, nowIso, type ServiceDeps } from "../shared/context.js";
import { CarrierRepository, type Carrier } from "./carriers.repository.js";
import { authorizeLogistics } from "./logistics.access.js";
import { ParcelCostRepository } from "./parcel-cost.repository.js";
import { RateCardRepository } from "./rates.repository.js";
import type { CreateCarrierInput, UpdateCarrierInput } from "./rates.schema.js";

const clean = (xs: readonly string[]) => [
  ...new Set(xs.map((x) => x.trim()).filter((x) => x !== "")),
];
const cleanCodes = (codes: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(codes)
      .map(([k, v]) => [k, v.trim()] as const)
      .filter(([, v]) => v !== ""),
  );

export class CarrierService {
  constructor(private readonly deps: ServiceDeps) {}

  async list(actor: Actor) {
    await authorizeLogistics(this.deps.db, actor, "logistics.read");
    const db = this.deps.db;
    const ws = actor.workspaceId;
    const [carriers, cards, tz] = await Promise.all([
      new CarrierRepository(db).list(ws, nowIso(this.deps)),
      new RateCardRepository(db).list(ws),
      new ParcelCostRepository(db).timeZone(ws),
    ]);
    const today = workspaceToday(this.deps.clock(), tz);
    return {
      items: carriers.map((c) => {
        const own = cards.filter((r) => r.carrierId === c.id);
        const current = own.filter((r) => r.validFrom <= today).at(-1);
        return {
          ...c,
          cards: own.length,
          currentCard: current ? { id: current.id, validFrom: current.validFrom } : null,
        };
      }),
    };
  }

  async create(actor: Actor, input: CreateCarrierInput): Promise<Carrier> {
    await authorizeLogistics(this.deps.db, actor, "logistics.manage");
    return this.deps.db.transaction().execute(async (trx) => {
      const repo = new CarrierRepository(trx);
      const at = nowIso(this.deps);
      const all = await repo.list(actor.workspaceId, at);
      if (all.some((c) => c.code.toLowerCase() === input.code.toLowerCase()))
        throw fail(
          "conflict",
          "rates.carrier.code_taken",
          { code: input.code },
          {
            fields: [fieldError("code", "rates.carrier.code_taken", { code: input.code })],
          },
        );
      const carrier: Carrier = {
        id: newId(),
        code: input.code.trim(),
        name: input.name.trim(),
        codes: cleanCodes(input.codes ?? {}),
        aliases: clean(input.aliases ?? []),
        platforms: input.platforms ?? null,
        active: input.active ?? true,
        version: 1,
      };
      await repo.insert(actor.workspaceId, carrier, at);
      await audit(trx, actor, at, {
        action: "carrier.create",
        entityType: "carrier",
        entityId: carrier.id,
        message: msg("audit.carrier.create", { carrier: carrier.name, carrierId: carrier.id }),
        after: carrier,
      });
      return carrier;
    });
  }

  async update(actor: Actor, id: string, input: UpdateCarrierInput): Promise<Carrier> {
    await authorizeLogistics(this.deps.db, actor, "logistics.manage");
    return this.deps.db.transaction().execute(async (trx) => {
      const repo = new CarrierRepository(trx);
      const at = nowIso(this.deps);
      const all = await repo.list(actor.workspaceId, at);
      const before = all.find((c) => c.id === id);
      if (!before) throw fail("not_found", "shop.not_found", { what: msg("rates.entity.carrier") });
      if (before.version !== input.version)
        throw fail(
          "conflict",
          "shop.stale",
          { what: msg("rates.entity.carrier"), current: before.version },
          { extra: { currentVersion: before.version } },
        );
      const code = input.code?.trim() ?? before.code;
      if (all.some((c) => c.id !== id && c.code.toLowerCase() === code.toLowerCase()))
        throw fail(
          "conflict",
          "rates.carrier.code_taken",
          { code },
          {
            fields: [fieldError("code", "rates.carrier.code_taken", { code })],
          },
        );
      const after: Carrier = {
        id,
        code,
        name: input.name?.trim() ?? before.name,
        codes: input.codes ? cleanCodes(input.codes) : before.codes,
        aliases: input.aliases ? clean(input.aliases) : before.aliases,
        platforms: input.platforms === undefined ? before.platforms : input.platforms,
        active: input.active ?? before.active,
        version: before.version + 1,
      };
      if (!(await repo.update(actor.workspaceId, id, input.version, after, at)))
        throw fail(
          "conflict",
          "shop.stale",
          { what: msg("rates.entity.carrier"), current: before.version + 1 },
          { extra: { currentVersion: before.version + 1 } },
        );
      await audit(trx, actor, at, {
        action: "carrier.update",
        entityType: "carrier",
        entityId: id,
        message: msg("audit.carrier.update", { carrier: after.name, carrierId: id }),
        before,
        after,
      });
      return after;
    });
  }
}
