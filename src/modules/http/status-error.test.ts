// Status errors: the types and messages "Evaluate all states as errors" raises, and Retry-After in seconds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { timeoutMs } from './timeout.ts';
import { isSuccessStatus, retryAfterSeconds, statusError } from './status-error.ts';

const now = new Date('2024-01-02T03:04:05.000Z');
const response = (statusCode: number, body: string, headers: { name: string; value: string }[] = []) => ({ statusCode, headers, body: Buffer.from(body), url: 'https://api.example.com/x' });

test('2xx and 3xx succeed, everything else fails', () => {
  assert.deepEqual([199, 200, 204, 302, 399, 400, 404, 500].map(isSuccessStatus), [false, true, true, true, true, false, false, false]);
});

test('Retry-After as seconds or as an HTTP date counted from now', () => {
  assert.equal(retryAfterSeconds('120', now), 120);
  assert.equal(retryAfterSeconds('Tue, 02 Jan 2024 03:05:05 GMT', now), 60);
  assert.equal(retryAfterSeconds('soon', now), undefined);
  assert.equal(retryAfterSeconds(undefined, now), undefined);
});

test('429 is a RateLimitError, other statuses RuntimeErrors, long bodies are cut', () => {
  const limited = statusError(response(429, 'slow down', [{ name: 'retry-after', value: '5' }]), now);
  assert.equal(limited.type, 'RateLimitError');
  assert.deepEqual(limited.detail, { statusCode: 429, url: 'https://api.example.com/x', body: 'slow down', retryAfter: 5 });
  const failed = statusError(response(502, 'x'.repeat(400)), now);
  assert.equal(failed.type, 'RuntimeError');
  assert.equal(failed.message, `The server answered 502: ${'x'.repeat(300)}…`);
  assert.equal(statusError(response(404, ''), now).message, 'The server answered 404');
});

test('the timeout defaults to 40 s and is clamped to 1–300 s', () => {
  assert.deepEqual([undefined, 0.2, 1, 90, 300, 60000].map(timeoutMs), [40000, 1000, 1000, 90000, 300000, 300000]);
});
