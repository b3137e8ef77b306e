import { DomainError } from "../../src/core/errors.js";

/** The domain error a call ends in, or null when it succeeds; anything else is rethrown. */
export async function failure(p: Promise<unknown>): Promise<DomainError | null> {
  try {
    await p;
    return null;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
}

/** "ok", or the kind of domain error a call ends in. */
export async function outcomeKind(p: Promise<unknown>): Promise<string> {
  return (await failure(p))?.kind ?? "ok";
}
