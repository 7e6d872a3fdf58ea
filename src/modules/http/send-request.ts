// Sends one HTTP exchange with undici: follows redirects by the module's policy, keeps cookies, enforces the
// timeout over the whole exchange, and returns the final response with its body decompressed.
import { request as undiciRequest } from 'undici';
import type { CookieJar } from 'tough-cookie';
import type { ModuleContext } from '../../executor/module-api.ts';
import { MakeError } from '../../executor/make-error.ts';
import { decompressBody } from './decompress.ts';
import { networkError } from './network-error.ts';
import { MAX_REDIRECTS, nextHop, type Hop } from './redirects.ts';
import { dispatcherFor } from './tls-dispatcher.ts';
import type { HttpRequest, HttpResponse, NameValue } from './types.ts';

type ReceivedHeaders = Record<string, string | string[] | undefined>;

/** Received headers as `{name, value}` pairs, one per value. */
function headerPairs(headers: ReceivedHeaders): NameValue[] {
  return Object.entries(headers).flatMap(([name, value]) =>
    value === undefined ? [] : Array.isArray(value) ? value.map((item) => ({ name, value: item })) : [{ name, value }],
  );
}

function firstHeader(headers: ReceivedHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

const has = (headers: readonly NameValue[], name: string) => headers.some((header) => header.name.toLowerCase() === name);

/**
 * The headers of one hop: the module's headers, then what the body, compression and cookies add. Make's requests
 * carry no Accept header of their own [M-http: "The HTTP app requests do not have the Accept header"].
 */
async function hopHeaders(request: HttpRequest, hop: Hop, jar: CookieJar): Promise<string[]> {
  const crossOrigin = new URL(hop.url).origin !== new URL(request.url).origin;
  const own = request.headers.filter((header) => {
    const name = header.name.toLowerCase();
    // Credentials stay with the origin they were meant for; a body-less hop drops the body's headers.
    if (crossOrigin && name === 'authorization') return false;
    if (hop.body === undefined && (name === 'content-type' || name === 'content-length')) return false;
    return name !== 'cookie';
  });
  const headers: NameValue[] = [...own];
  if (hop.body?.contentType !== undefined && !has(own, 'content-type')) headers.push({ name: 'content-type', value: hop.body.contentType });
  if (request.compressed && !has(own, 'accept-encoding')) headers.push({ name: 'accept-encoding', value: 'gzip, deflate' });
  const ownCookie = crossOrigin ? [] : request.headers.filter((header) => header.name.toLowerCase() === 'cookie').map((header) => header.value);
  const jarCookie = await jar.getCookieString(hop.url);
  const cookie = [...ownCookie, ...(jarCookie === '' ? [] : [jarCookie])].join('; ');
  if (cookie !== '') headers.push({ name: 'cookie', value: cookie });
  return headers.flatMap((header) => [header.name, header.value]);
}

async function storeCookies(jar: CookieJar, url: string, headers: ReceivedHeaders): Promise<void> {
  const setCookie = headers['set-cookie'];
  const values = setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [setCookie];
  for (const value of values) await jar.setCookie(value, url, { ignoreError: true });
}

/** Sends `request` and follows its redirects; errors without a response become Make errors (see network-error.ts). */
export async function sendRequest(ctx: ModuleContext, request: HttpRequest, jar: CookieJar): Promise<HttpResponse> {
  const dispatcher = dispatcherFor(ctx, request.tls);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), request.timeoutMs);
  let hop: Hop = { url: request.url, method: request.method, ...(request.body ? { body: request.body } : {}) };
  try {
    for (let redirects = 0; ; redirects += 1) {
      const response = await undiciRequest(hop.url, {
        method: hop.method,
        headers: await hopHeaders(request, hop, jar),
        body: hop.body === undefined ? null : hop.body.bytes,
        dispatcher,
        signal: controller.signal,
      });
      await storeCookies(jar, hop.url, response.headers);
      const next = nextHop(hop, response.statusCode, firstHeader(response.headers, 'location'), request.redirects);
      if (next === undefined) {
        const raw = Buffer.from(await response.body.arrayBuffer());
        const body = await decompressBody(raw, firstHeader(response.headers, 'content-encoding'));
        return { statusCode: response.statusCode, headers: headerPairs(response.headers), body, url: hop.url };
      }
      await response.body.dump();
      if (redirects >= MAX_REDIRECTS) {
        throw new MakeError('RuntimeError', `The request to ${request.url} was redirected more than ${MAX_REDIRECTS} times; it probably loops.`);
      }
      hop = next;
    }
  } catch (error) {
    throw networkError(error, hop.url, controller.signal.aborted, request.timeoutMs);
  } finally {
    clearTimeout(timer);
  }
}
