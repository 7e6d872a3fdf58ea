// IML values to plain JSON: dates as ISO 8601 UTC, buffers as Make's inspector shows them, erase as null.
import { describeBinary, isBinary } from './binary.ts';
import { ERASE, type ImlValue } from './types.ts';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export function toJsonValue(value: ImlValue | unknown): JsonValue {
  if (value === undefined || value === null || value === ERASE) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (isBinary(value)) return describeBinary(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((item) => toJsonValue(item));
  if (typeof value === 'object') {
    // fromEntries keeps a "__proto__" key from parsed JSON as data instead of replacing the prototype.
    return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined).map(([key, item]) => [key, toJsonValue(item)]));
  }
  return null;
}
