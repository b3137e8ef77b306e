// Schemas of the carriers and rate-card routes (validation, types and the OpenAPI entries).
import { Type, type Static } from "typebox";
import { CARRIER_SYSTEMS } from "../../core/logistics/carriers.js";
import { PLATFORMS, RATE_LIMITS } from "../../core/logistics/rate-card.js";
import { Id, Instant, IsoDate, MessageSchema, Version } from "../shared/common.schema.js";

const strict = { additionalProperties: false } as const;
const Nullable = <T extends import("typebox").TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Money = Type.String({ description: 'Amount in yuan as decimal text, e.g. "12.50"' });
const Kg = Type.String({ description: 'Weight in kg as decimal text, e.g. "3.01"' });
const Platform = Type.Union([
  Type.Literal("taobao"),
  Type.Literal("jd"),
  Type.Literal("pdd"),
  Type.Literal("douyin"),
  Type.Literal("shopify"),
  Type.Literal("woocommerce"),
]);

const CarrierText = Type.String({ minLength: 1, maxLength: RATE_LIMITS.nameMax });
const CodesSchema = Type.Record(
  Type.String({ pattern: `^(${CARRIER_SYSTEMS.join("|")})$` }),
  Type.String({ maxLength: RATE_LIMITS.nameMax }),
  {
    description: `The carrier's code or name in each system: ${CARRIER_SYSTEMS.join(", ")} (an empty text: none)`,
  },
);

export const CarrierSchema = Type.Object({
  id: Id,
  code: Type.String({ description: "The workspace's code for it (Cainiao's for the seeded ones)" }),
  name: Type.String(),
  codes: Type.Record(Type.String(), Type.String()),
  aliases: Type.Array(Type.String()),
  platforms: Nullable(
    Type.Array(Type.String(), { description: "Platforms it ships for; null = any" }),
  ),
  active: Type.Boolean(),
  version: Type.Integer(),
  cards: Type.Integer({ description: "How many rate cards it has" }),
  currentCard: Nullable(
    Type.Object({ id: Id, validFrom: IsoDate }, { description: "The card valid today" }),
  ),
});

const carrierFields = {
  code: Type.String({ minLength: 1, maxLength: 20, pattern: "^[A-Za-z0-9_-]+$" }),
  name: CarrierText,
  codes: CodesSchema,
  aliases: Type.Array(CarrierText, { maxItems: 20 }),
  platforms: Nullable(
    Type.Array(Platform, { minItems: 1, maxItems: PLATFORMS.length, uniqueItems: true }),
  ),
  active: Type.Boolean(),
};
export const CreateCarrierBody = Type.Object(
  {
    ...carrierFields,
    codes: Type.Optional(CodesSchema),
    aliases: Type.Optional(carrierFields.aliases),
    platforms: Type.Optional(carrierFields.platforms),
    active: Type.Optional(carrierFields.active),
  },
  strict,
);
export type CreateCarrierInput = Static<typeof CreateCarrierBody>;
export const UpdateCarrierBody = Type.Object(
  {
    version: Version,
    code: Type.Optional(carrierFields.code),
    name: Type.Optional(carrierFields.name),
    codes: Type.Optional(CodesSchema),
    aliases: Type.Optional(carrierFields.aliases),
    platforms: Type.Optional(carrierFields.platforms),
    active: Type.Optional(carrierFields.active),
  },
  strict,
);
export type UpdateCarrierInput = Static<typeof UpdateCarrierBody>;

const SettingsSchema = Type.Object({
  divisor: Nullable(Type.Integer({ description: "cm³ per kg; null = no volumetric weight" })),
  volumetric: Type.Union([Type.Literal("none"), Type.Literal("full"), Type.Literal("half")]),
  volumetricPct: Nullable(Type.Integer({ description: "Half volumetric: the percentage counted" })),
  stepRounding: Type.Union([Type.Literal("1"), Type.Literal("0.5")]),
  firstWeightMinimum: Type.Boolean(),
  minimumCharge: Money,
  remoteSurcharge: Money,
  remoteProvinces: Type.Array(Type.String()),
  insuranceRate: Type.String({ description: "Percent of the declared value" }),
  platforms: Nullable(Type.Array(Type.String())),
});

const BandSchema = Type.Object({
  fromKg: Kg,
  toKg: Nullable(Kg),
  mode: Type.Union([Type.Literal("flat"), Type.Literal("first_additional")]),
  price: Type.Optional(Money),
  firstKg: Type.Optional(Kg),
  firstFee: Type.Optional(Money),
  stepKg: Type.Optional(Kg),
  stepFee: Type.Optional(Money),
});
const ZoneSchema = Type.Object({
  name: Type.String(),
  provinces: Type.Array(Type.String()),
  bands: Type.Array(BandSchema),
});

const CarrierRef = Type.Object({ id: Id, code: Type.String(), name: Type.String() });

export const RateCardSummarySchema = Type.Object({
  id: Id,
  carrier: CarrierRef,
  validFrom: IsoDate,
  validTo: Nullable(IsoDate),
  zones: Type.Integer(),
  bands: Type.Integer(),
  notCovered: Type.Array(Type.String(), { description: "Provinces no zone of the card holds" }),
  settings: SettingsSchema,
  createdAt: Instant,
  createdBy: Nullable(Id),
});
export const RateCardSchema = Type.Object({
  ...RateCardSummarySchema.properties,
  card: Type.Object({
    format: Type.Literal("dayclear.rate-card/v1"),
    zones: Type.Array(ZoneSchema),
  }),
});
export const RateCardList = Type.Object({ items: Type.Array(RateCardSummarySchema) });

export const RateCardsQuery = Type.Object({ carrierId: Type.Optional(Id) }, strict);

export const ImportCardQuery = Type.Object(
  {
    carrier: Type.String({ minLength: 1, maxLength: 64, description: "The carrier's id or code" }),
    fileName: Type.String({ minLength: 1, maxLength: 200 }),
    validFrom: Type.Optional(IsoDate),
    divisor: Type.Optional(
      Type.Union([
        Type.Integer({ minimum: RATE_LIMITS.divisorMin, maximum: RATE_LIMITS.divisorMax }),
        Type.Literal("none"),
      ]),
    ),
    volumetric: Type.Optional(
      Type.String({
        pattern: "^(none|full|half(:\\d{1,3})?)$",
        description: "none | full | half:PCT",
      }),
    ),
    stepRounding: Type.Optional(Type.Union([Type.Literal("1"), Type.Literal("0.5")])),
  },
  strict,
);
export type ImportCardQueryT = Static<typeof ImportCardQuery>;

export const ImportCardResult = Type.Object({
  card: RateCardSummarySchema,
  replaced: Type.Boolean({ description: "A card of the same carrier and day was replaced" }),
  recosted: Type.Integer({ description: "Parcels of the carrier re-costed" }),
});

export const ExportQuery = Type.Object(
  {
    format: Type.Optional(
      Type.Union([Type.Literal("csv"), Type.Literal("xlsx"), Type.Literal("json")]),
    ),
  },
  strict,
);

export const QuoteQuery = Type.Object(
  {
    carrier: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description: "Id or code; all carriers when left out",
      }),
    ),
    province: Type.String({
      minLength: 1,
      maxLength: 20,
      description: "Full or short name, or GB/T 2260 code",
    }),
    weightKg: Type.String({
      minLength: 1,
      maxLength: 12,
      description: 'Actual weight in kg, e.g. "1.25"',
    }),
    dims: Type.Optional(Type.String({ maxLength: 40, description: "L×W×H in cm, e.g. 30x20x10" })),
    on: Type.Optional(IsoDate),
    declaredValue: Type.Optional(
      Type.String({ maxLength: 20, description: "Declared value in yuan (insurance)" }),
    ),
    platform: Type.Optional(Platform),
  },
  strict,
);
export type QuoteQueryT = Static<typeof QuoteQuery>;

export const QuoteItemSchema = Type.Object({
  carrier: CarrierRef,
  cardId: Id,
  validFrom: IsoDate,
  zone: Type.String(),
  chargeableKg: Kg,
  fee: Money,
  formula: MessageSchema,
});
export const QuoteResult = Type.Object({
  on: IsoDate,
  province: Type.String(),
  quotes: Type.Array(QuoteItemSchema, { description: "Cheapest first" }),
  leftOut: Type.Array(Type.Object({ carrier: CarrierRef, reason: MessageSchema })),
});

export const RecostBody = Type.Object({ carrierId: Type.Optional(Id) }, strict);
export const RecostResult = Type.Object({
  count: Type.Integer({ description: "Parcels re-costed" }),
  costed: Type.Integer({ description: "Of which now have a cost" }),
});
