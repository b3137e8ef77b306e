// English texts of logistics message codes, part "rates" (spread into LOGISTICS_EN in logistics.en.ts):
// rate-card problems (with the row and column the import shows), quote formulas (like a pay line),
// why a carrier is left out of a quote or a parcel has no cost, and the audit entries.
export const LOGISTICS_RATES_EN = {
  "rates.entity.carrier": "The carrier",
  "rates.entity.card": "The rate card",
  "rates.carrier.code_taken": "Another carrier already has the code {code}.",
  "rates.card.no_zones": "The card has no zones.",
  "rates.card.too_many_zones": "The card has more than {max} zones.",
  "rates.card.bad_json": "The file is not valid JSON: {reason}",
  "rates.card.bad_format":
    'The file is not a dayclear.rate-card/v1 card (its "format" is "{value}").',
  "rates.card.missing_columns":
    "The file lacks the column(s) {columns}; a rate card has 区域/zone, 省份/provinces, 起始重量/from_kg, 截止重量/to_kg, 方式/mode and the price columns.",
  "rates.zone.bad_name": "A zone needs a name of at most {max} characters.",
  "rates.zone.twice": "The zone {zone} is defined twice.",
  "rates.zone.no_provinces": "The zone {zone} lists no province.",
  "rates.zone.no_bands": "The zone {zone} has no weight band.",
  "rates.zone.too_many_bands": "The zone {zone} has more than {max} weight bands.",
  "rates.zone.settings_differ": "The zone {zone} lists other provinces here than on its first row.",
  "rates.province.unknown": "{value} is not a province (34 GB/T 2260 names, short names or codes).",
  "rates.province.twice":
    "{province} is in zone {zone} and in zone {other}: a province belongs to one zone.",
  "rates.cell.required": "Required for this mode.",
  "rates.cell.bad_weight": "{value} is not a weight in kg (at most 3 decimals, up to 1000 kg).",
  "rates.cell.bad_money": "{value} is not an amount in yuan (at most 2 decimals).",
  "rates.cell.bad_mode":
    "{value} is not a pricing mode: 一口价 / flat or 首重续重 / first_additional.",
  "rates.band.empty": "The band {from}–{to} kg is empty: the upper bound must be above the lower.",
  "rates.band.step": "The additional-weight step is {value} kg; it must be 1 or 0.5 kg.",
  "rates.band.first_not_zero":
    "The first band of zone {zone} starts at {to} kg: weights from {from} to {to} kg have no price.",
  "rates.band.gap": "Gap in zone {zone}: weights over {from} up to {to} kg have no band.",
  "rates.band.overlap":
    "Overlap in zone {zone}: weights over {from} up to {to} kg are in two bands.",
  "rates.band.after_open":
    "Zone {zone} has a band from {from} kg after a band with no upper bound.",
  "rates.setting.divisor": "The divisor {value} is not a whole number from {min} to {max}.",
  "rates.setting.divisor_required": "Volumetric weight ({mode}) needs a divisor.",
  "rates.setting.volumetric": "{value} is not a volumetric mode: none, full or half:PCT.",
  "rates.setting.pct":
    "The half-volumetric percentage {value} is not a whole number from 1 to 100.",
  "rates.setting.step_rounding": "Weight rounding {value} kg: it must be 1 or 0.5 kg.",
  "rates.setting.insurance":
    "The insurance rate {value} % is not a percentage (at most 3 decimals).",
  "rates.setting.platforms": "Unknown platform(s) {value}; the platforms are {allowed}.",
  "rates.setting.valid_from": "{value} is not a date YYYY-MM-DD from {min} to {max}.",
  "rates.import.refused": "The rate card was not imported: {count} problem(s); the first: {first}",
  "rates.quote.bad_weight":
    "The weight must be more than 0 and at most {max} kg (at most 3 decimals).",
  "rates.quote.bad_dims":
    "Each side must be more than 0 and at most {max} cm (at most 1 decimal), as L×W×H.",
  "rates.quote.bad_declared": "The declared value is not an amount in yuan.",
  "rates.quote.no_carrier": "No carrier has the code {code}.",
  "rates.out.no_card": "no rate card valid on {date}",
  "rates.out.no_coverage": "the card does not cover {province}",
  "rates.out.platform": "limited to {platforms}, not {platform}",
  "rates.out.carrier_platform": "ships only for {platforms}, not {platform}",
  "rates.out.inactive": "the carrier is switched off",
  "rates.out.no_band": "no band of zone {zone} takes {weight} kg",
  "rates.nocost.no_carrier": "not costed: the parcel has no carrier yet",
  "rates.nocost.no_province": "not costed: the parcel's province is not known",
  "rates.nocost.no_weight":
    "not costed: no weight, and not every SKU of the parcel has a weight to estimate it from",
  "rates.nocost.because": "not costed ({carrier}): {reason}",
  "rates.f.cost": "{weight}; {fee} = {total:fen}",
  "rates.f.weight": "actual {actual} kg, rounded up to {step} kg",
  "rates.f.weight_estimated": "{weight} (actual weight estimated from the SKUs' weights)",
  "rates.f.weight_max":
    "max(actual {actual} kg, volumetric {l}×{w}×{h} cm ÷ {divisor} = {volumetric} kg), rounded up to {step} kg",
  "rates.f.weight_half":
    "actual {actual} kg + (volumetric {l}×{w}×{h} cm ÷ {divisor} = {volumetric} kg − {actual} kg) × {pct}% = {effective} kg, rounded up to {step} kg",
  "rates.f.first_weight_min": "{weight}, at least the first weight {first} kg",
  "rates.f.chargeable": "{weight} → {chargeable} kg chargeable",
  "rates.f.range": "{from}–{to} kg",
  "rates.f.range_open": "over {from} kg",
  "rates.f.flat": "{zone} {range} flat {price:fen}",
  "rates.f.first_additional":
    "{zone} {range}: first {first} kg {firstFee:fen} + {steps} × {stepFee:fen} per {step} kg",
  "rates.f.minimum": "{fee}, below the minimum charge {minimum:fen}",
  "rates.f.remote": "{fee} + remote-area surcharge ({province}) {surcharge:fen}",
  "rates.f.insurance": "{fee} + insurance {declared:fen} × {rate}%",
  "rates.cli.recosting": "parcels re-costed",
  "rates.cli.imported":
    "Imported the {carrier} rate card valid from {validFrom}: {zones} zone(s), {bands} band(s){replaced}.",
  "rates.cli.replaced": " (replacing the card of that day)",
  "rates.cli.not_covered": "Provinces not covered: {provinces}",
  "rates.cli.all_covered": "Every province is covered.",
  "rates.cli.recosted": "Parcels re-costed: {count}.",
  "rates.cli.left_out": "Left out: {carrier}: {reason}",
  "rates.cli.carrier_or_all": "Give --carrier CODE or --all.",
  "rates.cli.bad_dims": "--dims is L×W×H in cm, e.g. 30x20x10 (got {value}).",
  "rates.cli.bad_weight": "--weight is the actual weight in kg, e.g. 1.25 (got {value}).",
  "audit.rates.import":
    "{actor} imported the {carrier} rate card valid from {validFrom} ({file}; {zones} zones, {bands} bands)",
  "audit.rates.replace":
    "{actor} replaced the {carrier} rate card valid from {validFrom} ({file}; {zones} zones, {bands} bands)",
  "audit.rates.delete": "{actor} deleted the {carrier} rate card valid from {validFrom}",
  "audit.carrier.update": "{actor} changed the carrier {carrier}",
  "audit.carrier.create": "{actor} added the carrier {carrier}",
} as const satisfies Record<string, string>;
