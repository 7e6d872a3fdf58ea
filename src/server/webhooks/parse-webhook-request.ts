// What `remake serve` read from a webhook call (method, target, headers, body bytes) → the request the custom
// webhook trigger consumes: query fields, the body parsed by its content type, and the body text for JSON pass-through.
import busboy from 'busboy';
import { parse as parseTolerant, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { WebhookRequest } from '../../core/server-types.ts';
import { RemakeError } from '../../shared/errors.ts';
import { nestFields, parseQueryString } from './nest-fields.ts';

/** What the HTTP layer read from the call. Header names are lower-case. */
export interface RawWebhookRequest {
  readonly method: string;
  /** The request target: path and query string (`/wh/<udid>?a=1`). */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
}

/** An uploaded file as Make's webhook bundles hold it (FUS webhooks: collection of `name`, `mime`, `data`). */
export interface UploadedFile {
  readonly name: string;
  readonly mime: string;
  readonly data: Buffer;
}

/** Stable codes of WebhookBodyError: the body is not the JSON or multipart its content type announces. */
export type WebhookBodyErrorCode = 'WEBHOOK_INVALID_JSON' | 'WEBHOOK_INVALID_MULTIPART';

/** A body that cannot be read as its content type says; the HTTP layer answers 400 with `message`. */
export class WebhookBodyError extends RemakeError {
  readonly status = 400;
  declare readonly code: WebhookBodyErrorCode;

  constructor(code: WebhookBodyErrorCode, message: string, position?: number, options?: { cause?: unknown }) {
    super(code, message, position === undefined ? { field: 'body' } : { field: 'body', position }, options);
    this.name = 'WebhookBodyError';
  }
}

interface ContentType {
  /** Lower-case `type/subtype`, '' when the header is missing. */
  readonly mediaType: string;
  readonly params: Readonly<Record<string, string>>;
}

function parseContentType(header: string | undefined): ContentType {
  const [mediaType = '', ...rest] = (header ?? '').split(';');
  const params: Record<string, string> = {};
  for (const part of rest) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const value = part.slice(eq + 1).trim();
    params[part.slice(0, eq).trim().toLowerCase()] = value.startsWith('"') && value.endsWith('"') && value.length >= 2 ? value.slice(1, -1) : value;
  }
  return { mediaType: mediaType.trim().toLowerCase(), params };
}

function isJson(mediaType: string): boolean {
  return mediaType === 'application/json' || (mediaType.includes('/') && mediaType.endsWith('+json'));
}

/** Bytes → text in the declared charset (UTF-8 when absent or unknown); a UTF-8 byte-order mark is dropped. */
function decodeText(bytes: Uint8Array, charset: string | undefined): string {
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/** JSON text → value; whitespace only is an empty body. Failures say where the text stops being JSON. */
function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch (cause) {
    // V8's messages do not always carry a position, so jsonc-parser in strict mode locates the first error.
    const errors: ParseError[] = [];
    parseTolerant(text, errors, { allowTrailingComma: false, disallowComments: true });
    const first = errors[0];
    if (first === undefined) throw new WebhookBodyError('WEBHOOK_INVALID_JSON', 'The request body is not valid JSON.', undefined, { cause });
    const { line, column } = lineAndColumn(text, first.offset);
    const reason = printParseErrorCode(first.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
    throw new WebhookBodyError('WEBHOOK_INVALID_JSON', `The request body is not valid JSON: ${reason} at line ${line}, column ${column} (character ${first.offset + 1}).`, first.offset + 1, { cause });
  }
}

function multipartError(cause: unknown): WebhookBodyError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new WebhookBodyError('WEBHOOK_INVALID_MULTIPART', `The request body is not valid multipart/form-data: ${reason}.`, undefined, { cause });
}

/** Multipart body → fields in arrival order, files as `{name, mime, data}`, nested like form fields. */
function parseMultipart(contentType: string, body: Uint8Array): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const parts: (readonly [string, unknown])[] = [];
    const files: Promise<void>[] = [];
    let parser: busboy.Busboy;
    try {
      // Field and file names are UTF-8 in practice (browsers, undici); busboy's default for them is latin1. The HTTP
      // layer caps the body size, so busboy's own size limits (100-byte names, 1 MB values) are lifted.
      parser = busboy({ headers: { 'content-type': contentType }, defParamCharset: 'utf8', limits: { fieldNameSize: Infinity, fieldSize: Infinity } });
    } catch (cause) {
      reject(multipartError(cause));
      return;
    }
    parser.on('field', (name, value) => parts.push([name, value]));
    parser.on('file', (name, stream, info) => {
      const index = parts.push([name, undefined]) - 1;
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      files.push(new Promise((done) => {
        // A broken part fails the whole body here; the promise itself never rejects, so nothing is left unhandled.
        stream.on('error', (cause: unknown) => {
          reject(multipartError(cause));
          done();
        });
        stream.on('end', () => {
          const file: UploadedFile = { name: info.filename ?? '', mime: info.mimeType, data: Buffer.concat(chunks) };
          parts[index] = [name, file];
          done();
        });
      }));
    });
    parser.on('error', (cause) => reject(multipartError(cause)));
    parser.on('close', () => {
      void Promise.all(files).then(() => resolve(nestFields(parts)));
    });
    parser.end(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
  });
}

/**
 * Turns what the HTTP layer read into the request the custom webhook trigger consumes. `query` comes from the URL;
 * the body is parsed by content type: JSON (`application/json`, `*+json`) → its value, urlencoded → fields,
 * multipart → fields with files as `{name, mime, data}`, anything else → its text. Bracketed names nest (`a[b]=1` →
 * {a: {b: '1'}}) and repeated names make arrays. An empty body is {}. `rawBody` is the body text for every type but
 * multipart. Throws WebhookBodyError (status 400) for invalid JSON or multipart.
 */
export async function parseWebhookRequest(raw: RawWebhookRequest): Promise<WebhookRequest> {
  const head = { method: raw.method.toUpperCase(), headers: { ...raw.headers }, query: parseQueryString(raw.url) };
  const contentTypeHeader = raw.headers['content-type'];
  const { mediaType, params } = parseContentType(contentTypeHeader);
  if (mediaType === 'multipart/form-data') {
    return { ...head, body: raw.body.byteLength === 0 ? {} : await parseMultipart(contentTypeHeader ?? '', raw.body) };
  }
  const text = decodeText(raw.body, params.charset);
  if (text === '') return { ...head, body: {}, rawBody: text };
  if (isJson(mediaType)) return { ...head, body: parseJsonBody(text), rawBody: text };
  if (mediaType === 'application/x-www-form-urlencoded') return { ...head, body: nestFields(new URLSearchParams(text)), rawBody: text };
  return { ...head, body: text, rawBody: text };
}
