// Request bodies of the HTTP app: raw content, x-www-form-urlencoded fields, and multipart form data with files.
import mime from 'mime';
import { FormData, Response } from 'undici';
import { toText } from '../../iml/index.ts';
import type { RequestBody } from './types.ts';

/** Text or bytes as mapped into a field of Make's buffer type (a file's data, a raw body). */
export function toBytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (value === undefined || value === null) return new Uint8Array(0);
  return Buffer.from(toText(value), 'utf8');
}

/** Raw body ("Request content"): the content type comes from the Content type select unless it is `custom` or blank. */
export function rawBody(data: unknown, contentType: string | undefined): RequestBody {
  const type = contentType === undefined || contentType === '' || contentType === 'custom' ? undefined : contentType;
  return { bytes: toBytes(data), ...(type === undefined ? {} : { contentType: type }) };
}

/** x-www-form-urlencoded fields; repeated keys repeat (GUESS: the query-string array setting does not apply here). */
export function urlEncodedBody(fields: readonly { readonly key: string; readonly value: string }[]): RequestBody {
  const params = new URLSearchParams();
  for (const field of fields) if (field.key !== '') params.append(field.key, field.value);
  return { bytes: Buffer.from(params.toString(), 'utf8'), contentType: 'application/x-www-form-urlencoded' };
}

/** A multipart field: text, or a file taken from an earlier module's binary data (`{fileName, data}`). */
export type MultipartField =
  | { readonly kind: 'text'; readonly key: string; readonly value: string }
  | { readonly kind: 'file'; readonly key: string; readonly fileName: string; readonly data: Uint8Array };

/**
 * multipart/form-data with a generated boundary. A file part's Content-Type follows its file name's extension,
 * `application/octet-stream` when unknown (GUESS: Make does not document it).
 */
export async function multipartBody(fields: readonly MultipartField[]): Promise<RequestBody> {
  const form = new FormData();
  for (const field of fields) {
    if (field.key === '') continue;
    if (field.kind === 'text') form.append(field.key, field.value);
    else form.append(field.key, new Blob([field.data], { type: mime.getType(field.fileName) ?? 'application/octet-stream' }), field.fileName);
  }
  // Serialising through a Response gives the encoded bytes and the boundary, so redirects can send the body again.
  const encoded = new Response(form);
  const contentType = encoded.headers.get('content-type') ?? 'multipart/form-data';
  return { bytes: new Uint8Array(await encoded.arrayBuffer()), contentType };
}
