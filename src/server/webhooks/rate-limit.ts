// Per-hook request limit (SEMANTICS.md rule 94: Make accepts 300 requests per 10-second interval on a webhook and
// answers 429 above that). A fixed window per hook, counted in memory: a restart forgets the counts.

export interface RateLimiter {
  /** Counts one request for `key`; false when the key is over its limit in the current window. */
  take(key: string | number): boolean;
  /** Seconds until the current window of `key` ends (for Retry-After). */
  retryAfter(key: string | number): number;
}

export function createRateLimiter(options: { readonly limit: number; readonly windowMs: number; readonly now?: () => number }): RateLimiter {
  const now = options.now ?? Date.now;
  const windows = new Map<string | number, { start: number; count: number }>();
  const windowOf = (key: string | number): { start: number; count: number } => {
    const current = windows.get(key);
    const time = now();
    if (current && time - current.start < options.windowMs) return current;
    const fresh = { start: time, count: 0 };
    windows.set(key, fresh);
    return fresh;
  };
  return {
    take(key) {
      const window = windowOf(key);
      window.count += 1;
      return window.count <= options.limit;
    },
    retryAfter(key) {
      const window = windowOf(key);
      return Math.max(1, Math.ceil((window.start + options.windowMs - now()) / 1000));
    },
  };
}
