// JSON text that keeps binary values: bytes are written as {"$buffer": "<base64>"} and read back as Node Buffers
// (the files of a multipart webhook body), so a queued request runs exactly as it arrived.
import { isRecord } from '../../shared/is-record.ts';

const BUFFER_KEY = '$buffer';
/** Wraps a plain object whose only key is one of ours, so it is read back as data, not as bytes. */
const LITERAL_KEY = '$literal';

function isMarker(value: Record<string, unknown>): boolean {
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === BUFFER_KEY || keys[0] === LITERAL_KEY);
}

function encode(value: unknown): unknown {
  if (value instanceof Uint8Array) return { [BUFFER_KEY]: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  if (Array.isArray(value)) return value.map(encode);
  if (!isRecord(value) || value instanceof Date) return value;
  const fields = Object.fromEntries(Object.entries(value).map(([key, item]) => [key, encode(item)]));
  return isMarker(value) ? { [LITERAL_KEY]: fields } : fields;
}

function revive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(revive);
  if (!isRecord(value)) return value;
  const only = Object.keys(value).length === 1;
  const bytes = value[BUFFER_KEY];
  if (only && typeof bytes === 'string') return Buffer.from(bytes, 'base64');
  const literal = value[LITERAL_KEY];
  const fields = only && isRecord(literal) ? literal : value;
  // fromEntries keeps a "__proto__" key from parsed JSON as data instead of replacing the prototype.
  return Object.fromEntries(Object.entries(fields).map(([key, item]) => [key, revive(item)]));
}

/** JSON text for `value` in which every Buffer (or other Uint8Array) survives as bytes; see {@link parseBufferJson}. */
export function stringifyBufferJson(value: unknown): string {
  return JSON.stringify(encode(value) ?? null);
}

/** Parses text written by {@link stringifyBufferJson}, turning the encoded bytes back into Buffers. */
export function parseBufferJson(text: string): unknown {
  return revive(JSON.parse(text));
}
