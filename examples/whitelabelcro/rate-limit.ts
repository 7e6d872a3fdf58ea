// The write limit of the WhiteLabelCRO reference server: at most N writes in any 60 seconds (a sliding window),
// and, when it is reached, how many seconds until the oldest write leaves the window (the 429's Retry-After).

export type LimitDecision =
  | { readonly allowed: true; readonly limit: number; readonly remaining: number }
  | { readonly allowed: false; readonly limit: number; readonly retryAfterSeconds: number };

export interface WriteLimiter {
  /** Counts one write if the window has room. */
  take(): LimitDecision;
}

const WINDOW_MS = 60_000;

export function createWriteLimiter(limit: number, clock: () => number): WriteLimiter {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`The write limit must be a whole number of at least 1; got ${limit}.`);
  const accepted: number[] = [];
  return {
    take() {
      const now = clock();
      while (accepted.length > 0 && (accepted[0] ?? 0) <= now - WINDOW_MS) accepted.shift();
      if (accepted.length >= limit) {
        const frees = (accepted[0] ?? now) + WINDOW_MS;
        return { allowed: false, limit, retryAfterSeconds: Math.max(1, Math.ceil((frees - now) / 1000)) };
      }
      accepted.push(now);
      return { allowed: true, limit, remaining: limit - accepted.length };
    },
  };
}
