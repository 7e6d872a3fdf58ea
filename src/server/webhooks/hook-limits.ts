// Make's limits on a custom webhook (SEMANTICS.md rules 94 and 95), shared by the intake and the hooks API.

/** Largest accepted body: 5 MB. */
export const MAX_PAYLOAD_BYTES = 5 * 1024 * 1024;
/** Most requests a hook's queue holds: 10,000. */
export const QUEUE_LIMIT = 10_000;
/** Requests per window per hook: 300 per 10 s, then 429. */
export const RATE_LIMIT = { limit: 300, windowMs: 10_000 } as const;
