// Type coercion and emptiness as Make applies them (help.make.com/type-coercion, IML.md §E).
import { describeBinary, fromBase64, fromHex, isBinary, utf8Decode, utf8Encode } from './binary.ts';
import { coerceTextToDate } from './dates.ts';
import { ImlErrorCode, ImlRuntimeError } from './errors.ts';
import { ERASE, type Binary, type ImlCollection, type ImlValue } from './types.ts';

/** A plain key→value object (not an array, date or buffer). */
export function isCollection(value: unknown): value is ImlCollection {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) && !isBinary(value);
}

export function isDate(value: unknown): value is Date {
  return value instanceof Date;
}

/** Empty as `ifempty` and the `exist` operator see it: undefined, null, "" (IML.md §E.3; [] and {} are not empty). */
export function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || value === ERASE;
}

function preview(value: unknown): string {
  const text = typeof value === 'string' ? value : safeText(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function safeText(value: unknown): string {
  try {
    return toText(value as ImlValue);
  } catch {
    return String(value);
  }
}

function typeError(message: string): ImlRuntimeError {
  return new ImlRuntimeError(ImlErrorCode.typeMismatch, message);
}

/** Any value to text, as a text field receives it. */
export function toText(value: ImlValue | unknown): string {
  if (value === undefined || value === null || value === ERASE) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberToText(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  if (isBinary(value)) return utf8Decode(value);
  // Arrays become a comma-separated list of their items (IML.md §E.2 and docs/semantics.md).
  if (Array.isArray(value)) return value.map((item) => (isCollection(item) ? JSON.stringify(item) : toText(item))).join(', ');
  if (typeof value === 'object') return JSON.stringify(value, jsonReplacer);
  return String(value);
}

/** JSON.stringify replacer that writes buffers as their text and drops the erase marker. */
export function jsonReplacer(this: unknown, _key: string, value: unknown): unknown {
  if (isBinary(value)) return utf8Decode(value);
  if (value === ERASE) return null;
  return value;
}

function numberToText(value: number): string {
  if (Number.isNaN(value)) return '';
  return String(value);
}

/** Text, or undefined when the value is empty. */
export function toTextOrEmpty(value: ImlValue | unknown): string | undefined {
  return isEmpty(value) ? undefined : toText(value);
}

/**
 * A number where a number is expected: numbers as they are, numeric text parsed,
 * dates as epoch milliseconds (the documented day-difference formula relies on it).
 * Empty values give undefined; anything else is a DataError.
 */
export function toNumber(value: ImlValue | unknown): number | undefined {
  if (isEmpty(value)) return undefined;
  if (typeof value === 'number') return Number.isNaN(value) ? undefined : value;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (trimmed === '') return undefined;
    const parsed = Number(trimmed);
    if (!Number.isNaN(parsed) && /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$|^[+-]?Infinity$|^0x[0-9a-f]+$/i.test(trimmed)) return parsed;
    throw typeError(`Cannot convert '${preview(value)}' to a number.`);
  }
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'boolean') throw typeError(`Cannot convert the boolean ${value} to a number.`);
  throw typeError(`Cannot convert ${describeType(value)} to a number.`);
}

/** Like toNumber, but an empty value is an error too: for arguments a function cannot do without. */
export function requireNumber(value: ImlValue | unknown, what: string): number {
  const number = toNumber(value);
  if (number === undefined) throw typeError(`${what} must be a number, but it is empty.`);
  return number;
}

/** Boolean coercion (help.make.com/type-coercion): any number is true, "false" and "" are false. */
export function toBoolean(value: ImlValue | unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (value === undefined || value === null || value === ERASE) return false;
  if (typeof value === 'number') return true;
  if (typeof value === 'string') return !(value === '' || value === 'false');
  return true;
}

/**
 * A date where a date is expected: dates as they are, numbers as epoch milliseconds,
 * text in the documented formats (zone-less text read in `zone`). Empty gives undefined.
 */
export function toDate(value: ImlValue | unknown, zone: string): Date | undefined {
  if (isEmpty(value)) return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value === 'number') {
    // Beyond ±8.64e15 ms (or NaN) a Date is invalid; dates in IML are valid or empty.
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) throw typeError(`Cannot convert the number ${value} to a date.`);
    return date;
  }
  if (typeof value === 'string') {
    const parsed = coerceTextToDate(value, zone);
    if (parsed) return parsed;
    throw typeError(`Cannot convert '${preview(value)}' to a date.`);
  }
  throw typeError(`Cannot convert ${describeType(value)} to a date.`);
}

/** An array where an array is expected: arrays as they are, empty as [], anything else wrapped. */
export function toArray(value: ImlValue | unknown): ImlValue[] {
  if (Array.isArray(value)) return value as ImlValue[];
  if (isEmpty(value)) return [];
  return [value as ImlValue];
}

export type BinaryEncoding = 'utf8' | 'hex' | 'base64' | 'binary' | 'latin1' | 'ascii';

/** Bytes of a value; text is read in `encoding` (utf8 by default). */
export function toBinary(value: ImlValue | unknown, encoding: string = 'utf8'): Binary {
  if (isBinary(value)) return value;
  if (isEmpty(value)) return new Uint8Array(0);
  if (typeof value === 'string') return textToBytes(value, encoding);
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return utf8Encode(toText(value));
  throw typeError(`Cannot convert ${describeType(value)} to binary data.`);
}

function textToBytes(text: string, encoding: string): Binary {
  switch (encoding.toLowerCase()) {
    case 'hex': {
      const bytes = fromHex(text);
      if (!bytes) throw typeError(`'${preview(text)}' is not hexadecimal text.`);
      return bytes;
    }
    case 'base64': {
      const bytes = fromBase64(text);
      if (!bytes) throw typeError(`'${preview(text)}' is not base64 text.`);
      return bytes;
    }
    case 'binary':
    case 'latin1':
    case 'ascii': {
      const bytes = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i) & 0xff;
      return bytes;
    }
    case 'utf8':
    case 'utf-8':
    case '':
      return utf8Encode(text);
    default:
      throw typeError(`Unknown text encoding '${encoding}'. Use utf8, hex, base64 or binary.`);
  }
}

/** A short English name of a value's IML type, for messages. */
export function describeType(value: unknown): string {
  if (value === undefined || value === null || value === ERASE) return 'an empty value';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return 'a date';
  if (isBinary(value)) return `binary data (${describeBinary(value)})`;
  if (typeof value === 'object') return 'a collection';
  return `the ${typeof value} ${preview(value)}`;
}
