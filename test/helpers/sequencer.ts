// The order `npm test` runs its files in. Vitest's own order (longest or largest first) puts the
// browser journeys together at the start: each keeps a core busy with Chromium, so three at once
// queue for the two cores while later the suite's other files (child processes, PostgreSQL round
// trips) leave the cores half idle. Measured on the 2-core machine (docs/BENCHMARKS.md, "The test
// suite"): the journeys are ~78 % Chromium CPU and saturate both cores alone, the other files use
// about one core on average. So the journeys are spread evenly through the run, each class keeping
// Vitest's order (longest first where a previous run's times are cached, else largest first).
import { BaseSequencer, type TestSpecification } from "vitest/node";

const isJourney = (spec: TestSpecification) => /[\\/]test[\\/]e2e[\\/]/.test(spec.moduleId);

/** `journeys` placed at even intervals among `others`, both in their given order. */
export function interleave<T>(journeys: readonly T[], others: readonly T[]): T[] {
  const out: T[] = [];
  const total = journeys.length + others.length;
  let j = 0;
  let o = 0;
  for (let i = 0; i < total; i++) {
    // The journey due at this position: the (j + 1)-th sits at (j + 0.5) / journeys × total.
    const due =
      j < journeys.length &&
      (o >= others.length || i + 0.5 >= ((j + 0.5) * total) / journeys.length);
    out.push(due ? journeys[j++]! : others[o++]!);
  }
  return out;
}

export default class InterleavingSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return interleave(
      sorted.filter(isJourney),
      sorted.filter((s) => !isJourney(s)),
    );
  }
}
