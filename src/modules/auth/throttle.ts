import { fail } from "../../core/errors.js";
import { LIMITS } from "../../core/limits.js";
import type { Executor } from "../../db/database.js";
import { AuthRepository } from "./auth.repository.js";

export interface ThrottleKey {
  key: string;
  limit: number;
}

/**
 * The sign-in throttle (login and invitation accept). An attempt is counted *before* the work it
 * guards, in one atomic statement per key, and refused with 429 once a key's count in its window
 * passes the limit; so 100 parallel wrong passwords meet the same limit as 100 in a row (at most
 * `limit` of them reach the password check). A success takes its count back.
 */
export class AttemptThrottle {
  private readonly repo: AuthRepository;

  constructor(
    db: Executor,
    private readonly clock: () => Date,
  ) {
    this.repo = new AuthRepository(db);
  }

  /** Counts one attempt under each key; throws 429 (`auth.too_many_attempts`) when one is over its limit. */
  async take(keys: ThrottleKey[]): Promise<void> {
    const now = this.clock();
    const windowMs = LIMITS.loginWindowMinutes * 60_000;
    const cutoff = new Date(now.getTime() - windowMs).toISOString();
    let retryAfter = 0;
    for (const { key, limit } of keys) {
      const counted = await this.repo.countAttempt(key, now.toISOString(), cutoff);
      if (counted.failures > limit) {
        retryAfter = Math.max(
          retryAfter,
          Math.ceil((Date.parse(counted.windowStart) + windowMs - now.getTime()) / 1000),
        );
      }
    }
    if (retryAfter > 0) {
      const minutes = Math.ceil(retryAfter / 60);
      throw fail(
        "too_many_requests",
        "auth.too_many_attempts",
        { minutes },
        { extra: { retryAfterSeconds: retryAfter } },
      );
    }
  }

  /** The attempt succeeded: `forget` keys start again from zero, `uncount` keys lose this one attempt. */
  async succeeded(forget: string[], uncount: string[] = []): Promise<void> {
    for (const key of forget) await this.repo.clearLoginAttempts(key);
    for (const key of uncount) await this.repo.uncountAttempt(key);
  }
}
