// A record's fields as a data store keeps them: plain JSON, dates as ISO 8601 text (IML's toJsonValue).
import type { DataRecord } from '../../executor/ports.ts';
import { toJsonValue } from '../../iml/index.ts';
import { isRecord } from '../../shared/is-record.ts';

/** The mapped fields in stored form, so a module's output equals what a later Get a record returns. */
export function toRecordData(fields: Readonly<Record<string, unknown>>): DataRecord {
  const json = toJsonValue(fields);
  return isRecord(json) ? json : {};
}
