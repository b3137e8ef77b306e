// English texts of logistics message codes, part "people" (spread into LOGISTICS_EN in logistics.en.ts).
export const LOGISTICS_PEOPLE_EN = {
  "logistics.people.load_date_range": "Choose a day from {from} to {to}.",
  "logistics.people.settings_stale":
    "Someone changed the packing settings meanwhile (now version {currentVersion}): reload them and try again.",
  "logistics.people.field.parcels_quantity":
    "Parcels packed are a count: a commission on them has the base quantity.",
  "logistics.people.src.parcels_member":
    "parcels packed by {name} {from}…{to}: {parcels} (pack station and parcels marked packed)",
  "logistics.people.src.parcels_department":
    "parcels packed by the members of {department} {from}…{to}: {parcels}",
  "logistics.people.src.parcels_all": "parcels packed by everyone {from}…{to}: {parcels}",
  "logistics.people.src.wrong_parcels":
    "wrong parcels stopped at the pack station, {name} {from}…{to}: {count}",
  "audit.logistics.parcel_seconds_set": "{actor} set the packing time to {seconds} s per parcel",
  "audit.logistics.parcel_seconds_learned":
    "{actor} let the packing time per parcel be learned from the pack station",
  // The goal unit of parcelsPacked / wrongShipments (core/goals/units.ts).
  "unit.parcel": "parcels",
  "unit.parcel.value": "{value:num} parcels",
} as const satisfies Record<string, string>;
