// JSON columns: values go in as JSON text (dates as ISO 8601, as IML's toJsonValue writes them) and come back parsed.
import { toJsonValue } from '../../iml/index.ts';
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
