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
 * (so Make's retry logic applies); 503 and 504 are ConnectionError ("Make uses the HTTP 503 and 504 status codes to
 * identify the ConnectionError", HC fixing-connection-errors); any other status is RuntimeError (rule 113, GUESS).
 * The message names the status and the start of the body.
 */
export function statusError(response: HttpResponse, now: Date): MakeError {
  const text = decodeText(response.body, undefined).trim();
  const excerpt = text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : text;
  const message = `The server answered ${response.statusCode}${excerpt === '' ? '' : `: ${excerpt}`}`;
  const retryAfter = retryAfterSeconds(headerValue(response, 'retry-after'), now);
  const detail = { statusCode: response.statusCode, url: response.url, body: excerpt, ...(retryAfter === undefined ? {} : { retryAfter }) };
  return new MakeError(errorTypeOf(response.statusCode), message, { detail });
}

function errorTypeOf(statusCode: number): 'RateLimitError' | 'ConnectionError' | 'RuntimeError' {
  if (statusCode === 429) return 'RateLimitError';
  if (statusCode === 503 || statusCode === 504) return 'ConnectionError';
  return 'RuntimeError';
}
