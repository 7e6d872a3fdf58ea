// Redirect rules: which 3xx responses are followed, and what the next request looks like.
import type { RedirectPolicy, RequestBody } from './types.ts';

/** One request of a redirect chain. */
export interface Hop {
  readonly url: string;
  readonly method: string;
  readonly body?: RequestBody;
}

/** Redirects followed before the module gives up (the `request` library's default, which Make's v3 modules used). */
export const MAX_REDIRECTS = 10;

const REDIRECT_STATUSES: ReadonlySet<number> = new Set([300, 301, 302, 303, 307, 308]);
const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The request to send after `statusCode`, or undefined to stop here. "Follow redirect" follows 3xx for GET, HEAD
 * and OPTIONS only; "Follow all redirects" also for POST, PUT, PATCH and DELETE [F-http; the `request` library's
 * followRedirect/followAllRedirects]. 307 and 308 repeat the method and body; any other redirect becomes a GET
 * without body (HEAD stays HEAD), as browsers do.
 */
export function nextHop(current: Hop, statusCode: number, location: string | undefined, policy: RedirectPolicy): Hop | undefined {
  if (policy === 'none' || !REDIRECT_STATUSES.has(statusCode) || location === undefined || location === '') return undefined;
  if (policy === 'safe-methods' && !SAFE_METHODS.has(current.method)) return undefined;
  let url: string;
  try {
    url = new URL(location, current.url).href;
  } catch {
    return undefined;
  }
  if (statusCode === 307 || statusCode === 308) return { ...current, url };
  return { url, method: current.method === 'HEAD' ? 'HEAD' : 'GET' };
}
