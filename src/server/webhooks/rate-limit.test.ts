// The per-hook window: the 301st request inside 10 s is refused, a new window accepts again, hooks count apart.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { createRateLimiter } from './rate-limit.ts';

it('refuses requests over the limit until the window ends, per key', () => {
  let time = 1_000_000;
  const limiter = createRateLimiter({ limit: 300, windowMs: 10_000, now: () => time });
  for (let i = 0; i < 300; i += 1) assert.equal(limiter.take(1), true);
  assert.equal(limiter.take(1), false);
  assert.equal(limiter.take(2), true);
  time += 4_000;
  assert.equal(limiter.retryAfter(1), 6);
  assert.equal(limiter.take(1), false);
  time += 6_000;
  assert.equal(limiter.take(1), true);
});
