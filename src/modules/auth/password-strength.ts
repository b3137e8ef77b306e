import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { fail, fieldError } from "../../core/errors.js";
import { LIMITS } from "../../core/limits.js";

/**
 * The password rule: at least LIMITS.passwordMin characters and a zxcvbn score of at least
 * LIMITS.passwordMinScore (0–4). Score 2 means "more than about 10^6 guesses": it refuses the
 * common passwords, repeats, keyboard walks and dates (`aaaaaaaa`, `password1`, `12345678`,
 * `qwertyui`) and passwords made of the person's own email or name, while an ordinary passphrase
 * passes. Online guessing is throttled and stored hashes are scrypt, so 10^6 is enough there.
 */
let checker: ZxcvbnFactory | undefined;
async function zxcvbn(): Promise<ZxcvbnFactory> {
  if (!checker) {
    // The common-password dictionaries are large: loaded on the first password set, not at start.
    const common = await import("@zxcvbn-ts/language-common");
    checker = new ZxcvbnFactory({
      dictionary: { ...common.dictionary },
      graphs: common.adjacencyGraphs,
    });
  }
  return checker;
}

// zxcvbn's matching grows with length; beyond this a password is long enough to judge by its start.
const SCORED_CHARS = 64;

/** The score of a password (0–4), penalising words taken from the person's own details. */
export async function passwordScore(password: string, personal: string[] = []): Promise<number> {
  const words = personal
    .flatMap((p) => p.toLowerCase().split(/[^\p{L}\p{N}]+/u))
    .filter((w) => w.length >= 3);
  return (await zxcvbn()).check(password.slice(0, SCORED_CHARS), words).score;
}

/** Refuses a weak password with a field error `password.too_short` or `password.too_weak`. */
export async function assertStrongPassword(
  field: string,
  password: string,
  personal: string[] = [],
): Promise<void> {
  if ([...password].length < LIMITS.passwordMin) {
    const params = { min: LIMITS.passwordMin };
    throw fail("invalid", "password.too_short", params, {
      fields: [fieldError(field, "password.too_short", params)],
    });
  }
  const score = await passwordScore(password, personal);
  if (score < LIMITS.passwordMinScore) {
    const params = { score, minScore: LIMITS.passwordMinScore };
    throw fail("invalid", "password.too_weak", params, {
      fields: [fieldError(field, "password.too_weak", params)],
    });
  }
}
