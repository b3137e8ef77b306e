// Parcels' cost formulas as a reader sees them: a stored formula names its card's revision and the
// quote's inputs (core/logistics/cost-inputs.ts), so the formula is that revision's quote on them —
// the message the costing made, rendered in the reader's language; a parcel without a cost (or
// costed before formulas were stored this way) holds its message as it is.
import { costFormulaOf, decodeCostInputs } from "../../core/logistics/cost-inputs.js";
import type { RateCard } from "../../core/logistics/rate-card.js";
import { storedMessage, type Message } from "../../core/messages/index.js";
import type { Executor } from "../../db/database.js";
import { compileStored } from "./parcel-cost.js";
import { RateCardRepository } from "./rates.repository.js";

export interface StoredCost {
  costCardId: string | null;
  costFormula: string | null;
}

/** Each parcel's formula (null when it has none), in the order given; cards read once per revision. */
export async function costFormulas(
  db: Executor,
  workspaceId: string,
  parcels: readonly StoredCost[],
): Promise<(Message | null)[]> {
  const decoded = parcels.map((p) => (p.costCardId ? decodeCostInputs(p.costFormula) : null));
  const wanted = parcels.flatMap((p, i) =>
    decoded[i] ? [{ cardId: p.costCardId!, revision: decoded[i].revision }] : [],
  );
  const cards = new Map<string, RateCard | null>();
  if (wanted.length)
    for (const [key, json] of await new RateCardRepository(db).revisions(workspaceId, wanted))
      cards.set(key, compileStored(json));
  return parcels.map((p, i) => {
    const inputs = decoded[i];
    if (!inputs) return p.costFormula ? storedMessage(p.costFormula) : null;
    const card = cards.get(`${p.costCardId}:${inputs.revision}`);
    // A revision is never deleted; should one be missing, the parcel shows no formula.
    return card ? costFormulaOf(card, inputs) : null;
  });
}
