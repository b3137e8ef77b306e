// Packing work: a member's packing run (on Today), a day's load per 物流 member (the lead's card) and
// the time-per-parcel setting.
import { Type } from "typebox";
import { PACKING } from "../../core/logistics/packing.js";
import { Id, IsoDate } from "../shared/common.schema.js";

const strict = { additionalProperties: false } as const;
const SecondsSource = Type.Union(
  [Type.Literal("set"), Type.Literal("learned"), Type.Literal("default")],
  {
    description:
      "Where the time per parcel comes from: set in the settings, learned from the pack station (the median gap between a packer's parcels), or the default",
  },
);

export const PackingRunSchema = Type.Object(
  {
    date: IsoDate,
    parcels: Type.Integer({
      description:
        "The member's parcels of the day (today: packed so far + their share of those waiting)",
    }),
    packedParcels: Type.Integer({ description: "Of which already packed (today)" }),
    hours: Type.Number({ description: "parcels × time per parcel, in hours" }),
    reservedHours: Type.Number({
      description: "Hours reserved in the member's day (the engine plans tasks around them)",
    }),
    shortHours: Type.Number({ description: "Packing hours beyond the hours left after duties" }),
    teamParcels: Type.Integer({ description: "The day's parcels for everyone of 物流" }),
    secondsPerParcel: Type.Integer(),
    secondsSource: SecondsSource,
  },
  { description: "A 物流 member's packing run of the day" },
);

const SecondsFields = {
  secondsPerParcel: Type.Integer({ description: "The time per parcel in use (seconds)" }),
  secondsSource: SecondsSource,
  learnedSeconds: Type.Union([Type.Integer(), Type.Null()], {
    description: "Learned from the pack station's last 28 days (null: too few parcels scanned)",
  }),
  learnedGaps: Type.Integer({ description: "Gaps between parcels the learned time comes from" }),
  defaultSeconds: Type.Integer(),
};

export const PackingLoadQuery = Type.Object(
  {
    // The day (today up to 30 days ahead); default: the next day someone of 物流 works.
    date: Type.Optional(IsoDate),
  },
  strict,
);

export const PackingLoadSchema = Type.Object({
  date: IsoDate,
  today: IsoDate,
  ...SecondsFields,
  queueParcels: Type.Integer({ description: "Parcels waiting to be packed now" }),
  inflowPerDay: Type.Number({
    description: `New parcels a day: paid orders of the last ${PACKING.inflowDays} days ÷ ${PACKING.inflowDays}`,
  }),
  parcels: Type.Integer({ description: "Parcels of the day shared among the members working" }),
  newParcels: Type.Integer(),
  carriedOverParcels: Type.Integer({
    description: "Left over from the previous packing day (beyond its packers' free hours)",
  }),
  waitingParcels: Type.Integer({
    description: "Parcels nobody packs that day (nobody of 物流 works): they wait for the next one",
  }),
  packingHours: Type.Number(),
  shortHours: Type.Number({ description: "Hours needed beyond the hours available, all members" }),
  members: Type.Array(
    Type.Object({
      memberId: Id,
      name: Type.String(),
      working: Type.Boolean(),
      availableHours: Type.Number({ description: "The member's hours that day (0: not working)" }),
      dutyHours: Type.Number(),
      planHours: Type.Number({ description: "Plan tasks the engine placed that day" }),
      packingParcels: Type.Integer(),
      packedParcels: Type.Integer(),
      packingHours: Type.Number(),
      neededHours: Type.Number({ description: "duties + packing + plan tasks" }),
      shortHours: Type.Number({ description: "needed − available when positive" }),
    }),
  ),
});

export const PackingSettingsSchema = Type.Object({
  parcelSeconds: Type.Union([Type.Integer(), Type.Null()], {
    description: "The time per parcel set (null: learned from the pack station, else the default)",
  }),
  ...SecondsFields,
  version: Type.Integer({ description: "0 while nothing was saved" }),
});

export const PackingSettingsBody = Type.Object(
  {
    parcelSeconds: Type.Union(
      [
        Type.Integer({
          minimum: PACKING.minParcelSeconds,
          maximum: PACKING.maxParcelSeconds,
        }),
        Type.Null(),
      ],
      {
        description: `Seconds per parcel, ${PACKING.minParcelSeconds}–${PACKING.maxParcelSeconds}; null: learn it from the pack station`,
      },
    ),
    version: Type.Integer({ minimum: 0, description: "The version read (0: nothing saved yet)" }),
  },
  strict,
);
