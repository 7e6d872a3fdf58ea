// The output bundles of HTTP modules: v3's `{statusCode, headers[], cookieHeaders, data}`, v4's headers as a
// collection, and file downloads with `fileName` and `fileSize`.
import type { Bundle } from '../../executor/module-api.ts';
import { responseFileName } from './file-name.ts';
import { headerValue, responseData } from './response-data.ts';
import type { HttpResponse, NameValue } from './types.ts';

function fileFields(response: HttpResponse): Bundle {
  return { fileSize: response.body.length, fileName: responseFileName(headerValue(response, 'content-disposition'), response.url), data: response.body };
}

/** The Set-Cookie values of the response. */
export function cookieHeaders(response: HttpResponse): string[] {
  return response.headers.filter((header) => header.name === 'set-cookie').map((header) => header.value);
}

/**
 * v3 "Make a request" family [SEMANTICS rule 114; `statusCode` and `data` are mapped in the corpus, the rest GUESS
 * from Make's output labels]: headers as `[{name, value}]` in lower case, the Set-Cookie values as `cookieHeaders`,
 * and, when the body is binary, `fileSize` and `fileName` beside `data` (a Buffer).
 */
export function v3Output(response: HttpResponse, parse: boolean): Bundle {
  const data = responseData(response, parse);
  const base: Bundle = { statusCode: response.statusCode, headers: response.headers.map((header) => ({ ...header })), cookieHeaders: cookieHeaders(response) };
  return data.kind === 'binary' ? { ...base, ...fileFields(response) } : { ...base, data: data.value };
}

/** Headers as a collection keyed by lower-case name; Set-Cookie is always an array, other repeats join with ", ". */
export function headerCollection(headers: readonly NameValue[]): Record<string, string | string[]> {
  const collection: Record<string, string | string[]> = {};
  for (const { name, value } of headers) {
    const existing = collection[name];
    if (name === 'set-cookie') collection[name] = [...(Array.isArray(existing) ? existing : []), value];
    else collection[name] = existing === undefined ? value : `${typeof existing === 'string' ? existing : existing.join(', ')}, ${value}`;
  }
  return collection;
}

/**
 * v4 `http:MakeRequest`: `{data, statusCode, headers}` with headers as a collection, as the corpus's
 * `metadata.interface` shows (`content-type`, …, `set-cookie` an array of text). GUESS: binary bodies add
 * `fileSize` and `fileName` as in v3.
 */
export function v4Output(response: HttpResponse, parse: boolean): Bundle {
  const data = responseData(response, parse);
  const base: Bundle = { statusCode: response.statusCode, headers: headerCollection(response.headers) };
  return data.kind === 'binary' ? { ...base, ...fileFields(response) } : { ...base, data: data.value };
}

/** "Get a file" / "Download a file": the body as binary whatever its type, with its name and size. */
export function fileOutput(response: HttpResponse, headers: 'list' | 'collection'): Bundle {
  return {
    statusCode: response.statusCode,
    headers: headers === 'list' ? response.headers.map((header) => ({ ...header })) : headerCollection(response.headers),
    ...fileFields(response),
  };
}
