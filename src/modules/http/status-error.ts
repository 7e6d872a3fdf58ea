// "Evaluate all states as errors (except for 2xx and 3xx)": the Make error a non-success status raises.
import { MakeError } from '../../executor/make-error.ts';
import { decodeText, headerValue } from './response-data.ts';
import type { HttpResponse } from './types.ts';

const EXCERPT_LENGTH = 300;

/** Retry-After in seconds: delta-seconds, or an HTTP date counted from `now`; undefined when absent or unreadable. */
export function retryAfterSeconds(value: string | undefined, now: Date): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (/^\d+$/u.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now.getTime()) / 1000));
}

/** True for statuses Make treats as success: 2xx and 3xx. */
export function isSuccessStatus(statusCode: number): boolean {
  return statusCode >= 200 && statusCode < 400;
}

/**
 * The error for a failed status [F-http; SEMANTICS rule 113]: 429 is RateLimitError with Retry-After in `detail`
 * (so Make's retry logic applies); any other status is RuntimeError. DECISION: 5xx stay RuntimeError too, as rule
 * 113 guesses; Make documents no other type for them, and a handler can still route on `{{N.error.detail.statusCode}}`.
 * The message names the status and the start of the body.
 */
export function statusError(response: HttpResponse, now: Date): MakeError {
  const text = decodeText(response.body, undefined).trim();
  const excerpt = text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : text;
  const message = `The server answered ${response.statusCode}${excerpt === '' ? '' : `: ${excerpt}`}`;
  const retryAfter = retryAfterSeconds(headerValue(response, 'retry-after'), now);
  const detail = { statusCode: response.statusCode, url: response.url, body: excerpt, ...(retryAfter === undefined ? {} : { retryAfter }) };
  return new MakeError(response.statusCode === 429 ? 'RateLimitError' : 'RuntimeError', message, { detail });
}
