// JSON columns: values go in as JSON text (dates as ISO 8601, as IML's toJsonValue writes them) and come back parsed.
import { toJsonValue } from '../../iml/index.ts';
import type { z } from 'zod';
import { isRecord } from '../../shared/is-record.ts';
import { InternalError } from '../../shared/errors.ts';

/** The JSON text stored for `value`; `undefined` is stored as `null`. */
export function toJsonText(value: unknown): string {
  return JSON.stringify(toJsonValue(value));
}

/** Parses a JSON column; a column that is not JSON means the file was damaged outside Remake. */
export function fromJsonText(text: string, column: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InternalError(`Column ${column} holds text that is not JSON.`, { cause: error });
  }
}

/** Parses a JSON column that must hold an object (a data store record). */
export function recordFromJsonText(text: string, column: string): Record<string, unknown> {
  const value = fromJsonText(text, column);
  if (!isRecord(value)) throw new InternalError(`Column ${column} holds JSON that is not an object.`);
  return value;
}

/** Parses a JSON column through its schema; a mismatch means the row was written outside Remake. */
export function jsonColumnOf<T>(schema: z.ZodType<T>, text: string, column: string): T {
  const parsed = schema.safeParse(fromJsonText(text, column));
  if (!parsed.success) throw new InternalError(`Column ${column} does not hold the expected shape.`, { cause: parsed.error });
  return parsed.data;
}
