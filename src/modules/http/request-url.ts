// The request URL: validates it and appends the Query String pairs the way Make's HTTP app serialises them.
import { MakeError } from '../../executor/make-error.ts';
import type { NameValue } from './types.ts';

/** RFC 3986 component encoding (qs and querystring both escape `!'()*` too). */
function encode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * `name=value` pairs joined with `&`. A name given more than once becomes `name[0]=a&name[1]=b` (the `qs` library's
 * default, which Make's v3 modules inherit), or repeats as `name=a&name=b` when `repeatKeys` is on ("Disable
 * serialization of multiple same query string keys as arrays", `useQuerystring`) [F-http, SEMANTICS rule 112].
 */
export function serializeQuery(pairs: readonly NameValue[], repeatKeys: boolean): string {
  const named = pairs.filter((pair) => pair.name !== '');
  if (repeatKeys) return named.map((pair) => `${encode(pair.name)}=${encode(pair.value)}`).join('&');
  const groups = new Map<string, string[]>();
  for (const pair of named) groups.set(pair.name, [...(groups.get(pair.name) ?? []), pair.value]);
  const parts: string[] = [];
  for (const [name, values] of groups) {
    if (values.length === 1) parts.push(`${encode(name)}=${encode(values[0] ?? '')}`);
    else values.forEach((value, index) => parts.push(`${encode(`${name}[${index}]`)}=${encode(value)}`));
  }
  return parts.join('&');
}

/** Percent-encodes characters a URL may not carry raw, leaving existing `%xx` escapes and reserved characters alone. */
function serializeUrlText(url: string): string {
  return url.replace(/%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/gu, (char) => encodeURIComponent(char));
}

/**
 * The absolute http(s) URL to call: `url` with the query pairs appended to any query it already has. "Serialize URL"
 * encodes special characters first [M-http]. A URL that is not absolute http(s) is a DataError (GUESS on the type).
 */
export function buildRequestUrl(url: string, query: readonly NameValue[], options: { repeatKeys: boolean; serialize: boolean }): string {
  const text = options.serialize ? serializeUrlText(url.trim()) : url.trim();
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    throw new MakeError('DataError', `The URL ${JSON.stringify(url)} is not a valid absolute URL.`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new MakeError('DataError', `The URL ${JSON.stringify(url)} must start with http:// or https://.`);
  }
  const extra = serializeQuery(query, options.repeatKeys);
  if (extra === '') return parsed.href;
  const hash = parsed.hash;
  parsed.hash = '';
  const base = parsed.href;
  const separator = base.endsWith('?') ? '' : base.includes('?') ? '&' : '?';
  return `${base}${separator}${extra}${hash}`;
}
