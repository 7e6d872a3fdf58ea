// The `data` of an HTTP module's output: JSON and XML parsed when "Parse response" is on, text for textual content,
// and a Buffer (Make's binary type) for anything else.
import { MakeError } from '../../executor/make-error.ts';
import { parseXml } from './parse-xml.ts';
import type { HttpResponse } from './types.ts';

/** What the body turned into; `binary` bodies are files (they get fileName and fileSize). */
export type ResponseData = { readonly kind: 'value'; readonly value: unknown } | { readonly kind: 'binary'; readonly value: Buffer };

type BodyFormat = 'json' | 'xml' | 'text' | 'binary' | 'unknown';

/** The header's value, when present. */
export function headerValue(response: Pick<HttpResponse, 'headers'>, name: string): string | undefined {
  return response.headers.find((header) => header.name === name)?.value;
}

function mediaType(contentType: string | undefined): { type: string; charset: string | undefined } {
  const [type = '', ...params] = (contentType ?? '').split(';');
  const charset = params.map((param) => /^\s*charset\s*=\s*"?([^";\s]+)"?/iu.exec(param)?.[1]).find((value) => value !== undefined);
  return { type: type.trim().toLowerCase(), charset };
}

function formatOf(type: string): BodyFormat {
  if (type === '') return 'unknown';
  if (type === 'application/json' || type === 'text/json' || type.endsWith('+json')) return 'json';
  if (type === 'application/xml' || type === 'text/xml' || type.endsWith('+xml')) return 'xml';
  if (type.startsWith('text/') || /^application\/(javascript|ecmascript|x-www-form-urlencoded|x-ndjson|graphql)$/u.test(type)) return 'text';
  return 'binary';
}

/** Text in the declared charset, UTF-8 when none or unknown. */
export function decodeText(body: Buffer, charset: string | undefined): string {
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}

function strictUtf8(body: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return undefined;
  }
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return '';
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new MakeError('DataError', `The response is not valid JSON: ${error instanceof Error ? error.message : String(error)}.`, { cause: error });
  }
}

/**
 * The body as Make's `data`. With "Parse response" on, JSON and XML (by Content-Type) become collections and
 * arrays [M-http]; invalid JSON or XML is a DataError (GUESS on the type). Textual types come out as text, others as
 * binary. GUESS: a body without Content-Type is text when it is valid UTF-8, else binary.
 */
export function responseData(response: HttpResponse, parse: boolean): ResponseData {
  const { type, charset } = mediaType(headerValue(response, 'content-type'));
  const format = formatOf(type);
  if (format === 'binary') return { kind: 'binary', value: response.body };
  if (format === 'unknown') {
    const text = strictUtf8(response.body);
    return text === undefined ? { kind: 'binary', value: response.body } : { kind: 'value', value: text };
  }
  const text = decodeText(response.body, charset);
  if (parse && format === 'json') return { kind: 'value', value: parseJson(text) };
  if (parse && format === 'xml') return { kind: 'value', value: text.trim() === '' ? '' : parseXml(text) };
  return { kind: 'value', value: text };
}
