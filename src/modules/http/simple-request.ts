// Requests of the modules with short forms (Get a file, Resolve a target URL): the form's few fields plus the
// defaults of "Make a request" for everything the form does not show.
import { buildRequestUrl } from './request-url.ts';
import { timeoutMs } from './timeout.ts';
import type { HttpRequest, NameValue, RedirectPolicy } from './types.ts';

/** The fields a short form may have. */
export interface SimpleRequestFields {
  readonly url: string;
  readonly method?: string;
  readonly headers?: readonly NameValue[];
  readonly query?: readonly NameValue[];
  readonly serializeUrl?: boolean;
  readonly shareCookies?: boolean;
  readonly redirects?: RedirectPolicy;
}

/** GUESS: the defaults of Make a request apply (40 s, follow redirects, verified TLS, compressed content). */
export function simpleRequest(fields: SimpleRequestFields): HttpRequest {
  return {
    url: buildRequestUrl(fields.url, fields.query ?? [], { repeatKeys: false, serialize: fields.serializeUrl ?? false }),
    method: (fields.method ?? 'GET').toUpperCase(),
    headers: (fields.headers ?? []).filter((header) => header.name !== ''),
    timeoutMs: timeoutMs(undefined),
    redirects: fields.redirects ?? 'safe-methods',
    shareCookies: fields.shareCookies ?? false,
    compressed: true,
    tls: { rejectUnauthorized: true },
  };
}
